import { expect, test } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { cards } = builtDecks();
const unavailable = 'Tabledeck cannot save progress in this browser';

test('when IndexedDB refuses to open, the app says so and offers nothing that would not be saved', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText(unavailable);
	await expect(page.getByRole('link', { name: 'Start review' })).toHaveCount(0);
	await page.goto('/review');
	await expect(page.getByRole('alert')).toContainText(unavailable);
	await expect(page.getByRole('article')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
});

test('a browser without IndexedDB gets the same plain message', async ({ page }) => {
	await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
	await page.goto('/review');
	await expect(page.getByRole('alert')).toContainText(unavailable);
	await expect(page.getByRole('article')).toHaveCount(0);
});

test('a rating that cannot be saved is taken back and the failure is shown', async ({ page }) => {
	// Storage opens, but the disk is full when the rating's log page is written.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if (this.name === 'logPages') throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const review = new ReviewPage(page);
	await review.open();
	await review.expectQuestion(cards[0].frontText);
	await review.showAnswer();
	await page.keyboard.press('3');
	await expect(page.getByRole('alert')).toContainText('Saving failed: The browser has no room left to save progress');
	await review.expectQuestion(cards[0].frontText);
	await expect(review.progress).toHaveText('20 new · 0 learning · 0 review left');
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 0, new: 20 });
});
