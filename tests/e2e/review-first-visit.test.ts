// Issue #20: a first visit to /review shows its first card from the deck files while the
// database opens and the decks are imported (Study.preview). Here the database's opening is
// held (its success event waits for the test) while the card is revealed and rated, and the
// next card's reveal is pressed before that card exists.
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const fronts = builtDecks().cards.map((card) => card.frontText);

/** Holds the app's database open request on the page's first load until `window.openDatabase()` is called in it. */
async function holdDatabase(page: Page) {
	await page.addInitScript(() => {
		// The first load only: a reload opens the database as usual.
		if (sessionStorage.getItem('held')) return;
		sessionStorage.setItem('held', '1');
		const open = IDBFactory.prototype.open;
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		Object.assign(window, { openDatabase: release });
		IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
			const request = open.call(this, name, version);
			if (name !== 'tabledeck') return request;
			// Dexie sets `onsuccess`: kept here and called once the test lets the database open.
			let onsuccess: ((event: Event) => void) | null = null;
			Object.defineProperty(request, 'onsuccess', { get: () => onsuccess, set: (handler) => (onsuccess = handler) });
			request.addEventListener('success', (event) => void held.then(() => onsuccess?.call(request, event)));
			return request;
		};
	});
}

/** The page's layout shifts so far (CLS without input), summed. */
async function layoutShift(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				new PerformanceObserver((list, observer) => {
					observer.disconnect();
					const shifts = list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[];
					resolve(shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0));
				}).observe({ type: 'layout-shift', buffered: true });
				// No entry at all: nothing shifted.
				setTimeout(() => resolve(0), 100);
			})
	);
}

test('a first visit reveals and rates its first card before the database is open: stored once, and the session moves on', async ({
	page
}) => {
	await holdDatabase(page);
	const deckFiles: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		// The service worker's precache asks for them with `?precache`, after the first visit's load.
		if (url.pathname.startsWith('/decks/') && url.search === '') deckFiles.push(url.pathname);
	});
	const review = new ReviewPage(page);
	await page.goto('/review');
	await review.expectQuestion(fronts[0]);
	// The queue is not built: its numbers are the first visit's, built into the page.
	await expect(review.progress).toHaveText('20 new · 0 learning · 0 review left');
	expect(await layoutShift(page)).toBe(0);

	await review.showAnswer();
	await page.keyboard.press('3');
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '1');
	// The next card's "Show answer", pressed before that card is shown: done once it is.
	await page.keyboard.press('Space');
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '1');
	await expect(review.card).toHaveCount(0);

	await page.evaluate(() => (window as unknown as { openDatabase: () => void }).openDatabase());
	await expect(review.question).toHaveText(fronts[1]);
	await expect(review.answer).toBeVisible();
	await expect(review.progress).toHaveText('19 new · 1 learning · 0 review left');
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '0');
	// Each deck file was fetched once, for the card and the import both.
	expect(deckFiles.length).toBeGreaterThanOrEqual(2);
	expect(new Set(deckFiles).size).toBe(deckFiles.length);

	await page.reload();
	await review.expectQuestion(fronts[1]);
	await expect(review.progress).toHaveText('19 new · 1 learning · 0 review left');
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 1, learning: 1, new: 19 });
});

/** Holds the app's scripts (not boot.js or review-first-visit.js) until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

test('a first visit shows its first card from the page itself, before the app runs, and a Show answer pressed then is answered', async ({
	page
}) => {
	const release = await holdScripts(page);
	const review = new ReviewPage(page);
	await page.goto('/review', { waitUntil: 'commit' });
	await review.expectQuestion(fronts[0]);
	await expect(review.progress).toHaveText('20 new · 0 learning · 0 review left');
	await expect(review.answer).toHaveCount(0);
	await page.getByRole('button', { name: 'Show answer' }).click();
	// Nothing runs it yet: the answer waits for the app.
	await expect(review.answer).toHaveCount(0);

	release();
	await expect(review.answer).toBeVisible();
	await expect(review.question).toHaveText(fronts[0]);
	await page.keyboard.press('3');
	await expect(review.question).toHaveText(fronts[1]);
	await expect(review.progress).toHaveText('19 new · 1 learning · 0 review left');
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '0');
});

test('a later visit never shows the card built into the page: the session shows its own first card', async ({ page }) => {
	const review = new ReviewPage(page);
	await page.goto('/review');
	await review.expectQuestion(fronts[0]);
	await review.showAnswer();
	await page.keyboard.press('3');
	await expect(review.question).toHaveText(fronts[1]);
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '0');

	const release = await holdScripts(page);
	await page.goto('/review', { waitUntil: 'commit' });
	await expect(page.getByRole('button', { name: 'Show answer', includeHidden: true })).toBeAttached();
	// In the page but not shown: this browser has studied, and the app knows its first card.
	await expect(review.card).toBeHidden();
	await expect(review.progress).toBeHidden();
	release();
	await review.expectQuestion(fronts[1]);
	await expect(review.progress).toHaveText('19 new · 1 learning · 0 review left');
});

test('keys pressed on the page’s first card before the app runs are answered in order once it does', async ({ page }) => {
	const release = await holdScripts(page);
	const review = new ReviewPage(page);
	await page.goto('/review', { waitUntil: 'commit' });
	await review.expectQuestion(fronts[0]);
	// Two Spaces are one "Show answer" (nothing answered the first), a key after a rating rates nothing.
	for (const key of ['Space', 'Space', '3', '1', 'Space', '1']) await page.keyboard.press(key);
	await expect(review.answer).toHaveCount(0);

	release();
	// The first card rated Good, the second Again: both learning, the third card up.
	await review.expectQuestion(fronts[2]);
	await expect(review.progress).toHaveText('18 new · 2 learning · 0 review left');
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '0');
	await page.reload();
	await expect(review.progress).toHaveText('18 new · 2 learning · 0 review left');
	await new HomePage(page).open();
	await new HomePage(page).expectCounts({ done: 2, learning: 2, new: 18 });
});
