import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { fitsWidth, reviewCards } from './stats-helpers';

test.describe('statistics', () => {
	test.beforeEach(async ({ page }) => {
		await reviewCards(page, 3);
		await page.goto('/stats');
		await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
	});

	test('shows today’s reviews, the charts and their tables', async ({ page }) => {
		await expect(page.getByTestId('stats-today')).toHaveText('3');
		await expect(page.getByTestId('stats-streak')).toHaveText('1 day');
		await expect(page.getByRole('group', { name: /3 reviews on 1 days in the past year/ })).toBeVisible();
		await expect(page.getByRole('img', { name: /reviews due in the next 30 days/ })).toBeVisible();
		// Three new cards rated Good are learning; the rest of the bundled notes are new.
		await expect(page.getByTestId('state-learning')).toHaveText('3');
		await expect(page.getByTestId('state-review')).toHaveText('0');
		// No review-state reviews yet: retention has nothing to show.
		await expect(page.getByTestId('retention-all-7')).toHaveText('—');
		await page.getByText('Show as a table').first().click();
		await expect(page.getByRole('table').first()).toContainText('3');
		await expect(page.getByRole('table', { name: undefined }).last()).toContainText('인프라 / 모니터링');
	});

	test('a deck filter applies to the charts', async ({ page }) => {
		const today = page.getByTestId('stats-today');
		await expect(today).toHaveText('3');
		const filter = page.getByLabel('Deck', { exact: true });
		const options = await filter.locator('option').allTextContents();
		// A deck nobody studied yet: the last one listed.
		await filter.selectOption({ label: options.at(-1)! });
		await expect(today).toHaveText('0');
		await expect(page.getByTestId('state-learning')).toHaveText('0');
		await expect(page.getByText('Streaks count the reviews of this deck.')).toBeVisible();
		await expect(page.getByTestId('stats-streak')).toHaveText('0 days');
		await filter.selectOption({ label: 'All decks' });
		await expect(today).toHaveText('3');
	});

	test('fits 360 px, in dark mode too, and passes axe', async ({ page }) => {
		// Two axe runs on a shared 2-core machine: more time, never a timed assertion.
		test.slow();
		await page.setViewportSize({ width: 360, height: 640 });
		await expect(page.getByTestId('stats-today')).toHaveText('3');
		await expect(page.getByTestId('stats-streak')).toHaveText('1 day');
		expect(await fitsWidth(page)).toBe(true);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 23)');
		expect(await fitsWidth(page)).toBe(true);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	});
});
