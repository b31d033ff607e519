import { expect, test } from '@playwright/test';

test('review by keyboard and the rating survives a reload', async ({ page }) => {
	await page.goto('/review');
	const card = page.getByRole('article');
	await expect(card).toContainText('Pod');
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
	await page.keyboard.press('3');
	await expect(card).not.toContainText('가장 작은 배포 단위');
	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('1');
});
