// Issue #20: a first visit straight to /review shows its first card before the session (Dexie,
// the database code, the scheduler) has loaded, and hands what is done on it to the session.
import { expect, test } from '@playwright/test';
import { builtDecks, expectRatingsSaved } from './helpers/review';

test('a first visit shows the first card from the deck files, and a reveal and a rating key given before the session loads are kept', async ({
	page
}) => {
	const [first, second] = builtDecks().cards;
	// From the first note's file on (the card's own data), every script waits: the session cannot load yet.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let holding = false;
	await page.route('**/decks/*.json', async (route) => {
		if (!route.request().url().endsWith('/index.json')) holding = true;
		await route.continue();
	});
	await page.route('**/*.js', async (route) => {
		if (holding) await held;
		await route.continue();
	});
	await page.goto('/review');
	const card = page.getByRole('article');
	await expect(card.getByTestId('question')).toHaveText(first.frontText);

	await page.keyboard.press('Space');
	await expect(card.getByTestId('answer')).toHaveText(first.backText);
	// No rating buttons until the session can save a rating; the key is kept for it.
	await expect(page.getByRole('button', { name: /^Good/ })).toBeHidden();
	await page.keyboard.press('3');
	await expect(card.getByTestId('question')).toHaveText(first.frontText);

	release();
	await expect(card.getByTestId('question')).toHaveText(second.frontText);
	await expect(page.getByTestId('review-left')).toContainText('19 new · 1 learning');
	await expectRatingsSaved(page);
	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('1');
});
