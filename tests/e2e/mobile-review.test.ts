// Runs in the "mobile" project (Pixel 7, touch): the review screen's taps that must not surprise.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openReview } from './helpers/pages';
import { expectRatingsSaved } from './helpers/review';

/** Two taps at one point of `target`, as fast as a finger double-taps (no waiting between them). */
async function doubleTap(page: Page, target: Locator, at: { x: number }) {
	const box = (await target.boundingBox())!;
	const point = { x: box.x + box.width * at.x, y: box.y + box.height / 2 };
	await page.touchscreen.tap(point.x, point.y);
	await page.touchscreen.tap(point.x, point.y);
}

test('a double tap on "Show answer" shows the answer and rates nothing; a later tap rates', async ({ page }) => {
	const card = await openReview(page);
	const front = await card.getByTestId('question').innerText();
	const show = page.getByRole('button', { name: 'Show answer' });
	// Easy's button takes the place of the right end of "Show answer".
	await doubleTap(page, show, { x: 0.9 });
	await expect(card.getByTestId('answer')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Easy/ })).toBeVisible();
	await page.waitForTimeout(800); // long enough for a stray rating to have shown the next card
	await expect(card.getByTestId('question')).toHaveText(front);
	await expect(card.getByTestId('answer')).toBeVisible();

	// Once the guard is over, a tap rates as always.
	await page.getByRole('button', { name: /^Good/ }).tap();
	await expect(card.getByTestId('question')).not.toHaveText(front);
	await expectRatingsSaved(page);
	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('1');
});

test('keys rate at once after the answer appears: the tap guard is for taps only', async ({ page }) => {
	const card = await openReview(page);
	const front = await card.getByTestId('question').innerText();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(card.getByTestId('question')).not.toHaveText(front);
});

test('the ⋯ menu opens clear of the card, closes on an outside tap, Escape and Back; a suspend offers Undo', async ({ page }) => {
	const card = await openReview(page);
	const front = await card.getByTestId('question').innerText();
	await page.getByRole('button', { name: 'Show answer' }).tap();
	const toggle = page.getByRole('button', { name: 'Card actions' });
	const suspend = page.getByRole('button', { name: 'Suspend card' });

	await toggle.tap();
	await expect(suspend).toBeVisible();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	const menuBottom = await suspend.evaluate((el) => el.getBoundingClientRect().bottom);
	const cardTop = await card.evaluate((el) => el.getBoundingClientRect().top);
	expect(menuBottom).toBeLessThanOrEqual(cardTop);

	// A tap anywhere else closes it and does nothing to the card.
	await card.getByTestId('answer').tap();
	await expect(suspend).toBeHidden();
	await expect(card.getByTestId('question')).toHaveText(front);

	await toggle.tap();
	await expect(suspend).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(suspend).toBeHidden();

	await toggle.tap();
	await expect(suspend).toBeVisible();
	await page.goBack();
	await expect(suspend).toBeHidden();
	await expect(page).toHaveURL(/\/review$/);
	await expect(card.getByTestId('question')).toHaveText(front);

	// A stray tap on Suspend is one tap on Undo away from nothing.
	await toggle.tap();
	await suspend.tap();
	const toast = page.getByRole('status').filter({ hasText: 'is suspended' });
	await expect(toast).toBeVisible();
	await expect(card.getByTestId('question')).not.toHaveText(front);
	await toast.getByRole('button', { name: 'Undo' }).tap();
	await expect(card.getByTestId('question')).toHaveText(front);
	await expect(toast).toBeHidden();

	// The toast goes by itself after a few seconds; the page's Undo stays.
	await toggle.tap();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).tap();
	const buried = page.getByRole('status').filter({ hasText: 'is buried' });
	await expect(buried).toBeVisible();
	await expect(buried).toBeHidden({ timeout: 10_000 });
	await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
});

test('on a first visit, the deck import’s progress line leaves "Show answer" where the finger is', async ({ page }) => {
	// The notes' files wait, so the import's progress line stays up.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/decks/**', async (route) => {
		if (!route.request().url().endsWith('/index.json')) await held;
		return route.continue();
	});
	await page.goto('/review');
	const show = page.getByRole('button', { name: 'Show answer' });
	await expect(show).toBeVisible();
	const before = await show.boundingBox();
	const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
	await expect(progress).toBeVisible();
	await expect(page.locator('[data-session]')).toHaveAttribute('data-session', 'live');
	expect(await show.boundingBox()).toEqual(before);
	release();
	await expect(progress).toBeHidden();
	expect(await show.boundingBox()).toEqual(before);
});
