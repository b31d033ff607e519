import { describe, expect, it } from 'vitest';
import { decodePage, encodePage, holdsExactly, pageRows, quarterOf, QUARTER, SHARDS, shardOf } from './log-page';
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
		expect(JSON.parse(page.rows)).toEqual(rows);
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
