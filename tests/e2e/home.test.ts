import { expect, test } from '@playwright/test';

test('the home page lists the bundled decks with their card counts', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Tabledeck' })).toBeVisible();
	await expect(page.getByText('서비스 타입')).toBeVisible();
});
