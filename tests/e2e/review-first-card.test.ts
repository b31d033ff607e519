// Issue #20: review's first card comes from index heads and the queue is read behind it
// (Study.open). The unit tests in study-open.svelte.test.ts hold the queue back at each
// step; here two real tabs of one browser run the same path as fast as it goes, the
// reviewing tab's script slowed so its queue is read while the other tab rates.
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, expectRatingsSaved, HomePage, ReviewPage } from './helpers/review';

const fronts = builtDecks().cards.map((card) => card.frontText);

/** The page's script runs `rate` times slower: the queue behind the first card takes longer. */
async function slowCpu(page: Page, rate = 6) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

test('a first card rated in another tab before this tab’s queue is built is not shown to be rated again', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const other = new ReviewPage(b);
	await other.open();
	await other.expectQuestion(fronts[0]);
	await slowCpu(a);
	const review = new ReviewPage(a);
	await review.open();
	await review.expectQuestion(fronts[0]);
	await other.rate('Easy');
	// This tab moves on from the card the other one rated, and counts it as done.
	await review.expectQuestion(fronts[1]);
	await expect(review.progress).toHaveText('19 new · 0 learning · 0 review left');
	await review.rate('Good');
	await expectRatingsSaved(a);
	const home = new HomePage(b);
	await home.open();
	await home.expectCounts({ done: 2, learning: 1, new: 18 });
});
