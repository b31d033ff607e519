// Issue #16: a page left open across the day start (04:00) kept yesterday's counts and limits.
import { expect, test } from '@playwright/test';
import { HomePage, ReviewPage } from './helpers/review';

test('home and an open review renew their counts at the day start, without a reload', async ({ page }) => {
	// 03:50 local time: ten minutes before the study day turns.
	await page.clock.install({ time: new Date(2026, 11, 7, 3, 50) });
	const review = new ReviewPage(page);
	await review.open();
	for (let i = 0; i < 3; i++) await review.rate('Easy');
	await expect(review.progress).toHaveText('17 new · 0 learning · 0 review left');

	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ new: 17, done: 3 });
	await page.clock.runFor(12 * 60_000);
	await home.expectCounts({ new: 20, done: 0 });

	await review.open();
	await expect(review.progress).toHaveText('20 new · 0 learning · 0 review left');
	for (let i = 0; i < 2; i++) await review.rate('Easy');
	await expect(review.progress).toHaveText('18 new · 0 learning · 0 review left');
	await page.clock.runFor(24 * 60 * 60_000);
	await expect(review.progress).toHaveText('20 new · 0 learning · 0 review left');
});
