/**
 * The app when the browser misbehaves: another tab takes a card out of the notes, holds the
 * database so it never opens, or upgrades it underneath. The "other tab" is a second page of
 * the same origin working on IndexedDB directly, as another version of the app would.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { cards } = builtDecks();
const fronts = cards.map((card) => card.frontText);
const DB = 'tabledeck';

// Two tabs each, and once the seconds the page waits before saying why: more than the default
// 30 s on a machine shared with other test runs.
test.describe.configure({ timeout: 90_000 });

/** A page of the app's origin that does not open the database itself. */
async function otherTab(page: Page) {
	await page.goto('/decks/index.json');
}

test('a card a deck update removed while it was shown is skipped with a word, and nothing is stored for it', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const review = new ReviewPage(a);
	await review.open();
	await review.expectQuestion(fronts[0]);
	// A first visit shows the card built into the page before the decks are stored: the queue
	// counted behind it says they are (CI once read the card's directory before it was written).
	await expect(a.getByTestId('review-left')).toHaveAttribute('data-counted', 'yes');

	// What a deck update in tab b does to that card: it is gone from its note's card directory
	// and page (src/lib/db/card-store.ts), the cards after it one place up.
	await otherTab(b);
	await b.evaluate(
		([name, id]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['cardNotes', 'cardPages'], 'readwrite');
					const notes = tx.objectStore('cardNotes');
					const store = tx.objectStore('cardPages');
					notes.index('ids').get(id).onsuccess = (found) => {
						const row = (found.target as IDBRequest).result;
						if (!row) return reject(new Error(`card ${id} is not stored`));
						const at = row.ids.indexOf(id);
						row.ids.splice(at, 1);
						row.deckOf.splice(at, 1);
						notes.put(row);
						store.getAll(IDBKeyRange.bound([row.noteId, 0], [row.noteId, Infinity])).onsuccess = (read) => {
							const pages = ((read.target as IDBRequest).result as { json: string }[]).map(
								(page) => JSON.parse(page.json) as { id: string }[]
							);
							const left = pages
								.flat()
								.filter((card) => card.id !== id)
								.map((card, pos) => ({ ...card, pos }));
							const size = pages[0].length;
							store.delete(IDBKeyRange.bound([row.noteId, 0], [row.noteId, Infinity]));
							for (let page = 0; page * size < left.length; page++) {
								store.put({ noteId: row.noteId, page, json: JSON.stringify(left.slice(page * size, (page + 1) * size)) });
							}
						};
					};
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		[DB, cards[0].id]
	);

	await review.rate('Good');
	await expect(a.getByRole('main').getByRole('status')).toContainText(`“${fronts[0]}” was removed from your notes — skipped.`);
	await review.expectQuestion(fronts[1]);
	await expect(a.getByRole('alert')).toHaveCount(0);
	await review.rate('Good');
	const home = new HomePage(a);
	await home.open();
	await home.expectCounts({ done: 1, learning: 1 });
});

test('a database that does not open says why after a few seconds, and goes on once it opens', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const review = new ReviewPage(a);
	await review.open();
	await otherTab(a);

	// Tab b holds the database and will not let go, and asks for an upgrade that waits behind
	// that: every later open (the app's) queues behind the upgrade, with no event at all.
	await otherTab(b);
	await b.evaluate(
		(name) =>
			new Promise<void>((resolve, reject) => {
				const hold = indexedDB.open(name);
				hold.onerror = () => reject(hold.error);
				hold.onsuccess = () => {
					const held = hold.result;
					held.onversionchange = () => {};
					(window as unknown as { held: IDBDatabase }).held = held;
					const upgrade = indexedDB.open(name, held.version + 1);
					// When it finally runs, it changes nothing.
					upgrade.onupgradeneeded = () => upgrade.transaction!.abort();
					upgrade.onerror = () => undefined;
					upgrade.onblocked = () => resolve();
				};
			}),
		DB
	);

	await a.goto('/review');
	const waiting = a.getByRole('status').filter({ hasText: 'Tabledeck is still opening its database' });
	await expect(waiting).toContainText('close the other Tabledeck tabs', { timeout: 20_000 });
	await expect(a.getByRole('button', { name: 'Reload' })).toBeVisible();

	await b.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
	await review.expectQuestion(fronts[0]);
	await expect(waiting).toHaveCount(0);
});

test('a schema upgrade in another tab: this tab lets go at once, says to reload, and loses nothing', async ({ context }) => {
	const [a, b] = [await context.newPage(), await context.newPage()];
	const review = new ReviewPage(a);
	await review.open();
	await review.rate('Good');
	await review.expectQuestion(fronts[1]);

	await otherTab(b);
	const outcome = await b.evaluate(
		(name) =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open(name, 10_000);
				open.onblocked = () => resolve('blocked');
				// A newer app would change the schema here; this one leaves it as it was, so the reload works.
				open.onupgradeneeded = () => {
					open.transaction!.abort();
					resolve('upgraded');
				};
				open.onerror = () => undefined;
			}),
		DB
	);
	expect(outcome).toBe('upgraded');

	const notice = a.getByRole('alert').filter({ hasText: 'Tabledeck was updated in another tab — reload' });
	await expect(notice).toBeVisible();
	await expect(a.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
	await notice.getByRole('button', { name: 'Reload' }).click();
	await review.expectQuestion(fronts[1]);
	const home = new HomePage(a);
	await home.open();
	await home.expectCounts({ done: 1, learning: 1 });
});

test('a “Saving failed” message goes once a later rating is saved, and says until then what was not saved', async ({ page }) => {
	// The disk is full for the first rating's log page only.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		let failures = 1;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
			if (this.name === 'logPages' && failures-- > 0) throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	const review = new ReviewPage(page);
	await review.open();
	await review.showAnswer();
	await page.keyboard.press('3');
	await expect(page.getByRole('alert')).toHaveText(
		'Saving failed: The browser has no room left to save progress — 1 rating was not saved; its card comes back to be rated again.'
	);
	await review.expectQuestion(fronts[0]);
	await review.rate('Good');
	await review.expectQuestion(fronts[1]);
	await expect(page.getByRole('alert')).toHaveCount(0);
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 1, learning: 1 });
});

test('an upgrade another tab blocks says which tab to close, not that storage is unavailable', async ({ page }) => {
	// What the browser does while an old tab will not let go: the open request reports "blocked".
	await page.addInitScript((name) => {
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
			const request = open.apply(this, args);
			if (args[0] === name) queueMicrotask(() => request.dispatchEvent(new Event('blocked')));
			return request;
		};
	}, DB);
	await page.goto('/review');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'Another Tabledeck tab is holding an older version of the database open. Close the other Tabledeck tabs'
	);
	await expect(alert).not.toContainText('Private browsing');
	await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
});
