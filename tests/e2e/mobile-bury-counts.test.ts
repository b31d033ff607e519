// Runs in the "mobile" project (Pixel 7): a bury or suspend from the ⋯ menu changes the new-card
// count on the review header, on home and in the deck tree at once, with no reload (issue #16, item 6).
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { deck, decks, cards, cardsOf } = builtDecks();
const serviceTypes = deck('Kubernetes 핵심 개념', '서비스 타입');

async function hideShownCard(page: Page, how: 'Bury until tomorrow' | 'Suspend card') {
	await page.getByRole('button', { name: 'Card actions' }).tap();
	await page.getByRole('button', { name: how }).tap();
	await expect(page.getByRole('status').filter({ hasText: how === 'Suspend card' ? 'is suspended' : 'is buried' })).toBeVisible();
}

const left = (page: Page, n: number) => page.getByText(new RegExp(`^${n} new · \\d+ learning · \\d+ review left$`));

test('a bury keeps the day’s 20 new cards: the next new card takes its place, on the review header and on home, live', async ({
	context,
	page
}) => {
	const review = new ReviewPage(page);
	await review.open();
	await expect(left(page, 20)).toBeVisible();
	const first = await review.question.innerText();
	const firstDeck = decks.find((d) => d.id === cards.find((c) => c.frontText === first)!.deckId)!;
	// Home in a second tab follows the database live.
	const homeTab = await context.newPage();
	const home = new HomePage(homeTab);
	await home.open();
	await home.expectCounts({ new: 20 });
	const row = await home.deckRow(...firstDeck.path);
	const ownNew = Math.min(20, cardsOf(firstDeck).length);
	await expect(row.locator('.n-new')).toHaveText(`New ${ownNew}`);

	await hideShownCard(page, 'Bury until tomorrow');
	// A buried card was not studied: today's limit still has room for 20, as Anki counts it.
	await expect(left(page, 20)).toBeVisible();
	await expect(row.locator('.n-new')).toHaveText(`New ${ownNew - 1}`);
	await home.expectCounts({ new: 20 });

	await hideShownCard(page, 'Suspend card');
	await expect(left(page, 20)).toBeVisible();
	await expect(row.locator('.n-new')).toHaveText(`New ${ownNew - 2}`);

	// A reload agrees with what was on screen.
	await page.reload();
	await expect(left(page, 20)).toBeVisible();
});

test('in a deck with fewer new cards than the limit, a bury and a suspend take one off each count, live', async ({ context, page }) => {
	const total = cardsOf(serviceTypes).length;
	expect(total).toBeLessThan(20);
	const review = new ReviewPage(page);
	await review.open(serviceTypes);
	await expect(left(page, total)).toBeVisible();
	const homeTab = await context.newPage();
	const home = new HomePage(homeTab);
	await home.open();
	const row = await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', '서비스 타입');
	await expect(row.locator('.n-new')).toHaveText(`New ${total}`);

	await hideShownCard(page, 'Bury until tomorrow');
	await expect(left(page, total - 1)).toBeVisible();
	await expect(row.locator('.n-new')).toHaveText(`New ${total - 1}`);
	await hideShownCard(page, 'Suspend card');
	await expect(left(page, total - 2)).toBeVisible();
	await expect(row.locator('.n-new')).toHaveText(`New ${total - 2}`);

	// The toast's Undo puts the suspended card back in both places.
	await page.getByRole('status').getByRole('button', { name: 'Undo' }).tap();
	await expect(left(page, total - 1)).toBeVisible();
	await expect(row.locator('.n-new')).toHaveText(`New ${total - 1}`);
});
