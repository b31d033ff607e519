import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, database, write } from './database';
import { shardOf } from './log-page';
import { readReviewLog } from './log-reader';
import { addRatings, LOG_TABLES } from './log-store';
import { oddRows } from './odd-log';
import type { ReviewLogRow } from './rows';
import { DAY, NOW, openTestDatabase } from './testing';

afterEach(closeDatabase);

const rating = (i: number, cardId: string): ReviewLogRow => ({
	id: `r${i}`,
	cardId,
	deckId: 'd1',
	rating: ((i % 4) + 1) as never,
	review: NOW - i * 1000,
	stateBefore: (i % 4) as never,
	stateAfter: 2,
	elapsedDays: 1,
	scheduledDays: 3,
	due: NOW + 3 * DAY,
	stability: 3.25,
	difficulty: 5.1,
	durationMs: 1000,
	previous: null
});

const reduced = (rows: ReviewLogRow[]) => rows.map(({ cardId, review, rating, stateBefore }) => ({ cardId, review, rating, stateBefore }));
/** Sorted by every field's type and text: NaN, Infinity, null and undefined stay apart. */
const order = (rows: object[]) => {
	const key = (row: object) =>
		Object.values(row)
			.map((v) => `${typeof v}:${String(v)}`)
			.join('|');
	return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
};

describe('readReviewLog (the optimizer’s worker)', () => {
	it('reads every rating of every page once, odd rows included, pages not of this app skipped', async () => {
		const factory = new IDBFactory();
		await openTestDatabase(factory);
		// Over a hundred cards: more shards' pages than one batch reads.
		const rows = [...Array.from({ length: 1200 }, (_, i) => rating(i, `card-${i % 150}`)), ...oddRows('card-1', 'd1')];
		await write(LOG_TABLES, (db) => addRatings(db, rows));
		expect(new Set(rows.map((row) => shardOf(row.cardId))).size).toBeGreaterThan(40);
		await database().logPages.put({ shard: 5000, page: 0, rows: 'not ours' } as never);
		const read = await readReviewLog('tabledeck-test', factory, IDBKeyRange);
		expect(read).toHaveLength(rows.length);
		expect(order(read)).toEqual(order(reduced(rows)));
	});
});
