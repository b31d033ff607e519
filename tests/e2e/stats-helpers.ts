import { expect, type Page } from '@playwright/test';
import { expectRatingsSaved } from './helpers/review';

/** Rates the next `n` cards Good by keyboard, as a person would. */
export async function reviewCards(page: Page, n: number): Promise<void> {
	await page.goto('/review');
	const card = page.getByRole('article');
	for (let i = 0; i < n; i++) {
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		const front = await card.textContent();
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
		await page.keyboard.press('3');
		await expect(card).not.toHaveText(front ?? '');
	}
	await expectRatingsSaved(page);
}

export async function doneToday(page: Page): Promise<string | null> {
	await page.goto('/');
	const done = page.getByTestId('count-done');
	await expect(done).toBeVisible();
	return done.textContent();
}

/** No horizontal page scroll. */
export async function fitsWidth(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
