import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import { closeDatabase, database, read, write } from './database';
import * as pageModule from './log-page';
import { PAGE_CAP, QUARTER, shardOf } from './log-page';
import {
	addRatings,
	cardRatings,
	countBetween,
	countRanges,
	eachRatings,
	findRating,
	lastWritten,
	LOG_TABLES,
	logBefore,
	mergeRatingBatches,
	mergeRatings,
	nextSeq,
	ratingCount,
	ratingsBetween,
	ratingsOfCards,
	removeRating,
	replaceCardRatings,
	type LogTables
} from './log-store';
import { timesOfRows } from './log-times';
import { oddRows } from './odd-log';
import type { ReviewLogRow } from './rows';
import { DAY, HOUR, MINUTE, NOW, openTestDatabase } from './testing';

vi.mock('./log-page', { spy: true });

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(() => {
	closeDatabase();
	vi.mocked(pageModule.decodePage).mockClear();
});

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

const w = <T>(body: (db: LogTables) => Promise<T>) => write(LOG_TABLES, body);
const r = <T>(body: (db: LogTables) => Promise<T>) => read(LOG_TABLES, body);
const all = () =>
	r(async (db) => {
		const rows: ReviewLogRow[] = [];
		await eachRatings(db, (page) => void rows.push(...page));
		return rows;
	});
const byId = (rows: ReviewLogRow[]) => [...rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));

/** logTimes as counted from scratch from the stored rows. */
async function recount(): Promise<unknown[]> {
	return timesOfRows(await all());
}

describe('writing and reading ratings', () => {
	it('gives back every row, odd ones included, equal field by field', async () => {
		const rows = [rating('a'), ...oddRows('c1', 'd1'), ...oddRows('c2', 'd1', undefined, 'other')];
		await w((db) => addRatings(db, rows));
		expect(byId(await all())).toEqual(byId(rows));
		expect(await r(ratingCount)).toBe(rows.length);
		const back = await all();
		const nan = back.find((row) => row.id === 'odd-c1-8')!;
		expect(Number.isNaN(nan.review)).toBe(true);
		expect(await r((db) => findRating(db, 'odd-c1-3'))).toEqual(rows.find((row) => row.id === 'odd-c1-3'));
		expect(await r((db) => findRating(db, 'odd-c1-3', 'c1'))).toEqual(rows.find((row) => row.id === 'odd-c1-3'));
		expect(await r((db) => findRating(db, 'nope', 'c1'))).toBeUndefined();
		expect(await database().logTimes.toArray()).toEqual(await recount());
	});

	it('refuses a stored id or one given twice, writing nothing', async () => {
		await w((db) => addRatings(db, [rating('a')]));
		await expect(w((db) => addRatings(db, [rating('b'), rating('a', { review: NOW + HOUR })]))).rejects.toThrow(/already/);
		await expect(w((db) => addRatings(db, [rating('c'), rating('c')]))).rejects.toThrow(/already/);
		expect((await all()).map((row) => row.id)).toEqual(['a']);
		expect(await database().logTimes.toArray()).toEqual(timesOfRows([rating('a')]));
	});

	it('merges only the ids not stored, and says which; an id given twice but not stored throws', async () => {
		await w((db) => addRatings(db, [rating('a'), rating('b', { cardId: 'c2' })]));
		await expect(w((db) => mergeRatings(db, [rating('c'), rating('c', { rating: 1 })]))).rejects.toThrow(/already/);
		const added = await w((db) => mergeRatings(db, [rating('a', { rating: 1 }), rating('a'), rating('c'), rating('b', { cardId: 'c2' })]));
		expect(added).toEqual([rating('c')]);
		expect(byId(await all())).toEqual([rating('a'), rating('b', { cardId: 'c2' }), rating('c')]);
		expect(await database().logTimes.toArray()).toEqual(await recount());
	});

	it('finds stored ids by each row or, for many rows of a shard, all at once — and not by their text elsewhere in a page', async () => {
		const stored = Array.from({ length: 20 }, (_, i) => rating(`s${i}`, { review: NOW + i * MINUTE }));
		await w((db) => addRatings(db, stored));
		// "c1" is in the page's text as every row's card id: an id "c1" is still not stored.
		await w((db) => addRatings(db, [rating('c1')]));
		const many = [...stored.slice(0, 6), ...Array.from({ length: 6 }, (_, i) => rating(`n${i}`))];
		expect(await w((db) => mergeRatings(db, many))).toEqual(many.slice(6));
		await expect(w((db) => addRatings(db, [...Array.from({ length: 9 }, (_, i) => rating(`m${i}`)), rating('s3')]))).rejects.toThrow(/s3/);
		expect(await r(ratingCount)).toBe(27);
		expect(await database().logTimes.toArray()).toEqual(await recount());
	});

	it('removes one rating and its count; false when it is not there', async () => {
		await w((db) => addRatings(db, [rating('a'), rating('b', { review: NOW + DAY, stateBefore: 0 })]));
		expect(await w((db) => removeRating(db, 'c1', 'b'))).toBe(true);
		expect(await w((db) => removeRating(db, 'c1', 'b'))).toBe(false);
		expect(await w((db) => removeRating(db, 'c2', 'a'))).toBe(false);
		expect(await r((db) => findRating(db, 'a', 'c2'))).toBeUndefined();
		expect(await r((db) => findRating(db, 'a', 'c1'))).toEqual(rating('a'));
		expect(await all()).toEqual([rating('a')]);
		expect(await database().logTimes.toArray()).toEqual(timesOfRows([rating('a')]));
		expect(await w((db) => removeRating(db, 'c1', 'a'))).toBe(true);
		// No day is left; the total stays, at zero.
		expect(await database().logTimes.toArray()).toEqual([{ t: 'total', ratings: 0, fresh: 0, reviewed: 0, ms: 0 }]);
		expect(await database().logPages.count()).toBe(0);
	});

	it('replaces one card’s ratings, keeping other cards’ and the replaced rows’ places', async () => {
		const unseen = rating('nan', { review: NaN });
		await w((db) => addRatings(db, [rating('a'), rating('b'), rating('x', { cardId: 'other' }), rating('c'), unseen]));
		await w((db) => replaceCardRatings(db, 'c1', [rating('b', { rating: 1, seq: 9 }), rating('d', { review: NOW + HOUR })]));
		// A row whose review is no key is in no list of the card (cardRatings): it stays.
		expect(byId(await all())).toEqual([
			rating('b', { rating: 1, seq: 9 }),
			rating('d', { review: NOW + HOUR }),
			unseen,
			rating('x', { cardId: 'other' })
		]);
		expect(await r((db) => cardRatings(db, 'c1'))).toEqual([rating('b', { rating: 1, seq: 9 }), rating('d', { review: NOW + HOUR })]);
		expect(await database().logTimes.toArray()).toEqual(await recount());
	});
});

describe('cardRatings', () => {
	it('orders by review as IndexedDB keys, then id, leaving out reviews that are no key, within inclusive bounds', async () => {
		const rows = [
			rating('z', { review: NOW }),
			rating('a', { review: NOW }),
			rating('s', { review: '2025-03-10' as never }),
			rating('early', { review: NOW - DAY }),
			rating('nan', { review: NaN }),
			rating('undef', { review: undefined as never }),
			rating('obj', { review: {} as never }),
			rating('inf', { review: Infinity }),
			rating('other', { cardId: 'c2' })
		];
		await w((db) => addRatings(db, rows));
		expect((await r((db) => cardRatings(db, 'c1'))).map((row) => row.id)).toEqual(['early', 'a', 'z', 'inf', 's']);
		expect((await r((db) => cardRatings(db, 'c1', NOW - DAY, NOW))).map((row) => row.id)).toEqual(['early', 'a', 'z']);
		expect((await r((db) => cardRatings(db, 'c1', NOW - DAY + 1, NOW - 1))).map((row) => row.id)).toEqual([]);
	});

	it('reads the pages of the card’s shard only', async () => {
		const cards = ['c1', 'c2', 'c3', 'c4', 'c5'];
		await w((db) =>
			addRatings(
				db,
				cards.map((cardId) => rating(`r-${cardId}`, { cardId }))
			)
		);
		expect(new Set(cards.map(shardOf)).size).toBe(cards.length);
		vi.mocked(pageModule.decodePage).mockClear();
		expect(await r((db) => cardRatings(db, 'c3'))).toEqual([rating('r-c3', { cardId: 'c3' })]);
		const read = vi.mocked(pageModule.decodePage).mock.calls.map(([value]) => (value as { shard: number }).shard);
		expect(read).toEqual([shardOf('c3')]);
	});
});

describe('lastWritten and nextSeq', () => {
	it('is the highest seq when any row has one', async () => {
		expect(await r(nextSeq)).toBe(1);
		await w((db) =>
			addRatings(db, [
				rating('a', { seq: 2 }),
				rating('b', { seq: 7, cardId: 'c2', review: NOW - DAY }),
				rating('c', { review: NOW + HOUR }),
				rating('d', { seq: 1e300 })
			])
		);
		expect(await r(nextSeq)).toBe(8);
		expect((await r((db) => lastWritten(db, NOW)))?.id).toBe('b');
	});

	it('falls back to the latest plausible review time with no numbered row, past a 9999-dated one', async () => {
		expect(await r((db) => lastWritten(db, NOW))).toBeUndefined();
		const rows = [
			rating('a', { review: NOW - HOUR }),
			rating('b', { review: NOW - 2 * HOUR, cardId: 'c2' }),
			rating('far', { review: Date.UTC(9999, 0, 1), cardId: 'c2' }),
			rating('old', { review: 0, cardId: 'c3' })
		];
		await w((db) => addRatings(db, rows));
		expect((await r((db) => lastWritten(db, NOW)))?.id).toBe('a');
		await w((db) => addRatings(db, [rating('b2', { review: NOW - HOUR, cardId: 'c2' })]));
		expect((await r((db) => lastWritten(db, NOW)))?.id).toBe('b2');
		expect(await r(nextSeq)).toBe(1);
	});
});

describe('counts by time', () => {
	const Q = QUARTER;
	const T = Math.floor(NOW / Q) * Q;

	it('counts whole quarter hours, rounding both bounds up, and reads no page', async () => {
		await w((db) =>
			addRatings(db, [
				rating('a', { review: T, stateBefore: 0, durationMs: 1000 }),
				rating('b', { review: T + Q - 1, durationMs: 2 * DAY }),
				rating('c', { review: T + Q, stateBefore: 1, durationMs: -1 }),
				rating('d', { review: T + 5 * Q, durationMs: 500 }),
				rating('e', { review: NaN })
			])
		);
		// The time counts get no logPages at all: any use of it throws.
		const noPages = (body: (db: LogTables) => Promise<unknown>) =>
			r((db) => body({ logTimes: db.logTimes, logPages: new Proxy({}, { get: () => expect.fail('read logPages') }) as never }));
		expect(await noPages((db) => countBetween(db, T, T + Q))).toEqual({ ratings: 2, fresh: 1, reviewed: 1, ms: 1000 });
		expect(await noPages((db) => countBetween(db, T + 1, T + Q + 1))).toEqual({ ratings: 1, fresh: 0, reviewed: 0, ms: 0 });
		expect(await noPages((db) => countRanges(db, [T, T + Q, T + 2 * Q, T + 6 * Q]))).toEqual([
			{ ratings: 2, fresh: 1, reviewed: 1, ms: 1000 },
			{ ratings: 1, fresh: 0, reviewed: 0, ms: 0 },
			{ ratings: 1, fresh: 0, reviewed: 1, ms: 500 }
		]);
		expect(await noPages((db) => logBefore(db, T + 3 * Q))).toEqual({ latest: T + 2 * Q, ratings: 3 });
		expect(await noPages((db) => logBefore(db, T))).toBeNull();
		expect(await noPages((db) => logBefore(db, NaN))).toBeNull();
		expect(await noPages((db) => logBefore(db, -Infinity))).toBeNull();
		expect(await noPages((db) => logBefore(db, Infinity))).toEqual({ latest: T + 6 * Q, ratings: 4 });
		expect((await r((db) => ratingsBetween(db, T + Q - 1, T + 5 * Q))).map((row) => row.id).sort()).toEqual(['b', 'c']);
	});
});

describe('counts by day (schema 8)', () => {
	const Q = QUARTER;
	// Days apart, across the UTC midnight, and before 1970 (negative days): each in its day's slot.
	const reviews = [NOW, NOW + 3 * DAY, Math.ceil(NOW / DAY) * DAY - 1, Math.ceil(NOW / DAY) * DAY, -5 * DAY + 7 * MINUTE, NOW - 400 * DAY];
	const rows = reviews.map((review, i) =>
		rating(`t${i}`, { cardId: `c${i}`, review, stateBefore: (i % 3) as never, durationMs: 1000 * i })
	);
	const brute = (from: number, to: number) => {
		const [lower, upper] = [Math.ceil(from / Q), Math.ceil(to / Q)];
		const own = rows.filter((row) => Math.floor(row.review / Q) >= lower && Math.floor(row.review / Q) < upper);
		return {
			ratings: own.length,
			fresh: own.filter((row) => row.stateBefore === 0).length,
			reviewed: own.filter((row) => row.stateBefore === 2).length,
			ms: own.reduce((sum, row) => sum + row.durationMs, 0)
		};
	};

	it('count any range, open or not, as the rows themselves do', async () => {
		await w((db) => addRatings(db, rows));
		expect(await database().logTimes.toArray()).toEqual(await recount());
		const bounds = [
			-Infinity,
			-6 * DAY,
			-5 * DAY + 7 * MINUTE,
			NOW - 400 * DAY,
			NOW,
			NOW + 1,
			Math.ceil(NOW / DAY) * DAY,
			NOW + 3 * DAY + Q,
			Infinity
		];
		for (const from of bounds)
			for (const to of bounds) expect(await r((db) => countBetween(db, from, to)), `[${from}, ${to})`).toEqual(brute(from, to));
		const finite = bounds.slice(1, -1);
		expect(await r((db) => countRanges(db, finite))).toEqual(finite.slice(1).map((to, i) => brute(finite[i], to)));
		for (const ms of bounds.slice(1)) {
			const before = rows.filter((row) => row.review < Math.ceil(ms / Q) * Q).map((row) => Math.floor(row.review / Q));
			const expected = before.length ? { latest: (Math.max(...before) + 1) * Q, ratings: before.length } : null;
			expect(await r((db) => logBefore(db, ms)), `before ${ms}`).toEqual(expected);
		}
	});

	it('read every day as zero where a stored row cannot be believed, and sum the days when the total is gone', async () => {
		await w((db) => addRatings(db, rows));
		const all = await r((db) => countBetween(db, -Infinity, Infinity));
		await database().logTimes.delete('total');
		expect(await r((db) => countBetween(db, -Infinity, Infinity))).toEqual(all);
		expect(await r((db) => countBetween(db, -Infinity, NOW))).toEqual(brute(-Infinity, NOW));
		await database().logTimes.put({ t: 'total', ratings: 'many', fresh: 0, reviewed: 0, ms: 0 } as never);
		expect(await r((db) => countBetween(db, -Infinity, Infinity))).toEqual(all);
		// A day row with a slot that is no number, and one with no lists: those count as zero.
		const day = Math.floor(NOW / DAY);
		const stored = (await database().logTimes.get(day)) as { ratings: unknown[] };
		stored.ratings = stored.ratings.map((n) => (n === 0 ? n : 'x'));
		await database().logTimes.put(stored as never);
		await database().logTimes.put({ t: day + 1000, note: 'someone else’s' } as never);
		expect((await r((db) => countBetween(db, day * DAY, (day + 1) * DAY))).ratings).toBe(0);
		expect((await r((db) => countBetween(db, (day + 1000) * DAY, Infinity))).ratings).toBe(0);
		// The next write starts from what can be read, and keeps the fields it did not write.
		await w((db) => addRatings(db, [rating('later', { cardId: 'c9', review: (day + 1000) * DAY + Q })]));
		expect((await r((db) => countBetween(db, (day + 1000) * DAY, Infinity))).ratings).toBe(1);
		expect(await database().logTimes.get(day + 1000)).toMatchObject({ note: 'someone else’s' });
		await w((db) => removeRating(db, 'c9', 'later'));
		expect(await database().logTimes.get(day + 1000)).toMatchObject({ note: 'someone else’s' });
	});

	it('mergeRatingBatches writes each batch’s pages, adds only ids not stored, and the counts once', async () => {
		await w((db) => addRatings(db, rows.slice(0, 2)));
		let written = 0;
		const count = () => void written++;
		database().logTimes.hook('creating', count);
		database().logTimes.hook('updating', count);
		const heard: string[][] = [];
		const more = Array.from({ length: 40 }, (_, i) => rating(`m${i}`, { cardId: `k${i % 7}`, review: NOW + i * HOUR }));
		await w((db) =>
			mergeRatingBatches(db, [rows.slice(0, 3), more.slice(0, 20), [], more.slice(20)], (added) => heard.push(added.map((row) => row.id)))
		);
		expect(heard).toEqual([['t2'], more.slice(0, 20).map((row) => row.id), more.slice(20).map((row) => row.id)]);
		expect(byId(await all())).toEqual(byId([...rows.slice(0, 3), ...more]));
		expect(await database().logTimes.toArray()).toEqual(await recount());
		// Each day the added rows touch, and the total: once each, not once per batch.
		const days = new Set([rows[2], ...more].map((row) => Math.floor(row.review / DAY)));
		expect(written).toBe(days.size + 1);
	});
});

describe('ratingsOfCards', () => {
	it('gives the cards’ ratings in [from, to), reading only their shards for a few cards and skipping pages before `from`', async () => {
		// c0's shard gets an old page, then a new one; many cards make the other path.
		const cards = Array.from({ length: 600 }, (_, i) => `k${i}`);
		const old = Array.from({ length: PAGE_CAP }, (_, i) => rating(`old${i}`, { cardId: 'k0', review: NOW - 400 * DAY + i }));
		const recent = cards.map((cardId, i) => rating(`new${i}`, { cardId, review: NOW - (i % 50) * DAY }));
		await w((db) => addRatings(db, old));
		await w((db) => addRatings(db, recent));
		const from = NOW - 30 * DAY;
		const brute = (ids: string[], to: number) =>
			[...old, ...recent]
				.filter((row) => ids.includes(row.cardId) && row.review >= from && row.review < to)
				.map((row) => row.id)
				.sort();
		for (const ids of [['k0'], ['k0', 'k1', 'k2'], cards.slice(0, 300), cards]) {
			vi.mocked(pageModule.decodePage).mockClear();
			const got = await r((db) => ratingsOfCards(db, ids, from, NOW));
			expect(got.map((row) => row.id).sort(), `${ids.length} cards`).toEqual(brute(ids, NOW));
			const decoded = vi.mocked(pageModule.decodePage).mock.calls.map(([value]) => value as { shard: number; last: number });
			expect(decoded.every((page) => page.last >= from)).toBe(true);
			if (ids.length <= 3) expect(new Set(decoded.map((page) => page.shard))).toEqual(new Set(ids.map(shardOf)));
		}
		expect(await r((db) => ratingsOfCards(db, [], from, NOW))).toEqual([]);
		expect(await r((db) => ratingsOfCards(db, ['k0'], NOW, from))).toEqual([]);
	});
});

describe('pages this module did not write', () => {
	it('are skipped by every reader and never overwritten: appends go after them', async () => {
		const shard = shardOf('c1');
		const foreign = [
			{ shard, page: 0, rows: 'not json', note: 'someone else’s' },
			{ shard, page: 1, seq: 99, last: NOW, count: 1, rows: '[1]' }
		];
		await database().logPages.bulkAdd(foreign as never);
		await w((db) => addRatings(db, [rating('a', { seq: 3 })]));
		expect(
			await database().logPages.bulkGet([
				[shard, 0],
				[shard, 1]
			])
		).toEqual(foreign);
		expect(await database().logPages.get([shard, 2])).toMatchObject({ count: 1, seq: 3 });
		expect(await all()).toEqual([rating('a', { seq: 3 })]);
		expect(await r(nextSeq)).toBe(4);
		expect(await r((db) => cardRatings(db, 'c1'))).toEqual([rating('a', { seq: 3 })]);
		expect(await w((db) => removeRating(db, 'c1', 'a'))).toBe(true);
		expect(await database().logPages.toArray()).toEqual(foreign);
	});
});

describe('pages', () => {
	it('fill to PAGE_CAP, then a new page begins', async () => {
		const rows = Array.from({ length: PAGE_CAP + 1 }, (_, i) =>
			rating(`r${String(i).padStart(4, '0')}`, { review: NOW + i * MINUTE, seq: i + 1 })
		);
		await w((db) => addRatings(db, rows.slice(0, 10)));
		await w((db) => addRatings(db, rows.slice(10)));
		const pages = await database().logPages.toArray();
		expect(pages.map((p) => [p.page, p.count, p.seq, p.last])).toEqual([
			[0, PAGE_CAP, PAGE_CAP, NOW + (PAGE_CAP - 1) * MINUTE],
			[1, 1, PAGE_CAP + 1, NOW + PAGE_CAP * MINUTE]
		]);
		expect(await r((db) => cardRatings(db, 'c1'))).toEqual(rows);
	});
});

describe('logTimes', () => {
	it('always equal a recount from the pages, after random writes, merges, removals and replacements', async () => {
		const random = mulberry32(20);
		const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
		const cards = ['c1', 'c2', 'c3'];
		const odd = oddRows('c2', 'd1');
		let n = 0;
		const fresh = (): ReviewLogRow =>
			random() < 0.15
				? { ...pick(odd), id: `o${n++}` }
				: rating(`r${n++}`, {
						cardId: pick(cards),
						review: NOW + Math.floor(random() * 20) * 7 * MINUTE,
						stateBefore: pick([0, 1, 2, 3]) as never,
						durationMs: Math.floor(random() * 9000)
					});
		for (let step = 0; step < 60; step++) {
			const stored = await all();
			const action = random();
			if (action < 0.4) await w((db) => addRatings(db, Array.from({ length: 1 + Math.floor(random() * 4) }, fresh)));
			else if (action < 0.6) await w((db) => mergeRatings(db, [...stored.slice(0, 2), fresh()]));
			else if (action < 0.8 && stored.length > 0) {
				const row = pick(stored);
				await w((db) => removeRating(db, String(row.cardId), row.id));
			} else {
				const cardId = pick(cards);
				const own = stored.filter((row) => row.cardId === cardId);
				await w((db) => replaceCardRatings(db, cardId, [...own.slice(1), { ...fresh(), cardId }]));
			}
			expect(await database().logTimes.toArray(), `after step ${step}`).toEqual(await recount());
		}
	});
});

describe('writes at once in one transaction', () => {
	/** Card ids of one shard, so their writes read and write the same pages. */
	function sameShard(count: number): string[] {
		const first = shardOf('k0');
		const ids = ['k0'];
		for (let i = 1; ids.length < count; i++) if (shardOf(`k${i}`) === first) ids.push(`k${i}`);
		return ids;
	}

	it('keep every row and count: each waits for the one asked before it', async () => {
		const cards = sameShard(4);
		await w((db) => addRatings(db, [rating('old', { cardId: cards[0] })]));
		// As sync's replay does: one card after another asked at once, in the same quarter hour.
		await w((db) =>
			Promise.all([
				replaceCardRatings(db, cards[0], [rating('old', { cardId: cards[0] }), rating('a', { cardId: cards[0] })]),
				replaceCardRatings(db, cards[1], [rating('b', { cardId: cards[1] })]),
				addRatings(db, [rating('c', { cardId: cards[2] })]),
				mergeRatings(db, [rating('d', { cardId: cards[3] }), rating('old', { cardId: cards[0] })]),
				removeRating(db, cards[0], 'old')
			])
		);
		expect((await all()).map((row) => row.id).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(await database().logTimes.toArray()).toEqual(await recount());
	});

	it('a failed write does not stop the ones after it from being asked, and the transaction applies nothing', async () => {
		const cards = sameShard(2);
		await expect(
			w((db) =>
				Promise.all([
					addRatings(db, [rating('x', { cardId: cards[0] }), rating('x', { cardId: cards[0] })]),
					addRatings(db, [rating('y', { cardId: cards[1] })])
				])
			)
		).rejects.toThrow(/already/);
		expect(await all()).toEqual([]);
		expect(await database().logTimes.count()).toBe(0);
	});
});
