import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, read } from './database';
import { PAGE_CAP, shardOf } from './log-page';
import { countByDay, packStoredLog } from './log-pages-upgrade';
import { eachRatings, LOG_TABLES, ratingCount } from './log-store';
import { addToTimes, fromQuarterRows, timesOfRows, type TimeTotals } from './log-times';
import { oddRows } from './odd-log';
import type { LogPageRow, LogQuarterRow, ReviewLogRow } from './rows';
import { DAY, MINUTE, NOW, openTestDatabase } from './testing';

afterEach(closeDatabase);

const rating = (i: number, cardId: string): ReviewLogRow => ({
	id: `r${String(i).padStart(5, '0')}`,
	cardId,
	deckId: 'd1',
	rating: 3,
	review: NOW - i * 7 * MINUTE,
	stateBefore: (i % 4) as never,
	stateAfter: 2,
	elapsedDays: 1,
	scheduledDays: 3,
	due: NOW + 3 * DAY,
	stability: 3.25,
	difficulty: 5.1,
	durationMs: 1000 + i,
	previous: null,
	seq: i % 3 === 0 ? i + 1 : undefined
});

/** A log of `n` plain rows over a few cards (one card holding most, to fill pages), and the odd rows. */
const log = (n: number): ReviewLogRow[] => [
	...Array.from({ length: n }, (_, i) => rating(i, i % 5 === 0 ? 'c-small' : `c-big${i % 2}`)),
	...oddRows('c-small', 'd1'),
	...oddRows('c-big0', 'd1', undefined, 'odd2')
];

const byId = (rows: ReviewLogRow[]) => [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));

/** Version 7's quarter-hour rows for `rows`. */
function recount(rows: ReviewLogRow[]): LogQuarterRow[] {
	const times: TimeTotals = new Map();
	for (const row of rows) addToTimes(times, row, 1);
	return [...times].map(([t, counts]) => ({ t, ...counts })).sort((a, b) => a.t - b.t);
}

describe('packStoredLog', () => {
	it('moves every row into its shard’s pages, filled in turn, and counts the quarter hours, whatever it holds at once', async () => {
		const rows = log(3 * PAGE_CAP);
		for (const limits of [
			{ batch: 7, flushRows: 40 },
			{ batch: 5000, flushRows: 100_000 }
		]) {
			const db = new Dexie('pack', { indexedDB: new IDBFactory(), IDBKeyRange });
			db.version(1).stores({ reviewLog: 'id', logPages: '[shard+page], seq, last', logTimes: 't' });
			await db.table('reviewLog').bulkAdd(structuredClone(rows));
			await db.transaction('rw', ['reviewLog', 'logPages', 'logTimes'], (tx) =>
				packStoredLog(tx.table('reviewLog'), tx.table('logPages'), tx.table('logTimes'), limits)
			);
			const pages = (await db.table('logPages').toArray()) as LogPageRow[];
			const stored = pages.flatMap((page) => [...(JSON.parse(page.rows) as ReviewLogRow[]), ...(page.odd ?? [])]);
			expect(byId(stored)).toEqual(byId(rows));
			for (const page of pages) {
				const own = rows.filter((row) => shardOf(row.cardId) === page.shard);
				const last = pages.filter((p) => p.shard === page.shard).length - 1;
				expect(page.count, `page ${page.shard}/${page.page}`).toBeLessThanOrEqual(PAGE_CAP);
				// Holding everything until its page fills, every page of a shard is full but its last.
				if (limits.flushRows > rows.length) expect(page.count).toBe(page.page < last ? PAGE_CAP : own.length - last * PAGE_CAP);
			}
			expect(pages.some((page) => page.count === PAGE_CAP)).toBe(limits.flushRows > rows.length);
			expect(await db.table('logTimes').toArray()).toEqual(recount(rows));
			db.close();
		}
	});

	it('runs as the upgrade to version 7 (then 8): the log reads back whole through log-store', async () => {
		const rows = log(600);
		const factory = new IDBFactory();
		const old = new Dexie('tabledeck-test', { indexedDB: factory, IDBKeyRange });
		old.version(6).stores({ reviewLog: 'id, review, [cardId+review], [stateBefore+review], seq', settings: 'key' });
		await old.table('reviewLog').bulkAdd(structuredClone(rows));
		old.close();
		const db = await openTestDatabase(factory);
		expect(db.tables.map((t) => t.name)).not.toContain('reviewLog');
		const back: ReviewLogRow[] = [];
		await read(LOG_TABLES, (tx) => eachRatings(tx, (page) => void back.push(...page)));
		expect(byId(back)).toEqual(byId(rows));
		expect(await read(LOG_TABLES, ratingCount)).toBe(rows.length);
		expect(await db.logTimes.toArray()).toEqual(timesOfRows(rows));
	});
});

describe('countByDay (the upgrade to version 8)', () => {
	it('turns the quarter rows this app wrote into days and a total, and leaves anyone else’s rows and fields', async () => {
		const factory = new IDBFactory();
		const db = new Dexie('count-by-day', { indexedDB: factory, IDBKeyRange });
		db.version(1).stores({ logTimes: 't' });
		const rows = log(300);
		const quarters = recount(rows);
		const foreign = [
			{ t: 'notes', text: 'someone else’s' },
			{ t: quarters[0].t, ratings: 1, fresh: 0, reviewed: 0, ms: 0, mine: true },
			{ t: Math.floor(quarters.at(-1)!.t / 96), note: 'a row at a day’s key' }
		];
		const ownQuarters = quarters.filter((q) => q.t !== quarters[0].t);
		await db.table('logTimes').bulkAdd([...ownQuarters, ...foreign]);
		await db.transaction('rw', ['logTimes'], (tx) => countByDay(tx.table('logTimes')));
		const { days, total } = fromQuarterRows(ownQuarters);
		const stored = await db.table('logTimes').toArray();
		expect(stored.find((row) => row.t === 'notes')).toEqual(foreign[0]);
		expect(stored.find((row) => row.t === quarters[0].t)).toEqual(foreign[1]);
		const lastDay = stored.find((row) => row.t === foreign[2].t);
		expect(lastDay).toEqual({ ...foreign[2], ...days.find((day) => day.t === foreign[2].t) });
		expect(stored.find((row) => row.t === 'total')).toEqual(total);
		expect(stored.filter((row) => typeof row.t === 'number' && Array.isArray(row.ratings))).toHaveLength(days.length);
		db.close();
	});
});
