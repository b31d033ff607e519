import { expect, test } from '@playwright/test';
import { DEFAULT_SETTINGS, rate } from '../../src/lib/scheduler';
import { builtDecks, DeckPage, HomePage, ReviewPage } from './helpers/review';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
const [first, second, third] = cardsOf(pod);

/** The stability a new card gets from one rating, as the deck page shows it. */
const stabilityAfter = (rating: 3 | 4) =>
	`${rate(null, first.id, rating, Date.now(), DEFAULT_SETTINGS, 0, 'x').progress.stability.toFixed(1)}d`;

test('the deck page shows each card’s state, due time and stability', async ({ page }) => {
	// Midday, so that a learning card due in ten minutes is due today (a time, not a date), whenever CI runs.
	await page.clock.install({ time: new Date(2026, 11, 7, 12, 0) });
	const review = new ReviewPage(page);
	await review.open(pod);
	await review.rate('Good');
	await review.rate('Easy');

	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	await expect(page.getByRole('listitem')).toHaveCount(cardsOf(pod).length);
	await expect(deckPage.card(first.frontText)).toContainText(first.backText);
	await deckPage.expectFacts(first.frontText, { State: 'Learning', Due: /^\d\d:\d\d\s(AM|PM)$/, Stability: stabilityAfter(3) });
	await deckPage.expectFacts(second.frontText, { State: 'Review', Due: /^\w{3} \d+, \d{4}$/, Stability: stabilityAfter(4) });
	await deckPage.expectFacts(third.frontText, { State: 'New', Due: '—', Stability: '—' });
	await expect(deckPage.card(third.frontText).getByRole('button', { name: 'Reset progress' })).toBeDisabled();
});

test('suspend and bury take a card out of the queue; unsuspend and unbury bring it back', async ({ page }) => {
	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	await deckPage.act(first.frontText, 'Suspend');
	await deckPage.expectState(first.frontText, 'Suspended');
	await deckPage.act(second.frontText, 'Bury until tomorrow');
	await deckPage.expectState(second.frontText, 'Buried');

	await page.getByRole('link', { name: 'Study this deck' }).click();
	const review = new ReviewPage(page);
	await review.expectQuestion(third.frontText);
	await expect(review.progress).toHaveText(`${cardsOf(pod).length - 2} new · 0 learning · 0 review left`);
	const home = new HomePage(page);
	await home.open();
	await expect(await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', 'Pod')).toContainText(`New ${cardsOf(pod).length - 2}`);

	await deckPage.open(pod);
	await deckPage.act(first.frontText, 'Unsuspend');
	await deckPage.act(second.frontText, 'Unbury');
	await deckPage.expectState(first.frontText, 'New');
	await deckPage.expectState(second.frontText, 'New');
	await review.open(pod);
	await review.expectQuestion(first.frontText);
	await expect(review.progress).toHaveText(`${cardsOf(pod).length} new · 0 learning · 0 review left`);
});

test('reset asks first, then makes the card new again and keeps its history', async ({ page }) => {
	const review = new ReviewPage(page);
	await review.open(pod);
	await review.rate('Good');

	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	await deckPage.expectState(first.frontText, 'Learning');
	await deckPage.reset(first.frontText, 'Cancel');
	await deckPage.expectState(first.frontText, 'Learning');
	await deckPage.reset(first.frontText, 'Reset progress');
	await deckPage.expectState(first.frontText, 'New');

	await review.open(pod);
	await review.expectQuestion(first.frontText);
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 1, learning: 0 });
});

test('a card’s history lists its ratings, newest first, and stays after a reset', async ({ page }) => {
	const review = new ReviewPage(page);
	await review.open(pod);
	await review.rate('Again');
	// The rest Easy; then the first card is back within the learn-ahead window.
	for (let i = 1; i < cardsOf(pod).length; i++) await review.rate('Easy');
	await review.expectQuestion(first.frontText);
	await review.rate('Good');

	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	const history = deckPage.card(first.frontText).getByRole('group');
	await expect(history.getByRole('table')).toBeHidden();
	await history.getByText('History').click();
	await expect(history).toContainText('2 ratings, 0 lapses');
	const at = '\\d\\d:\\d\\d\\s(AM|PM)';
	await expect(history.getByRole('row')).toHaveText([
		/^When\s*Rating\s*Next in$/,
		new RegExp(`^${at}\\s*Good\\s*10m$`),
		new RegExp(`^${at}\\s*Again\\s*1m$`)
	]);
	await deckPage.card(third.frontText).getByText('History').click();
	await expect(deckPage.card(third.frontText)).toContainText('1 rating, 0 lapses');
	await deckPage.card(second.frontText).getByText('History').click();
	await expect(deckPage.card(second.frontText).getByRole('row')).toHaveCount(2);

	await deckPage.reset(first.frontText, 'Reset progress');
	await deckPage.expectState(first.frontText, 'New');
	await history.getByText('History').click();
	await history.getByText('History').click();
	await expect(history.getByRole('row')).toHaveCount(3);
});

test('a card never rated says so in its history', async ({ page }) => {
	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	await deckPage.card(third.frontText).getByText('History').click();
	await expect(deckPage.card(third.frontText).getByRole('group')).toContainText('Not rated yet.');
});
