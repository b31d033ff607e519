/**
 * npm run bench:idb — what IndexedDB itself costs in this Chromium, without Dexie or the app:
 * the floor under the backup budgets of bench:stats (export and import of 100k cards' progress
 * and 1M reviews in under 10 s each). Writes 100k records in one transaction, then reads them
 * back with one getAll, for four shapes:
 *   - tiny: a number under an integer key, no index (the cost of a record as such);
 *   - progress: a card's progress as the app stores it, with the progress store's indexes;
 *   - reviewLog: a review as the app stores it, with the review log's indexes;
 *   - reviewLogDexie: the same through Dexie's bulkAdd, 10,000 at a time, as the restore
 *     writes them (is the library the cost?);
 *   - packed: the same reviews a hundred to a record, no index (a paged log);
 *   - columns: the same reviews a hundred to a record as columns: ids and card ids as string
 *     arrays, every number (the review's and the state before it) in one Float64Array;
 *   - packedProgress: the cards' progress a thousand to a record, no index (what the home
 *     counts would have to read whole on every visit if progress were packed too).
 * and, for loading the decks (issue #20), 100k card rows as syncDecks stores them:
 *   - cards: a record per card with the cards store's indexes (deckId, [noteId+pos]);
 *   - cardsNoIndex: the same rows, no index;
 *   - cardsRelaxed, cardsNoIndexRelaxed: the same two with durability 'relaxed' (Dexie's
 *     chromeTransactionDurability), which lets Chromium skip the flush to disk at commit;
 *   - cardsStrict: the same with durability 'strict' (a flush to disk before 'complete');
 *     since Chromium 121 'default' means 'relaxed' (what Dexie asks for unless told otherwise);
 *   - cardsChunked, cardsChunkedRelaxed, cardsChunkedStrict: the indexed rows in 100
 *     transactions of 1,000, where each commit's flush counts a hundred times;
 *   - cardsUpdate: the indexed rows, then a tenth of them put again with a new answer (a deck
 *     update of 10,000 cards in a 100k collection, a transaction per 2,000): only that is timed;
 *   - packedCards: the same cards a thousand to a record, no index;
 *   - pagedCards: the same cards 250 to a record (card-store.ts's pages), no index;
 *   - pagedCardsJson: the same pages each as one JSON string, stringify and parse timed with the
 *     write and the read: a string is copied whole, where a page of objects is cloned field by field.
 * Prints ms and records per second, and the time the bench:stats profile would take at that
 * rate (100k progress rows + 1M log rows). No budget of its own; see BENCHMARKS.md.
 */
import { existsSync, readFileSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const RECORDS = Number(process.env.BENCH_IDB_RECORDS ?? 100_000);
const PROFILE = { progress: 100_000, reviewLog: 1_000_000 };

const SHAPES = [
	'tiny',
	'progress',
	'reviewLog',
	'reviewLogDexie',
	'packed',
	'columns',
	'packedProgress',
	'cards',
	'cardsNoIndex',
	'cardsRelaxed',
	'cardsNoIndexRelaxed',
	'cardsStrict',
	'cardsChunked',
	'cardsChunkedRelaxed',
	'cardsChunkedStrict',
	'cardsUpdate',
	'packedCards',
	'pagedCards',
	'pagedCardsJson'
] as const;
type Shape = (typeof SHAPES)[number];
/** BENCH_IDB_SHAPES=cards,packedCards runs only those. */
const ONLY = process.env.BENCH_IDB_SHAPES?.split(',');
interface Timing {
	shape: Shape;
	records: number;
	writeMs: number;
	readMs: number;
}

/** Runs in the page: one store of `shape` in a fresh database, written then read. */
async function measure([shape, records]: [Shape, number]): Promise<Timing> {
	const name = `bench-idb-${shape}-${Date.now()}`;
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(name, 1);
		open.onupgradeneeded = () => {
			const db = open.result;
			// The indexes of src/lib/db/database.ts (SCHEMA_V1, SCHEMA_V2).
			if (shape === 'progress') {
				const store = db.createObjectStore('s', { keyPath: ['deckId', 'cardId'] });
				store.createIndex('cardId', 'cardId', { unique: true });
				store.createIndex('noteId', 'noteId');
				store.createIndex('[active+state+due]', ['active', 'state', 'due']);
				store.createIndex('suspended', 'suspended');
				store.createIndex('buriedUntil', 'buriedUntil');
			} else if (shape === 'reviewLog' || shape === 'reviewLogDexie') {
				const store = db.createObjectStore('s', { keyPath: 'id' });
				store.createIndex('review', 'review');
				store.createIndex('[cardId+review]', ['cardId', 'review']);
				store.createIndex('[stateBefore+review]', ['stateBefore', 'review']);
			} else if (['cards', 'cardsRelaxed', 'cardsStrict', 'cardsUpdate'].includes(shape) || shape.startsWith('cardsChunked')) {
				const store = db.createObjectStore('s', { keyPath: 'id' });
				store.createIndex('deckId', 'deckId');
				store.createIndex('[noteId+pos]', ['noteId', 'pos']);
			} else if (shape.startsWith('cardsNoIndex')) {
				db.createObjectStore('s', { keyPath: 'id' });
			} else {
				db.createObjectStore('s');
			}
		};
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
	const T0 = 1.7e12;
	const progress = (i: number) => ({
		cardId: `card-${i.toString(36)}`,
		due: T0 + i * 997,
		stability: 12.5,
		difficulty: 5.2,
		elapsedDays: 3,
		scheduledDays: 9,
		reps: 4,
		lapses: 0,
		state: 2,
		lastReview: T0,
		learningSteps: 0,
		suspended: 0,
		buriedUntil: 0
	});
	const review = (i: number) => ({
		// Random like the app's crypto.randomUUID() (not available here: the page is not a secure context).
		id: `${Math.random().toString(16).slice(2, 14)}-${Math.random().toString(16).slice(2, 14)}`,
		cardId: `card-${(i % 100_000).toString(36)}`,
		rating: 3,
		review: T0 + i * 1000,
		stateBefore: 2,
		stateAfter: 2,
		elapsedDays: 3,
		scheduledDays: 9,
		due: T0 + i * 1000 + 9 * 86_400_000,
		durationMs: 4200,
		deckId: `deck-${i % 500}`,
		previous: progress(i % 100_000)
	});
	const values: [unknown, number | undefined][] = [];
	if (shape === 'tiny') for (let i = 0; i < records; i++) values.push([1, i]);
	if (shape === 'progress')
		for (let i = 0; i < records; i++)
			values.push([{ ...progress(i), deckId: `deck-${i % 500}`, noteId: `note-${i % 50}`, live: 1, active: 1 }, undefined]);
	if (shape === 'reviewLog' || shape === 'reviewLogDexie') for (let i = 0; i < records; i++) values.push([review(i), undefined]);
	if (shape === 'packed') for (let i = 0; i < records; i += 100) values.push([Array.from({ length: 100 }, (_, j) => review(i + j)), i]);
	if (shape === 'columns') {
		const NUMBERS = 8 + 11; // a review's numbers, then its previous state's
		for (let i = 0; i < records; i += 100) {
			const rows = Array.from({ length: 100 }, (_, j) => review(i + j));
			const numbers = new Float64Array(100 * NUMBERS);
			rows.forEach((r, j) => {
				const p = r.previous;
				numbers.set(
					[
						r.rating,
						r.review,
						r.stateBefore,
						r.stateAfter,
						r.elapsedDays,
						r.scheduledDays,
						r.due,
						r.durationMs,
						p.due,
						p.stability,
						p.difficulty,
						p.elapsedDays,
						p.scheduledDays,
						p.reps,
						p.lapses,
						p.state,
						p.lastReview,
						p.learningSteps,
						p.suspended
					],
					j * NUMBERS
				);
			});
			values.push([{ ids: rows.map((r) => r.id), cardIds: rows.map((r) => r.cardId), deckIds: rows.map((r) => r.deckId), numbers }, i]);
		}
	}
	if (shape === 'packedProgress')
		for (let i = 0; i < records; i += 1000) values.push([Array.from({ length: 1000 }, (_, j) => progress(i + j)), i]);
	// A card row as src/lib/db/rows.ts stores it: 2,000 cards a note, 20 a table, as bench:review's decks.
	const card = (i: number) => {
		const note = `note-${Math.floor(i / 2000)}`;
		const key = `Row key ${i % 10}`;
		return {
			id: (i * 2654435761).toString(16).padStart(16, '0').slice(-16),
			deckId: `deck-${Math.floor(i / 20)}`,
			front: `<strong>${key}</strong> · 설명`,
			back: `클러스터 내부에서만 접근하는 값 ${i} (<code>ClusterIP</code>)`,
			frontText: `${key} · 설명`,
			backText: `클러스터 내부에서만 접근하는 값 ${i} (ClusterIP)`,
			source: { file: `bench/${note}.md`, line: 10 + (i % 2000) },
			tableId: `table-${Math.floor(i / 20)}`,
			rowKey: key,
			column: '설명',
			direction: i % 2 ? 'reverse' : 'forward',
			noteId: note,
			pos: i % 2000
		};
	};
	if (shape.startsWith('cards')) for (let i = 0; i < records; i++) values.push([card(i), undefined]);
	if (shape === 'packedCards')
		for (let i = 0; i < records; i += 1000) values.push([Array.from({ length: 1000 }, (_, j) => card(i + j)), i]);
	if (shape === 'pagedCards' || shape === 'pagedCardsJson')
		for (let i = 0; i < records; i += 250) values.push([Array.from({ length: 250 }, (_, j) => card(i + j)), i]);
	let jsonMs = 0;
	if (shape === 'pagedCardsJson') {
		const start = performance.now();
		for (const entry of values) entry[0] = JSON.stringify(entry[0]);
		jsonMs = performance.now() - start;
	}
	const durability: IDBTransactionDurability = shape.endsWith('Relaxed') ? 'relaxed' : shape.endsWith('Strict') ? 'strict' : 'default';
	const chunk = shape.startsWith('cardsChunked') ? 1000 : values.length;

	let t0 = performance.now();
	if (shape === 'reviewLogDexie') {
		// The page loads Dexie from the project's node_modules (served by the script below).
		db.close();
		const dexieModule = '/dexie.mjs';
		const { Dexie } = (await import(/* @vite-ignore */ dexieModule)) as typeof import('dexie');
		const dexie = new Dexie(name);
		dexie.version(1).stores({ s: 'id, review, [cardId+review], [stateBefore+review]' });
		await dexie.open();
		const rows = values.map(([value]) => value);
		t0 = performance.now();
		await dexie.transaction('rw', 's', async () => {
			for (let i = 0; i < rows.length; i += 10_000) await dexie.table('s').bulkAdd(rows.slice(i, i + 10_000));
		});
		dexie.close();
		const t1 = performance.now();
		const reopened = await new Promise<IDBDatabase>((resolve) => {
			const open = indexedDB.open(name);
			open.onsuccess = () => resolve(open.result);
		});
		const count = await new Promise<number>((resolve) => {
			const request = reopened.transaction('s').objectStore('s').count();
			request.onsuccess = () => resolve(request.result);
		});
		if (count !== values.length) throw new Error(`${shape}: wrote ${count} of ${values.length} records`);
		reopened.close();
		indexedDB.deleteDatabase(name);
		return { shape, records, writeMs: t1 - t0, readMs: NaN };
	}
	for (let from = 0; from < values.length; from += chunk) {
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('s', 'readwrite', { durability });
			const store = tx.objectStore('s');
			for (const [value, key] of values.slice(from, from + chunk)) store.put(value, key);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
	}
	let t1 = performance.now();
	if (shape === 'cardsUpdate') {
		// A deck update of a tenth of the cards: each of them put again with a new answer, 2,000 (a
		// note) to a transaction, into the full store. Timed alone; reported per card rewritten.
		const changed = values.slice(0, values.length / 10).map(([value]) => ({ ...(value as object), back: 'edited' }));
		t0 = performance.now();
		for (let from = 0; from < changed.length; from += 2000) {
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('s', 'readwrite');
				for (const value of changed.slice(from, from + 2000)) tx.objectStore('s').put(value);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
		}
		t1 = performance.now();
		records = changed.length;
	}
	const read = await new Promise<unknown[]>((resolve, reject) => {
		const request = db.transaction('s').objectStore('s').getAll();
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	if (shape === 'pagedCardsJson') for (const page of read) JSON.parse(page as string);
	const t2 = performance.now();
	if (read.length !== values.length) throw new Error(`${shape}: read ${read.length} of ${values.length} records`);
	db.close();
	indexedDB.deleteDatabase(name);
	return { shape, records, writeMs: t1 - t0 + jsonMs, readMs: shape === 'cardsUpdate' ? NaN : t2 - t1 };
}

// Loaded at run time, not bundled into this script by scripts/run.js: it finds its own files.
const playwright = '@playwright/test';
const { chromium } = (await import(playwright)) as typeof import('@playwright/test');
const browser = await chromium.launch({
	executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage();
	// IndexedDB needs a real origin; Playwright serves the page itself.
	await page.route('http://bench.tabledeck.test/', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' })
	);
	await page.route('http://bench.tabledeck.test/dexie.mjs', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: readFileSync('node_modules/dexie/dist/dexie.mjs', 'utf8') })
	);
	await page.goto('http://bench.tabledeck.test/');
	console.log(
		`Chromium ${browser.version()}: ${RECORDS.toLocaleString('en')} reviews or cards per shape, one transaction (but the chunked ones), then one getAll`
	);
	const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`.padStart(10);
	const timings: Partial<Record<Shape, Timing>> = {};
	for (const shape of SHAPES.filter((name) => !ONLY || ONLY.includes(name))) {
		const t = await page.evaluate(measure, [shape, RECORDS] as [Shape, number]);
		timings[shape] = t;
		const unit =
			shape === 'packed' || shape === 'columns' ? 'reviews' : shape.startsWith('packed') || shape.startsWith('paged') ? 'cards' : 'records';
		const read = Number.isNaN(t.readMs) ? '' : `   read ${(t.readMs / 1000).toFixed(2)} s ${rate(t.records, t.readMs)} ${unit}`;
		console.log(`${shape.padEnd(20)} write ${(t.writeMs / 1000).toFixed(2)} s ${rate(t.records, t.writeMs)} ${unit}${read}`);
	}
	if (!ONLY) {
		const at = (t: Timing, key: 'writeMs' | 'readMs', count: number) => ((t[key] / t.records) * count) / 1000;
		const { progress, reviewLog, packed } = timings as Record<Shape, Timing>;
		const profile = `${PROFILE.progress.toLocaleString('en')} progress rows + ${PROFILE.reviewLog.toLocaleString('en')} reviews`;
		console.log(`\nAt these rates, ${profile} (bench:stats), IndexedDB alone:`);
		console.log(
			`  a record per review:        write ${(at(progress, 'writeMs', PROFILE.progress) + at(reviewLog, 'writeMs', PROFILE.reviewLog)).toFixed(1)} s   read ${(at(progress, 'readMs', PROFILE.progress) + at(reviewLog, 'readMs', PROFILE.reviewLog)).toFixed(1)} s`
		);
		console.log(
			`  reviews 100 to a record:    write ${(at(progress, 'writeMs', PROFILE.progress) + at(packed, 'writeMs', PROFILE.reviewLog)).toFixed(1)} s   read ${(at(progress, 'readMs', PROFILE.progress) + at(packed, 'readMs', PROFILE.reviewLog)).toFixed(1)} s`
		);
		const { packedProgress, columns } = timings as Record<Shape, Timing>;
		console.log(
			`  progress 1,000 to a record too: write ${(at(packedProgress, 'writeMs', PROFILE.progress) + at(packed, 'writeMs', PROFILE.reviewLog)).toFixed(1)} s   read ${(at(packedProgress, 'readMs', PROFILE.progress) + at(packed, 'readMs', PROFILE.reviewLog)).toFixed(1)} s`
		);
		console.log(
			`  and the reviews as columns:   write ${(at(packedProgress, 'writeMs', PROFILE.progress) + at(columns, 'writeMs', PROFILE.reviewLog)).toFixed(1)} s   read ${(at(packedProgress, 'readMs', PROFILE.progress) + at(columns, 'readMs', PROFILE.reviewLog)).toFixed(1)} s`
		);
		console.log(
			`  (then every home visit reads all progress: ${at(packedProgress, 'readMs', PROFILE.progress).toFixed(2)} s for ${PROFILE.progress.toLocaleString('en')} cards, against bench:review's 0.5 s)`
		);
		console.log('Budget of bench:stats: export < 10 s, import < 10 s.');
	}
} finally {
	await browser.close();
}
