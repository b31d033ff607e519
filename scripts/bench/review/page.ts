/**
 * The parts of npm run bench:review that run in the browser page, passed to page.evaluate
 * or addInitScript: each is self-contained (no imports, no closures) and loads the app's
 * own src/lib/db, bundled by main.ts, from /__bench/seed.js.
 */
import type { BenchOptions } from '../db-data';

/** The seeding module's exports, as the page sees them. */
type Seed = typeof import('../../../src/lib/db') &
	typeof import('../db-data') &
	typeof import('../../../src/lib/db/card-digest') &
	typeof import('../../../src/lib/db/deck-totals-store') &
	Pick<typeof import('../../../src/lib/db/database'), 'read'>;

/** What one sync of the served decks took, and the page's longest task meanwhile. */
export interface SyncTiming {
	ms: number;
	report: unknown;
	/** The longest task (> 50 ms, Chromium's long tasks) while the sync ran; 0 when none. */
	longestTask: number;
	/** After the sync, for where its time goes: fetching and parsing every note it wrote, and digesting their cards. */
	fetchParseMs: number;
	digestMs: number;
}

/** Runs in the page: syncs the served decks into the profile's IndexedDB; returns the time it took. */
export async function syncInPage(): Promise<SyncTiming> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	const fetchJson = async (path: string) => (await fetch(`/decks/${path}`)).json();
	let longestTask = 0;
	const observer = new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
	});
	observer.observe({ type: 'longtask' });
	const start = performance.now();
	const report = (await seed.syncDecks(fetchJson)) as { added: string[]; updated: string[] };
	const ms = performance.now() - start;
	await new Promise((resolve) => setTimeout(resolve, 100));
	observer.takeRecords().forEach((entry) => (longestTask = Math.max(longestTask, entry.duration)));
	observer.disconnect();
	seed.closeDatabase();

	const t0 = performance.now();
	const index = (await fetchJson('index.json')) as { notes: { deckId: string; json: string }[] };
	const written = new Set([...report.added, ...report.updated]);
	const notes = await Promise.all(index.notes.filter((note) => written.has(note.deckId)).map((note) => fetchJson(note.json)));
	const t1 = performance.now();
	for (const note of notes as { cards: Parameters<Seed['cardDigest']>[0][] }[]) note.cards.forEach(seed.cardDigest);
	const t2 = performance.now();
	return { ms, report, longestTask, fetchParseMs: t1 - t0, digestMs: t2 - t1 };
}

/**
 * Runs in the page: opens the database as the app does, timed; on a profile of an older
 * schema (a kept one) this is the upgrade. `before` is the schema version found (Dexie stores
 * ten times it), 0 for none.
 */
export async function openInPage(): Promise<{ ms: number; before: number }> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	const before = ((await indexedDB.databases()).find((db) => db.name === 'tabledeck')?.version ?? 0) / 10;
	const start = performance.now();
	await seed.openDatabase();
	const ms = performance.now() - start;
	seed.closeDatabase();
	return { ms, before };
}

/** Runs in the page: imports the generated progress and review log in batches; returns the time it took. */
export async function importInPage(options: BenchOptions): Promise<{ ms: number; progress: number; reviews: number }> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	const start = performance.now();
	const data = seed.generateBenchData(options);
	for (let i = 0; i < data.progress.length; i += 5000) await seed.importProgress(data.progress.slice(i, i + 5000));
	let reviews = 0;
	for (const batch of data.reviewLogBatches(5000)) {
		await seed.importProgress([], batch);
		reviews += batch.length;
	}
	seed.closeDatabase();
	return { ms: performance.now() - start, progress: data.progress.length, reviews };
}

/**
 * Runs in the page: counts every deck's totals from progress and stores them, as the first
 * read after the upgrade to schema version 5 does once; returns the time it took.
 */
export async function recountInPage(): Promise<number> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	const start = performance.now();
	await seed.recountTotals();
	const ms = performance.now() - start;
	seed.closeDatabase();
	return ms;
}

/**
 * Runs in the page: the storage reads under home's numbers and the deck tree, each timed
 * alone (median of 5, ms), without the page around them: what is left of a screen's time
 * once these are subtracted is the app's start and the rendering.
 */
export async function readsInPage(options: BenchOptions): Promise<Record<string, number>> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	// A day boundary on the 15-minute grid, as every time zone's is.
	const next = Math.ceil(options.now / 86_400_000) * 86_400_000 + 4 * 3_600_000;
	const reads: Record<string, () => Promise<unknown>> = {
		deckCounts: () => seed.deckCounts(options.now, next),
		deckTree: () => seed.deckTree(),
		// Everything home's numbers and first deck lines (the notes' root lines) read, in one transaction.
		homeRead: () => seed.homeRead(options.now, next - 86_400_000, next, () => ({ new: 20, due: 200 })),
		// The part of homeRead (and deckCounts) that reads the deck totals' rows and checks them, alone.
		deckTotals: () => seed.read(['deckTotals', 'progress'], (db) => seed.loadTotals(db))
	};
	const times: Record<string, number> = {};
	for (const [name, run] of Object.entries(reads)) {
		const runs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const start = performance.now();
			await run();
			runs.push(performance.now() - start);
		}
		times[name] = runs.sort((a, b) => a - b)[2];
	}
	seed.closeDatabase();
	return times;
}

/** Installed before any page script: notes when the home counts, the first card and the review queue are on screen. */
export function markScreens() {
	const marks = ((window as unknown as { __bench: Record<string, number> }).__bench = {});
	const painted = (name: string) => {
		marks[`${name}Dom`] = performance.now();
		// A task queued from a frame callback runs after that frame is painted.
		requestAnimationFrame(() => setTimeout(() => (marks[name] = performance.now())));
	};
	new MutationObserver(() => {
		if (!marks.homeDom && document.querySelector('[data-testid="count-due"]')) painted('home');
		if (!marks.streakDom && /\d/.test(document.querySelector('[data-testid="count-streak"]')?.textContent ?? '')) painted('streak');
		if (!marks.treeDom && document.querySelector('main li')) painted('tree');
		// Shown: a later visit's page holds a first visit's card, hidden (src/routes/review/+page.svelte).
		if (!marks.reviewDom && document.querySelector('main article')?.checkVisibility()) painted('review');
		// The session shows the card (a first visit's card from the page is shown before it answers).
		if (!marks.liveDom && document.querySelector('main [data-session="live"]')) painted('live');
		// The queue behind the first card is built (its counts line is then the session's own).
		if (!marks.queuedDom && document.querySelector('[data-testid="review-left"][data-counted="yes"]')) painted('queued');
	}).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** Runs in the page: times from the next rating key press to the next question painted. */
export function armRatingTimer() {
	const bench = window as unknown as { __rating?: { dom: number; frame: number; painted: number }; __armed?: boolean };
	bench.__rating = undefined;
	if (bench.__armed) return;
	bench.__armed = true;
	addEventListener(
		'keydown',
		(event) => {
			if (!/^[1-4]$/.test(event.key)) return;
			const start = performance.now();
			// The next card is up when its "Show answer" button is (or the summary, after the last).
			const observer = new MutationObserver(() => {
				const buttons = [...document.querySelectorAll('main button')].map((b) => b.textContent?.trim());
				if (!buttons.includes('Show answer') && !document.querySelector('#done-title')) return;
				observer.disconnect();
				const dom = performance.now() - start;
				requestAnimationFrame(() => {
					const frame = performance.now() - start;
					setTimeout(() => (bench.__rating = { dom, frame, painted: performance.now() - start }));
				});
			});
			observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true });
		},
		{ capture: true }
	);
}

/** Runs in the page: when the document arrived and the app's start-up marks (ms from navigation start). */
export function startPhases(): Record<string, number> {
	const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
	const marks = Object.fromEntries(
		performance
			.getEntriesByType('mark')
			.filter((mark) => mark.name.startsWith('tabledeck:'))
			.map((mark) => [mark.name.slice('tabledeck:'.length), mark.startTime])
	);
	return { document: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, ...marks };
}
