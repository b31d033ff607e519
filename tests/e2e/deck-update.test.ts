import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtDecks, DeckPage, HomePage, rebuildDecksWithAnswer, ReviewPage, serveFolder } from './helpers/review';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
const [edited, other] = cardsOf(pod);
const newAnswer = '가장 작은 배포 단위 (고친 답)';

// The app must fetch the second build's decks itself, not a service worker's cached copy.
test.use({ serviceWorkers: 'block' });

let tmp: string;
test.beforeAll(() => {
	// Two copies of the shared build, the second with decks built from notes with one answer edited;
	// build/ itself is left alone for the other tests.
	tmp = mkdtempSync(join(tmpdir(), 'tabledeck-e2e-'));
	cpSync('build', join(tmp, 'before'), { recursive: true });
	cpSync('build', join(tmp, 'after'), { recursive: true });
	rebuildDecksWithAnswer(tmp, edited, newAnswer, join(tmp, 'after', 'decks'));
	expect(builtDecks(join(tmp, 'after')).cards.find((card) => card.id === edited.id)?.backText).toBe(newAnswer);
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a deck rebuilt with an edited answer keeps that card’s progress', async ({ page }) => {
	const before = await serveFolder(join(tmp, 'before'));
	try {
		const review = new ReviewPage(page, before.url);
		await review.open(pod);
		await review.rate('Good');
		await review.rate('Good');
	} finally {
		await before.stop();
	}
	// The same origin (so the same IndexedDB), now serving the edited decks.
	const after = await serveFolder(join(tmp, 'after'), before.port);
	try {
		const deckPage = new DeckPage(page, after.url);
		await deckPage.open(pod);
		await expect(deckPage.card(edited.frontText)).toContainText(newAnswer);
		await deckPage.expectState(edited.frontText, 'Learning');
		await deckPage.expectState(other.frontText, 'Learning');

		const home = new HomePage(page, after.url);
		await home.open();
		await home.expectCounts({ done: 2, learning: 2, new: 18 });
		const review = new ReviewPage(page, after.url);
		await review.open(pod);
		await review.expectQuestion(cardsOf(pod)[2].frontText);
	} finally {
		await after.stop();
	}
});
