import { expect, test } from '@playwright/test';
import { builtDecks, DeckPage, HomePage, ReviewPage } from './helpers/review';

const { cards, deck } = builtDecks();
const fronts = cards.map((card) => card.frontText);

test('two tabs stay consistent: a rating in one shows in the other and moves its session on', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const homeA = new HomePage(a);
	await homeA.open();
	const reviewB = new ReviewPage(b);
	await reviewB.open();
	await reviewB.rate('Good');
	await homeA.expectCounts({ done: 1, learning: 1, new: 19 });

	// Both tabs now show the same card; rating it in one must not leave it to be rated again in the other.
	const reviewA = new ReviewPage(a);
	await reviewA.open();
	await reviewA.expectQuestion(fronts[1]);
	await reviewB.expectQuestion(fronts[1]);
	await reviewA.rate('Good');
	await reviewA.expectQuestion(fronts[2]);
	await reviewB.expectQuestion(fronts[2]);
	await expect(reviewB.progress).toHaveText('18 new · 2 learning · 0 review left');
	await reviewB.rate('Good');
	await reviewA.expectQuestion(fronts[3]);

	// Undo takes back the latest rating, whichever tab gave it; the other tab follows.
	await reviewA.undo('u');
	await reviewA.expectQuestion(fronts[2]);
	await reviewB.expectQuestion(fronts[2]);
	await homeA.open();
	await homeA.expectCounts({ done: 2, learning: 2, new: 18 });
});

test('a card suspended in another tab is not rated from a stale screen', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const review = new ReviewPage(a);
	await review.open();
	await review.expectQuestion(fronts[0]);
	await review.showAnswer();

	const deckPage = new DeckPage(b);
	await deckPage.open(deck('Kubernetes 핵심 개념', 'Pod'));
	await deckPage.act(fronts[0], 'Suspend');
	await deckPage.expectState(fronts[0], 'Suspended');

	await a.keyboard.press('3');
	await review.expectQuestion(fronts[1]);
	await deckPage.expectState(fronts[0], 'Suspended');
	const home = new HomePage(b);
	await home.open();
	await home.expectCounts({ done: 0, learning: 0 });
});
