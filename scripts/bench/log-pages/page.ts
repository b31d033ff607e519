/**
 * The page side of `npm run bench:logpages` (bundled by main.ts with esbuild, run in Chromium):
 * the app's own database code, so what is timed is what ships.
 */
import Dexie from 'dexie';
import { closeDatabase, openDatabase, write, read } from '$lib/db/database';
import { addRatings, eachRatings, LOG_TABLES, nextSeq } from '$lib/db/log-store';
import type { ReviewLogRow } from '$lib/db/rows';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);
/** Version 6's review-log store (database.ts SCHEMA_V3, unchanged until version 7). */
const V6_LOG = 'id, review, [cardId+review], [stateBefore+review], seq';

/** A seeded random number in [0, 1): every run writes the same log. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const HOUR = 3_600_000;

/**
 * Rating `i` of `count` over `cards` cards, as recordReview writes it (a third numbered): two
 * years of daily study, each day's ratings in one three-hour session from 18:00 (12 quarter
 * hours a day, ~8,800 logTimes rows whatever the count).
 */
function rating(i: number, count: number, cards: number, next: () => number, id = `log-${String(i).padStart(8, '0')}`): ReviewLogRow {
	const perDay = Math.max(1, Math.ceil(count / 730));
	const day = Math.floor(i / perDay);
	const review = NOW - (730 - day) * DAY + 18 * HOUR + Math.floor(((i % perDay) * 3 * HOUR) / perDay);
	const stateBefore = Math.floor(next() * 4) as 0 | 1 | 2 | 3;
	const row: ReviewLogRow = {
		id,
		cardId: `card-${Math.floor(next() * cards)}`,
		deckId: `deck-${i % 5550}`,
		rating: (1 + Math.floor(next() * 4)) as 1 | 2 | 3 | 4,
		review,
		stateBefore,
		stateAfter: 2,
		elapsedDays: Math.floor(next() * 30),
		scheduledDays: Math.floor(next() * 60),
		due: review + Math.floor(next() * 60) * DAY,
		stability: next() * 50,
		difficulty: 1 + next() * 9,
		durationMs: Math.floor(next() * 20_000),
		previous:
			stateBefore === 0
				? null
				: {
						cardId: `card-${i}`,
						due: review,
						stability: next() * 40,
						difficulty: 5,
						elapsedDays: 3,
						scheduledDays: 4,
						learningSteps: 0,
						reps: 3,
						lapses: 0,
						state: stateBefore,
						lastReview: review - 4 * DAY,
						suspended: 0,
						buriedUntil: 0
					}
	};
	if (i % 3 === 0) row.seq = i + 1;
	return row;
}

/** A version 6 database named `name` holding `count` log rows (a row each, with version 6's indexes). */
async function seedV6(name: string, count: number, cards: number): Promise<number> {
	await Dexie.delete(name);
	const db = new Dexie(name);
	db.version(6).stores({ reviewLog: V6_LOG, settings: 'key' });
	const next = random(count);
	const start = performance.now();
	for (let i = 0; i < count; i += 20_000) {
		const rows = Array.from({ length: Math.min(20_000, count - i) }, (_, j) => rating(i + j, count, cards, next));
		await db.table('reviewLog').bulkAdd(rows);
	}
	db.close();
	return performance.now() - start;
}

/** Opens (upgrading to version 7), then reads the whole log once through eachRatings. */
async function upgrade(name: string): Promise<{ upgradeMs: number; eachMs: number; ratings: number; pages: number }> {
	const start = performance.now();
	const db = await openDatabase({ name });
	const upgradeMs = performance.now() - start;
	const pages = await db.logPages.count();
	const t = performance.now();
	let ratings = 0;
	await read(LOG_TABLES, (tx) =>
		eachRatings(tx, (rows) => {
			ratings += rows.length;
		})
	);
	return { upgradeMs, eachMs: performance.now() - t, ratings, pages };
}

/** `count` ratings appended one write transaction each, as a rating is (nextSeq, then addRatings); ms each. */
async function appends(count: number, cards: number, seed: number, close: boolean): Promise<number[]> {
	const next = random(seed);
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const row = rating(i, count, cards, next, `new-${seed}-${i}`);
		row.review = NOW + i * 1000;
		const start = performance.now();
		await write(LOG_TABLES, async (db) => addRatings(db, [{ ...row, seq: await nextSeq(db) }]));
		times.push(performance.now() - start);
	}
	if (close) closeDatabase();
	return times;
}

/**
 * Where the upgrade's time goes (BENCH_LOG_PARTS=1): reading version 6's rows in the upgrade's
 * batches by key alone, then an upgrade to 7 that drops `reviewLog` and moves nothing.
 */
async function parts(name: string): Promise<{ readMs: number; dropMs: number }> {
	const old = new Dexie(name);
	old.version(6).stores({ reviewLog: V6_LOG, settings: 'key' });
	await old.open();
	let start = performance.now();
	await old.transaction('r', 'reviewLog', async () => {
		let after: unknown;
		for (;;) {
			const from = after === undefined ? old.table('reviewLog').toCollection() : old.table('reviewLog').where(':id').above(after);
			const batch = await from.limit(5000).toArray();
			if (batch.length < 5000) break;
			after = batch[batch.length - 1].id;
		}
	});
	const readMs = performance.now() - start;
	old.close();
	const dropped = new Dexie(name);
	dropped.version(6).stores({ reviewLog: V6_LOG, settings: 'key' });
	dropped.version(7).stores({ reviewLog: null, logPages: '[shard+page], seq, last', logTimes: 't' });
	start = performance.now();
	await dropped.open();
	const dropMs = performance.now() - start;
	dropped.close();
	return { readMs, dropMs };
}

Object.assign(globalThis, { bench: { seedV6, upgrade, appends, parts } });
