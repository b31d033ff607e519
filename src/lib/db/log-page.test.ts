import { describe, expect, it } from 'vitest';
import { PREVIOUS_COLUMNS, REVIEW_LOG_COLUMNS } from '$lib/backup/format';
import {
	decodePage,
	encodePage,
	holdsExactly,
	pageRows,
	quarterOf,
	QUARTER,
	SHARDS,
	shardOf,
	STORED_COLUMNS,
	STORED_PREVIOUS_COLUMNS,
	storedEntry,
	storedRow
} from './log-page';
import { oddRows } from './odd-log';
import type { ReviewLogRow } from './rows';
import { DAY, NOW } from './testing';

const rating = (id: string, fields: Partial<ReviewLogRow> = {}): ReviewLogRow => ({
	id,
	cardId: 'c1',
	deckId: 'd1',
	rating: 3,
	review: NOW,
	stateBefore: 2,
	stateAfter: 2,
	elapsedDays: 1,
	scheduledDays: 3,
	due: NOW + 3 * DAY,
	stability: 3.25,
	difficulty: 5.1,
	durationMs: 2500,
	previous: null,
	...fields
});

/** What IndexedDB gives back: a structured clone. */
const stored = <T>(value: T): T => structuredClone(value);

describe('shardOf', () => {
	it('hashes String(cardId) with FNV-1a into [0, SHARDS)', () => {
		// FNV-1a 32 of "a" is 0xe40c292c.
		expect(shardOf('a')).toBe(0xe40c292c % SHARDS);
		expect(shardOf('')).toBe(0x811c9dc5 % SHARDS);
		expect(shardOf(42)).toBe(shardOf('42'));
		const shards = Array.from({ length: 2000 }, (_, i) => shardOf(`card-${i}`));
		expect(shards.every((s) => Number.isInteger(s) && s >= 0 && s < SHARDS)).toBe(true);
		expect(new Set(shards).size).toBeGreaterThan(700);
	});
});

describe('quarterOf', () => {
	it('is the quarter hour of a finite review, none for anything else', () => {
		expect(quarterOf(QUARTER * 10)).toBe(10);
		expect(quarterOf(QUARTER * 10 - 1)).toBe(9);
		expect(quarterOf(-1)).toBe(-1);
		expect([NaN, Infinity, -Infinity, undefined, null, '2025-03-10'].map(quarterOf)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			undefined
		]);
	});
});

describe('encodePage and decodePage', () => {
	it('keeps plain rows in the JSON, in write order, with the page’s seq, last and count', () => {
		const rows = [
			rating('a', { seq: 4, review: NOW - DAY }),
			rating('b', { review: NOW }),
			rating('c', { seq: 2, previous: { ...rating('x'), cardId: 'c1' } as never })
		];
		const page = encodePage(7, 2, rows);
		expect(page).toMatchObject({ shard: 7, page: 2, seq: 4, last: NOW, count: 3 });
		expect(page.odd).toBeUndefined();
		expect(JSON.parse(page.rows)).toEqual(rows.map(storedEntry));
		expect(decodePage(stored(page))).toEqual({ shard: 7, page: 2, rows });
	});

	it('gives back every odd row equal field by field (NaN, 1e300, strings, missing fields…)', () => {
		const odd = oddRows('c1', 'd1');
		const rows = [
			rating('first'),
			...odd,
			{ ...rating('neg-zero'), difficulty: -0 },
			{ ...rating('date'), review: new Date(NOW) as never }
		];
		const page = encodePage(1, 0, rows);
		const back = decodePage(stored(page))!.rows;
		expect(back).toHaveLength(rows.length);
		for (const row of rows) {
			const found = back.find((r) => r.id === row.id);
			expect(found, row.id).toEqual(row);
			for (const key of Object.keys(row))
				expect(
					Object.is(found![key as keyof ReviewLogRow], row[key as keyof ReviewLogRow]) ||
						typeof row[key as keyof ReviewLogRow] === 'object',
					`${row.id}.${key}`
				).toBe(true);
		}
		// NaN, ±Infinity, -0 and the Date cannot be JSON; 1e300, strings and undefined fields can.
		expect(page.odd!.map((r) => r.id)).toEqual(expect.arrayContaining(['neg-zero', 'date', 'odd-c1-0', 'odd-c1-6']));
		expect(page.odd!.some((r) => r.id === 'first')).toBe(false);
		expect(page.seq).toBe(0);
	});

	it('counts a seq only when it is a whole number from 1, and last over finite numbers only', () => {
		const rows = [
			rating('a', { seq: 1e300 }),
			rating('b', { seq: 2.5 }),
			rating('c', { seq: 3, review: Infinity }),
			rating('d', { review: 'x' as never })
		];
		expect(encodePage(0, 0, rows)).toMatchObject({ seq: 3, last: NOW });
		expect(encodePage(0, 0, [rating('e', { review: NaN })])).toMatchObject({ seq: 0, last: -1, count: 1 });
	});

	it('tells which rows JSON holds exactly by type', () => {
		expect(holdsExactly(rating('a'))).toBe(true);
		expect(holdsExactly({ ...rating('a'), durationMs: undefined } as never)).toBe(true);
		expect(holdsExactly({ ...rating('a'), durationMs: NaN })).toBe(false);
		expect(holdsExactly({ ...rating('a'), previous: { due: -Infinity } as never })).toBe(false);
		expect(holdsExactly({ ...rating('a'), previous: new Map() as never })).toBe(false);
		expect(holdsExactly({ ...rating('a'), previous: [1, undefined] as never })).toBe(false);
	});

	it('reads anything that is not a page of ours as no page and no rows, never a throw', () => {
		const good = encodePage(3, 0, [rating('a')]);
		const bad: unknown[] = [
			undefined,
			null,
			'text',
			42,
			[],
			{},
			{ ...good, rows: 'not json' },
			{ ...good, rows: '{"a":1}' },
			{ ...good, rows: '[1,2]' },
			{ ...good, rows: '[null]' },
			{ ...good, count: 2 },
			{ ...good, page: '0' },
			{ ...good, shard: 1.5 },
			{ ...good, seq: undefined },
			{ ...good, last: null },
			{ ...good, odd: 'x' },
			{ ...good, odd: [1] },
			{ ...good, rows: undefined }
		];
		for (const value of bad) {
			expect(decodePage(value)).toBeUndefined();
			expect(pageRows(value)).toEqual([]);
		}
		expect(pageRows(good)).toEqual([rating('a')]);
	});
});

describe('a page’s JSON entries (schema 9)', () => {
	const previous = {
		cardId: 'c1',
		due: NOW - DAY,
		stability: 1.5,
		difficulty: 5.5,
		elapsedDays: 2,
		scheduledDays: 1,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2 as const,
		lastReview: NOW - 3 * DAY,
		suspended: 0 as const,
		buriedUntil: 0
	};

	it('hold the backup’s rating columns, then the deck id and seq: a restore passes a file’s tuple on', () => {
		expect(STORED_COLUMNS.slice(0, REVIEW_LOG_COLUMNS.length)).toEqual([...REVIEW_LOG_COLUMNS]);
		expect(STORED_COLUMNS.slice(REVIEW_LOG_COLUMNS.length)).toEqual(['deckId', 'seq']);
		expect([...STORED_PREVIOUS_COLUMNS]).toEqual([...PREVIOUS_COLUMNS]);
	});

	it('are tuples for the rows the app writes, with or without seq and previous, and read back equal', () => {
		const rows = [
			rating('a'),
			rating('b', { seq: 7 }),
			rating('c', { previous }),
			rating('d', { seq: 8, previous: { ...previous, lastReview: null } })
		];
		for (const row of rows) {
			const entry = storedEntry(row);
			expect(Array.isArray(entry), row.id).toBe(true);
			expect(entry).toHaveLength(row.seq === undefined ? 14 : 15);
			const back = storedRow(JSON.parse(JSON.stringify(entry)));
			expect(back).toEqual(row);
			expect(Object.keys(back!).sort()).toEqual(Object.keys(row).sort());
		}
		expect(storedEntry(rows[2])).toEqual([
			'c',
			'c1',
			3,
			NOW,
			2,
			2,
			1,
			3,
			NOW + 3 * DAY,
			3.25,
			5.1,
			2500,
			[NOW - DAY, 1.5, 5.5, 2, 1, 0, 2, 0, 2, NOW - 3 * DAY, 0, 0],
			'd1'
		]);
		// The point: a page of such ratings is far less text than the same ratings with named fields.
		const page = Array.from({ length: 500 }, (_, i) => rating(`r-${i}`, { seq: i + 1, previous }));
		expect(JSON.stringify(page.map(storedEntry)).length * 2).toBeLessThan(JSON.stringify(page).length);
	});

	it('are the row itself for any other row, and read back as written', () => {
		const { durationMs: _left, ...missing } = rating('missing');
		const { buriedUntil: _gone, ...shortPrevious } = previous;
		const others = [
			{ ...rating('extra'), note: 'mine' },
			missing as ReviewLogRow,
			rating('other-card', { previous: { ...previous, cardId: 'c2' } }),
			rating('previous-extra', { previous: { ...previous, flag: true } as never }),
			rating('previous-short', { previous: shortPrevious as never }),
			rating('previous-list', { previous: [1, 2] as never }),
			rating('previous-text', { previous: 'x' as never }),
			{ ...rating('undefined-field'), stability: undefined } as never as ReviewLogRow
		];
		for (const row of others) {
			expect(storedEntry(row), row.id).toBe(row);
			expect(storedRow(JSON.parse(JSON.stringify(storedEntry(row)))), row.id).toEqual(row);
		}
		// An undefined seq is no seq: JSON would drop it too.
		expect(storedEntry({ ...rating('no-seq'), seq: undefined })).toHaveLength(14);
	});

	it('read a page mixing tuples and objects (a page written before schema 9, then appended to) in order', () => {
		const old = [rating('a', { seq: 1 }), rating('b', { seq: 2, previous })];
		const appended = rating('c', { seq: 3 });
		const value = { ...encodePage(5, 0, [...old, appended]), rows: JSON.stringify([...old, storedEntry(appended)]) };
		expect(decodePage(stored(value))).toEqual({ shard: 5, page: 0, rows: [...old, appended] });
	});

	it('are made into rows only when their review is wanted, every one still checked', () => {
		const rows = [rating('a', { review: NOW - DAY }), rating('b', { review: NOW }), { ...rating('c', { review: NOW }), extra: 1 }];
		const odd = { ...rating('d', { review: NOW }), stability: NaN };
		const page = stored(encodePage(2, 0, [...rows, odd]));
		const today = (review: unknown) => review === NOW;
		expect(decodePage(page, today)).toEqual({ shard: 2, page: 0, rows: [rows[1], rows[2], odd] });
		expect(decodePage(page, () => false)!.rows).toEqual([]);
		// A broken entry that is not wanted still makes the page no page of ours.
		const broken = { ...page, rows: JSON.stringify([...JSON.parse(page.rows), [1, 2]]), count: page.count + 1 };
		expect(decodePage(broken, today)).toBeUndefined();
	});

	it('make a page no page of ours when a tuple is not one', () => {
		const good = encodePage(3, 0, [rating('a')]);
		const tuple = storedEntry(rating('a')) as unknown[];
		for (const entry of [
			tuple.slice(0, 13),
			[...tuple, 1, 2],
			tuple.map((v, i) => (i === 12 ? [1, 2] : v)),
			tuple.map((v, i) => (i === 12 ? 'x' : v)),
			7,
			null
		]) {
			expect(decodePage({ ...good, rows: JSON.stringify([entry]) })).toBeUndefined();
		}
	});
});
