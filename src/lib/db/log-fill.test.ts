import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database, read, write } from './database';
import { decodePage, PAGE_CAP, pageEntries, shardOf } from './log-page';
import { addRatings, eachRatings, fillLog, LOG_TABLES, type LogTables } from './log-store';
import { timesOfRows } from './log-times';
import { oddRows } from './odd-log';
import type { ReviewLogRow } from './rows';
import { DAY, MINUTE, NOW, openTestDatabase } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

const rating = (id: string, cardId: string, at: number): ReviewLogRow => ({
	id,
	cardId,
	deckId: 'd1',
	rating: 3,
	review: at,
	stateBefore: 2,
	stateAfter: 2,
	elapsedDays: 1,
	scheduledDays: 3,
	due: at + 3 * DAY,
	stability: 3.25,
	difficulty: 5.1,
	durationMs: 2500,
	previous: null
});

const w = <T>(body: (db: LogTables) => Promise<T>) => write(LOG_TABLES, body);
const all = () =>
	read(LOG_TABLES, async (db) => {
		const rows: ReviewLogRow[] = [];
		await eachRatings(db, (page) => void rows.push(...page));
		return rows.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
	});

/** `rows` of one card as pages of at most PAGE_CAP, in order, as fillLog takes them. */
const pagesOf = (rows: ReviewLogRow[]) =>
	Array.from({ length: Math.ceil(rows.length / PAGE_CAP) }, (_, i) =>
		filled(shardOf(rows[0].cardId), rows.slice(i * PAGE_CAP, (i + 1) * PAGE_CAP))
	);
const filled = (shard: number, rows: ReviewLogRow[]) => ({ shard, ...pageEntries(rows) });

describe('fillLog (a version-2 restore into an empty log)', () => {
	it('stores the pages as they come, numbered in their shard, odd rows as written, and the counts from scratch', async () => {
		const many = Array.from({ length: 1100 }, (_, i) => rating(`a-${1100 - i}`, 'card-a', NOW - i * MINUTE));
		// One odd row names card 42, which is in another shard.
		const odd = oddRows('card-b', 'd1').filter((row) => row.cardId === 'card-b');
		const added: number[] = [];
		await w((db) => fillLog(db, [pagesOf(many).slice(0, 2), [...pagesOf(many).slice(2), ...pagesOf(odd)]], (count) => added.push(count)));
		const values = await database().logPages.toArray();
		expect(values.map((value) => [value.shard, value.page, value.count])).toEqual(
			[
				[shardOf('card-a'), 0, 500],
				[shardOf('card-a'), 1, 500],
				[shardOf('card-a'), 2, 100],
				[shardOf('card-b'), 0, odd.length]
			].sort((a, b) => a[0] - b[0] || a[1] - b[1])
		);
		expect(values.map((value) => decodePage(value)!.rows.map((row) => row.id)).flat()).toEqual(
			expect.arrayContaining([...many, ...odd].map((row) => row.id))
		);
		// In stored order: a page holds its ratings as given, not sorted by id.
		expect(decodePage(values.find((value) => value.shard === shardOf('card-a') && value.page === 0))!.rows).toEqual(many.slice(0, 500));
		expect(added).toEqual([1000, 100 + odd.length]);
		const stored = await all();
		expect(stored.filter((row) => String(row.id).startsWith('odd'))).toEqual([...odd].sort((a, b) => (a.id < b.id ? -1 : 1)));
		expect(await database().logTimes.toArray()).toEqual(timesOfRows(stored));
	});

	it('refuses a log that holds a page, an empty page, a page too big or of another shard, and the transaction keeps nothing', async () => {
		const rows = Array.from({ length: 501 }, (_, i) => rating(`b-${i}`, 'card-b', NOW - i * MINUTE));
		const shard = shardOf('card-b');
		const bad = [
			[filled(shard, rows)],
			[filled(shard, [])],
			[filled((shard + 1) % 1024, rows.slice(0, 3))],
			[{ ...filled((shard + 1) % 1024, []), odd: rows.slice(0, 1) }]
		];
		for (const pages of bad) {
			await expect(w((db) => fillLog(db, [[filled(shard, rows.slice(0, 10))], pages]))).rejects.toThrow(/cannot hold/);
			expect([await database().logPages.count(), await database().logTimes.count()]).toEqual([0, 0]);
		}
		await w((db) => addRatings(db, rows.slice(0, 1)));
		await expect(w((db) => fillLog(db, [[filled(shard, rows.slice(1, 3))]]))).rejects.toThrow(/already holds pages/);
		expect(await all()).toEqual(rows.slice(0, 1));
	});
});
