// Runs in the "mobile" project (Pixel 7): the heatmap names its months, has a legend, and a
// tap (or focus and Enter) on a day says its date and count (issue #16, item 12).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectRatingsSaved } from './helpers/review';
import { reviewCards } from './stats-helpers';

const monthOf = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options).format(new Date());

/** This month's label over the latest half-year: short on screen, with its year when read aloud. */
async function expectThisMonth(page: Page, locale: string) {
	const header = page
		.getByRole('grid')
		.last()
		.getByRole('columnheader', { name: monthOf(locale, { month: 'short', year: 'numeric' }), exact: true });
	await expect(header).toBeVisible();
	await expect(header.locator('[aria-hidden="true"]')).toHaveText(monthOf(locale, { month: 'short' }));
}

test('month labels and a legend; a tap on today, or arrows and Enter, tell a day’s reviews; axe stays clean', async ({ page }) => {
	await reviewCards(page, 3);
	await page.goto('/stats');
	const grids = page.getByRole('grid');
	await expect(grids).toHaveCount(2);
	await expectThisMonth(page, 'en-US');
	await expect(page.getByText(/^\s*Less\s+More\s*$/)).toBeVisible();
	const status = page.getByTestId('heatmap-day');
	await expect(status).toHaveText('Tap a day to see its reviews.');

	const today = grids.last().getByRole('gridcell', { name: /: 3 reviews$/ });
	await expect(today).toHaveAttribute('tabindex', '0');
	await today.tap();
	const todayText = (await today.getAttribute('aria-label'))!;
	await expect(status).toHaveText(todayText);
	await expect(today).toHaveAttribute('aria-selected', 'true');

	// The keyboard: one tab stop per half, arrows between days, Enter tells.
	await today.focus();
	await page.keyboard.press('ArrowLeft');
	const weekBefore = grids.last().locator('td:focus');
	await expect(weekBefore).toHaveAttribute('aria-label', /: 0 reviews$/);
	await page.keyboard.press('Enter');
	await expect(status).toHaveText((await weekBefore.getAttribute('aria-label'))!);
	await expect(status).not.toHaveText(todayText);

	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test.describe('in Korean', () => {
	test.use({ locale: 'ko-KR' });

	test('month labels and the legend speak Korean', async ({ page }) => {
		await page.goto('/review');
		await expect(page.getByRole('button', { name: '정답 보기' })).toBeVisible();
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: /^알맞음/ })).toBeVisible();
		await page.keyboard.press('3');
		await expectRatingsSaved(page);
		await page.goto('/stats');
		await expectThisMonth(page, 'ko-KR');
		await expect(page.getByText(/^\s*적음\s+많음\s*$/)).toBeVisible();
		await expect(page.getByTestId('heatmap-day')).toHaveText('날짜를 누르면 그날의 복습 수가 보입니다.');
		await page.getByRole('gridcell', { name: /: 복습 1번$/ }).tap();
		await expect(page.getByTestId('heatmap-day')).toHaveText(/^\d{4}년 \d{1,2}월 \d{1,2}일: 복습 1번$/);
	});
});
