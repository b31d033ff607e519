import { expect, test } from '@playwright/test';

test('the home page shows today’s counts and the deck tree of the bundled notes', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await expect(page.getByTestId('count-due')).toHaveText('0');
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
	await page.getByRole('button', { name: '인프라 / 모니터링' }).click();
	await page.getByRole('button', { name: 'Kubernetes 핵심 개념' }).click();
	await expect(page.getByRole('link', { name: 'Open 서비스 타입' })).toBeVisible();
});
