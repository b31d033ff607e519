import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DEFAULT_PARAMETERS } from '../../src/lib/scheduler/fsrs';
import { encodePage, PAGE_CAP, shardOf } from '../../src/lib/db/log-page';
import { timesOfRows } from '../../src/lib/db/log-times';
import type { ReviewLogRow } from '../../src/lib/db/rows';
import { seededLog, type SeededReview } from '../../src/lib/scheduler/optimizer-log.testing';
import { waitForServiceWorker } from './helpers/pwa';
import { TestSite } from './helpers/site';

// The optimizer shares the machine's two cores with the rest of the suite: give its screens time.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Someone who forgets faster than FSRS's defaults expect: initial stabilities a third as long. */
const FORGETFUL = DEFAULT_PARAMETERS.map((v, i) => (i < 4 ? Math.max(0.01, v / 3) : v));

/**
 * Writes review-log rows (and settings rows) straight into the app's IndexedDB, as another
 * device's reviews would have come: packed by the app's own page format (log-page.ts) on pages
 * after any stored, with their counts by day (log-times.ts) added to the stored ones.
 */
async function seedReviewLog(page: Page, seeded: SeededReview[], settings: { key: string; value: unknown }[] = []): Promise<void> {
	const rows = seeded.map((row, i): ReviewLogRow => ({
		...row,
		id: `seeded-${i}`,
		deckId: '',
		stateAfter: 2,
		elapsedDays: 0,
		scheduledDays: 1,
		due: row.review + 86_400_000,
		stability: 1,
		difficulty: 5,
		durationMs: 3000,
		previous: null
	}));
	const groupBy = <K>(of: ReviewLogRow[], key: (row: ReviewLogRow) => K) => {
		const groups = new Map<K, ReviewLogRow[]>();
		for (const row of of) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
		return groups;
	};
	const shards = groupBy(rows, (row) => shardOf(row.cardId));
	// Page numbers far after any this test's ratings filled.
	const pages = [...shards].flatMap(([shard, of]) =>
		Array.from({ length: Math.ceil(of.length / PAGE_CAP) }, (_, i) =>
			encodePage(shard, 10_000 + i, of.slice(i * PAGE_CAP, (i + 1) * PAGE_CAP))
		)
	);
	// The app's own counts by day (log-times.ts): each day's 96 quarter hours, and the total.
	const times = timesOfRows(rows);
	await page.evaluate(
		async ({ pages, times, settings }) => {
			const db = await new Promise<IDBDatabase>((done, fail) => {
				const open = indexedDB.open('tabledeck');
				open.onsuccess = () => done(open.result);
				open.onerror = () => fail(open.error);
			});
			await new Promise<void>((done, fail) => {
				const tx = db.transaction(['logPages', 'logTimes', 'settings'], 'readwrite');
				for (const row of settings) tx.objectStore('settings').put(row);
				for (const row of pages) tx.objectStore('logPages').put(row);
				const store = tx.objectStore('logTimes');
				const fields = ['ratings', 'fresh', 'reviewed', 'ms'] as const;
				for (const time of times) {
					const stored = store.get(time.t);
					stored.onsuccess = () => {
						const before = stored.result;
						const sum = { ...time } as Record<string, unknown>;
						for (const field of fields) {
							const mine = time[field] as number | number[];
							sum[field] = Array.isArray(mine) ? mine.map((n, i) => n + (before?.[field]?.[i] ?? 0)) : mine + (before?.[field] ?? 0);
						}
						store.put(sum);
					};
				}
				tx.oncomplete = () => done();
				tx.onerror = () => fail(tx.error);
			});
			db.close();
		},
		{ pages, times, settings }
	);
}

const parameters = (page: Page) => page.locator('code.parameters');

test('Optimize fits parameters to the log, off the page, and applies them only when asked', async ({ page }) => {
	test.slow();
	await page.goto('/settings');
	const optimize = page.getByRole('button', { name: 'Optimize' });
	await expect(optimize).toBeDisabled();
	await expect(page.getByText(/Optimize needs about 400 reviews.*your log has 0\./)).toBeVisible();
	await expect(page.getByText('In use: FSRS’s default parameters')).toBeVisible();
	await expect(parameters(page)).toHaveText(DEFAULT_PARAMETERS.join(', '));

	await seedReviewLog(page, seededLog(1500, 11, Date.now(), 365, FORGETFUL));
	await page.reload();
	await expect(optimize).toBeEnabled();
	// The worker's WebAssembly is kept by the service worker: it must control the page first
	// (a first visit's service worker may still be installing).
	await waitForServiceWorker(page);

	// Cancel ends the worker: nothing changes.
	await optimize.click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Cancelled. Nothing changed.' })).toBeVisible();
	await expect(parameters(page)).toHaveText(DEFAULT_PARAMETERS.join(', '));

	await optimize.click();
	await expect(page.locator('progress')).toBeVisible();
	const table = page.getByRole('table');
	await expect(table).toBeVisible({ timeout: 60_000 });
	await expect(table.getByRole('caption')).toHaveText(/How well each set predicts your \d+ reviews/);
	const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
	const [oldLoss, newLoss] = [Number(await row('In use').first().textContent()), Number(await row('Optimized').first().textContent())];
	expect(newLoss).toBeLessThan(oldLoss);
	await expect(page.getByText('The optimized parameters predict your reviews better.')).toBeVisible();
	await expect(page.getByText('Applying changes no due date')).toBeVisible();
	// Nothing is applied until asked.
	await expect(parameters(page)).toHaveText(DEFAULT_PARAMETERS.join(', '));

	await page.getByRole('button', { name: 'Use the new parameters' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The new parameters are in use.' })).toBeVisible();
	await expect(page.getByText('In use: your own parameters.')).toBeVisible();
	const own = (await parameters(page).textContent())!.split(', ').map(Number);
	expect(own).toHaveLength(21);
	expect(own).not.toEqual([...DEFAULT_PARAMETERS]);
	// The forgetful person's first stabilities came out shorter than the defaults'.
	expect(own[2]).toBeLessThan(DEFAULT_PARAMETERS[2]);

	// The WebAssembly was kept for offline use.
	await expect
		.poll(() =>
			page.evaluate(async () =>
				(await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys())))
					.flat()
					.some((r) => r.url.endsWith('.wasm'))
			)
		)
		.toBe(true);

	await page.reload();
	await expect(parameters(page)).toHaveText(own.join(', '));
	await expect(page.getByText(/Last optimized/)).toBeVisible();

	await page.getByRole('button', { name: 'Reset to defaults' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'FSRS’s default parameters are in use again.' })).toBeVisible();
	await expect(parameters(page)).toHaveText(DEFAULT_PARAMETERS.join(', '));
	await expect(page.getByRole('button', { name: 'Reset to defaults' })).toHaveCount(0);
});

test('a month after the last run, with enough reviews since, home and Settings suggest optimizing again', async ({ page }) => {
	const now = Date.now();
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Your memory model' })).toBeVisible();
	const since = Array.from({ length: 420 }, (_, i) => ({
		cardId: `c${i % 40}`,
		review: now - 20 * 86_400_000 + i * 60_000,
		rating: 3 as const,
		stateBefore: 2 as const
	}));
	await seedReviewLog(page, since, [{ key: 'optimizer.lastRun', value: { at: now - 40 * 86_400_000, reviews: 900 } }]);

	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'A month has passed since you last optimized' })).toBeVisible();
	await page.goto('/');
	const reminder = page.getByRole('complementary', { name: 'Optimize reminder' });
	await expect(reminder).toBeVisible();
	await reminder.getByRole('button', { name: 'Not now' }).click();
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('count-done')).toBeVisible();
	// The reminder's chunk loads after home's counts: let it arrive before looking.
	await page.waitForLoadState('networkidle');
	await expect(reminder).toHaveCount(0);
});

test('after Optimize ran once, it runs again with no network', async ({ page, context }) => {
	test.slow();
	const site = await TestSite.start();
	try {
		await page.goto(site.url('/settings'));
		await waitForServiceWorker(page);
		await seedReviewLog(page, seededLog(1500, 12, Date.now(), 365, FORGETFUL));
		await page.reload();
		await page.getByRole('button', { name: 'Optimize' }).click();
		await expect(page.getByRole('table')).toBeVisible({ timeout: 60_000 });

		// Only the service worker's copy may answer: the browser's HTTP cache holds the file too.
		await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
		await context.setOffline(true);
		await site.stop();
		await page.reload();
		await page.getByRole('button', { name: 'Optimize' }).click();
		await expect(page.getByRole('table')).toBeVisible({ timeout: 60_000 });
		await expect(page.getByRole('alert')).toHaveCount(0);
	} finally {
		await site.dispose();
	}
});
