/**
 * Upgrades frozen dumps of every released schema version (tests/fixtures/db/, never
 * regenerated) with today's code and compares every row of every table, and the order of
 * every index, with what the upgrade must leave. The old database is built from the stores
 * the fixture records, never from live code: a lossy upgrade cannot hide by changing both.
 */
import Dexie, { type Table } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { deckCounts, todayStats } from './counts';
import { CARD_TABLES, cardIdsOfNote, cardsById, cardsOfDeck, cardsOfNote } from './card-store';
import { closeDatabase, database, read } from './database';
import { pageRows } from './log-page';
import { timesOfRows } from './log-times';
import { oddRows } from './odd-log';
import { cardRatings, eachRatings, LOG_TABLES, ratingCount } from './log-store';
import type { ReviewLogRow } from './rows';
import { recountTotals } from './deck-totals-store';
import { TOTALS_FORMAT } from './deck-totals';
import { unpackShard } from './deck-totals-pack';
import { deckCountsFromRanges, todayTotalsFromRanges } from './deck-totals.testing';
import { cardReviewLog, getProgress, undoLastReview, recordReview } from './progress';
import { quizHistory } from './quiz';
import { getSettings } from './settings';
import type { DeckTotalsRow } from './rows';
import { fixture, released, type Fixture } from './fixtures.testing';
import { openTestDatabase } from './testing';
import { todayTotals } from './deck-totals.testing';

const RELEASED = ['v1.json', 'v2.json', 'v3.json', 'v4.json', 'v5.json', 'v6.json', 'v7.json', 'v8.json', 'v9.json'];

afterEach(closeDatabase);

/** The cards a fixture holds, as rows: version 1–5's `cards` table, or version 6's pages. */
function fixtureCards(f: Fixture): Record<string, unknown>[] {
	if (f.tables.cards) return f.tables.cards;
	return (f.tables.cardPages as { json: string }[]).flatMap((page) => JSON.parse(page.json) as Record<string, unknown>[]);
}

/** The ratings a fixture holds, as rows: version 1–6's `reviewLog` table, or version 7's pages. */
function fixtureRatings(f: Fixture): ReviewLogRow[] {
	if (f.tables.reviewLog) return f.tables.reviewLog as unknown as ReviewLogRow[];
	return (f.tables.logPages ?? []).flatMap(pageRows);
}

/** Tables rebuilt by an upgrade (the packed cards and log): compared row by row only for a fixture that has them. */
const PACKED: readonly string[] = [...CARD_TABLES, ...LOG_TABLES];

/**
 * What the upgrade must leave, table by table — the mapping, stated in full:
 * - version 6 packs the cards: `cards` is gone, and every card is read back equal, field by
 *   field, through card-store (by id, by note in card order, by deck); its own tables are
 *   compared row by row only for a fixture that has them (version 6's), as any table;
 * - version 7 packs the review log: `reviewLog` is gone, and every rating is read back equal,
 *   field by field, through log-store (the whole log, and each card's in [cardId+review] order);
 *   its tables are compared row by row only for a fixture that has them (version 7's, 8's and 9's);
 * - version 8 counts the log by day: version 7's quarter-hour `logTimes` rows become the day
 *   rows and total that version 8's dump holds (the same log, counted by day by hand);
 * - version 9 writes ratings as tuples in pages and rewrites no page: version 7's and 8's pages
 *   stay as they are, row for row, and read back equal as every version's;
 * - every table of the fixture keeps every row, field for field (version 3 adds the
 *   reviewLog `seq` index and rewrites no row; its own rows keep their `seq`);
 * - a table the fixture's version did not have (quizHistory before version 2, events before
 *   version 4, deckTotals before version 5: the first reader counts them) is empty;
 * - settings gain one row, the device id (`sync.device`), when the fixture has none: the only
 *   row opening a database adds; version 4 converts no older row into events.
 */
function expectedAfterUpgrade(f: Fixture, tables: string[], device: unknown): Record<string, unknown[]> {
	const expected: Record<string, unknown[]> = Object.fromEntries(tables.map((name) => [name, f.tables[name] ?? []]));
	if (f.version === 7) expected.logTimes = fixture('v8.json').tables.logTimes;
	const settings = expected.settings as { key: string }[];
	if (!settings.some((row) => row.key === 'sync.device')) {
		expected.settings = [...settings, { key: 'sync.device', value: device }].sort((a, b) => (a.key < b.key ? -1 : 1));
	}
	return expected;
}

const keyAt = (row: Record<string, unknown>, path: string | string[]): unknown =>
	Array.isArray(path) ? path.map((p) => row[p]) : row[path];

/** Primary keys in the order `table`'s index `name` must list `rows`, by IndexedDB's own comparison. */
function indexOrder(table: Table, name: string, rows: Record<string, unknown>[], factory: IDBFactory): unknown[] {
	const index = table.schema.idxByName[name];
	const pk = table.schema.primKey.keyPath!;
	const valid = (key: unknown) => {
		try {
			factory.cmp(key, 0);
			return true;
		} catch {
			return false;
		}
	};
	const entries = rows.flatMap((row) => {
		const key = keyAt(row, index.keyPath!);
		const keys = index.multi && Array.isArray(key) ? key : [key];
		return keys.filter(valid).map((k) => ({ key: k, pk: keyAt(row, pk) }));
	});
	entries.sort((a, b) => factory.cmp(a.key, b.key) || factory.cmp(a.pk, b.pk));
	return entries.map((e) => e.pk);
}

describe.each(RELEASED)('upgrading the released database %s', (file) => {
	it('keeps every row of every table, in the order of every index', async () => {
		const f = fixture(file);
		const factory = await released(f);
		await openTestDatabase(factory);
		const db = database();
		// The newest fixture is today's version: opening it must change nothing either.
		expect(db.verno).toBeGreaterThanOrEqual(f.version);
		const names = db.tables.map((t) => t.name).sort();
		const kept = Object.keys(f.stores).filter((name) => name !== 'cards' && name !== 'reviewLog');
		expect(names, 'every table of the released version is still there, but cards and reviewLog').toEqual(
			expect.arrayContaining(kept.sort())
		);
		expect(names).not.toContain('cards');
		expect(names).not.toContain('reviewLog');
		const device = (await db.table('settings').get('sync.device'))?.value;
		expect(device).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
		const expected = expectedAfterUpgrade(f, names, device);
		for (const table of db.tables.filter((t) => !PACKED.includes(t.name) || f.tables[t.name])) {
			expect(await table.toArray(), `rows of ${table.name}`).toEqual(expected[table.name]);
			for (const index of table.schema.indexes) {
				const order = await table.orderBy(index.name).primaryKeys();
				expect(order, `order of ${table.name} along ${index.name}`).toEqual(
					indexOrder(table, index.name, expected[table.name] as Record<string, unknown>[], factory)
				);
			}
		}
	});

	it('keeps every card, equal field by field, by id, by note in card order and by deck', async () => {
		const f = fixture(file);
		await openTestDatabase(await released(f));
		const cards = fixtureCards(f) as { id: string; noteId: string; deckId: string; pos: number }[];
		const notes = [...new Set(cards.map((card) => card.noteId))];
		const decks = [...new Set(cards.map((card) => `${card.noteId} ${card.deckId}`))].map((key) => key.split(' '));
		const inOrder = (list: typeof cards) => [...list].sort((a, b) => a.pos - b.pos);
		expect(cards.length).toBeGreaterThanOrEqual(6);
		await read(['notes', 'decks', ...CARD_TABLES], async (db) => {
			expect(
				await cardsById(
					db,
					cards.map((card) => card.id)
				)
			).toEqual(cards);
			for (const noteId of notes) {
				const own = inOrder(cards.filter((card) => card.noteId === noteId));
				expect(await cardsOfNote(db, noteId), `cards of note ${noteId}`).toEqual(own);
				expect(await cardIdsOfNote(db, noteId)).toEqual(own.map((card) => card.id));
			}
			for (const [noteId, deckId] of decks) {
				const own = inOrder(cards.filter((card) => card.deckId === deckId));
				expect(await cardsOfDeck(db, { id: deckId, noteId }), `cards of deck ${deckId}`).toEqual(own);
			}
		});
	});

	it('keeps every rating, equal field by field, in the whole log and by card in [cardId+review] order', async () => {
		const f = fixture(file);
		await openTestDatabase(await released(f));
		const ratings = fixtureRatings(f);
		expect(ratings.length).toBeGreaterThanOrEqual(6);
		await read(LOG_TABLES, async (db) => {
			const all: ReviewLogRow[] = [];
			await eachRatings(db, (rows) => void all.push(...rows));
			const byId = (rows: ReviewLogRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
			expect(byId(all)).toEqual(byId(ratings));
			expect(await ratingCount(db)).toBe(ratings.length);
			for (const cardId of new Set(ratings.map((row) => row.cardId))) {
				const own = ratings.filter((row) => row.cardId === cardId).sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : 1));
				expect(await cardRatings(db, cardId), `ratings of ${cardId}`).toEqual(own);
			}
		});
	});

	it('works on the upgraded rows: settings, history, today’s counts, a new rating and its undo', async () => {
		const f = fixture(file);
		await openTestDatabase(await released(f));
		expect((await getSettings()).newPerDay).toBe(7);
		expect((await cardReviewLog('c-clusterip')).map((log) => log.id)).toEqual(['7d4e0c1a-0001', '2b9f44e0-0002', 'f0c3aa19-0003']);
		const T = Date.UTC(2026, 10, 20, 9);
		// Every rating of the fixture's day, found on the index version 2 added (rows from version 1 included).
		const inHour = fixtureRatings(f).filter((r) => r.review >= T - 3_600_000 && r.review < T);
		const introduced = inHour.filter((r) => r.stateBefore === 0).length;
		expect(inHour.length).toBeGreaterThanOrEqual(3);
		expect(await todayStats(T - 3_600_000, T)).toEqual({ ratings: inHour.length, introduced, reviewed: inHour.length - introduced });
		expect((await quizHistory()).map((q) => q.id).sort()).toEqual((f.tables.quizHistory ?? []).map((q) => q.id).sort());
		const before = (await getProgress('c-nodeport'))!;
		const after = { ...before, due: T + 20 * 60_000, reps: 2, lastReview: T };
		const log = {
			id: 'after-upgrade',
			cardId: 'c-nodeport',
			rating: 3 as const,
			review: T,
			stateBefore: 1 as const,
			stateAfter: 1 as const,
			elapsedDays: 0,
			scheduledDays: 0,
			due: after.due,
			stability: 1,
			difficulty: 7,
			durationMs: 1000,
			previous: before
		};
		await recordReview(after, log);
		expect(await undoLastReview()).toEqual(log);
		expect(await getProgress('c-nodeport')).toEqual(before);
		// Kept in step by the rating and its undo: back to what the released database held.
		if (f.tables.deckTotals) expect(await database().deckTotals.toArray()).toEqual(f.tables.deckTotals);
	});

	it('counts decks and home totals as version 4 did, before the deck totals are counted and after', async () => {
		const f = fixture(file);
		await openTestDatabase(await released(f));
		const T = Date.UTC(2026, 10, 20, 9);
		const next = T + 12 * 3_600_000;
		const max = { new: 20, due: 200 };
		const decks = await deckCountsFromRanges(T, next);
		expect(decks.get('svc')).toMatchObject({ learning: 1, due: 0 });
		const expected = [decks, await todayTotalsFromRanges(T, next, max)];
		expect([await deckCounts(T, next), await todayTotals(T, next, max)]).toEqual(expected);
		await recountTotals();
		const stored = await database().deckTotals.toArray();
		expect(stored[0]).toEqual({ shard: -1, format: TOTALS_FORMAT });
		// The frozen totals (format 1) are what a count from scratch gives, but for the note each entry now names.
		// Stored packed (format 3): read back as entries, histograms as plain arrays, to compare.
		const entries = stored.slice(1).map((row) => ({ shard: row.shard, decks: unpackShard(row)! }));
		const plain = (entry: DeckTotalsRow) =>
			JSON.parse(JSON.stringify(entry, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
		expect(entries.every((row) => row.decks.every((deck) => typeof deck.noteId === 'string'))).toBe(true);
		const withoutNotes = (row: { shard: number; decks: DeckTotalsRow[] }) => ({
			...row,
			decks: row.decks.map((deck) => ({ ...plain(deck), noteId: undefined }))
		});
		if (f.tables.deckTotals) expect(entries.map(withoutNotes)).toEqual(f.tables.deckTotals.slice(1));
		expect([await deckCounts(T, next), await todayTotals(T, next, max)]).toEqual(expected);
	});
});

describe('upgrading a version 6 log with odd rows', () => {
	it('moves every row as it was (NaN, 1e300, strings, missing fields…), and leaves every other table as it was', async () => {
		const f = fixture('v6.json');
		// JSON cannot hold these rows: written at version 6 beside the frozen dump's own.
		const odd = [...oddRows('c-clusterip', 'svc'), ...oddRows('c-error', 'logs', undefined, 'bad')];
		const factory = await released(f);
		const old = new Dexie('tabledeck-test', { indexedDB: factory, IDBKeyRange });
		old.version(6).stores(f.stores);
		await old.table('reviewLog').bulkAdd(structuredClone(odd));
		old.close();
		await openTestDatabase(factory);
		const ratings = [...(f.tables.reviewLog as unknown as ReviewLogRow[]), ...odd];
		const byId = (rows: ReviewLogRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
		await read(LOG_TABLES, async (db) => {
			const all: ReviewLogRow[] = [];
			await eachRatings(db, (rows) => void all.push(...rows));
			expect(byId(all)).toEqual(byId(ratings));
			// As the old [cardId+review] index: reviews that are keys, in key order, then by id.
			const valid = (review: unknown) => typeof review === 'string' || (typeof review === 'number' && !Number.isNaN(review));
			const own = ratings.filter((row) => row.cardId === 'c-clusterip' && valid(row.review));
			const sorted = own.sort((a, b) => factory.cmp(a.review, b.review) || factory.cmp(a.id, b.id));
			expect(await cardRatings(db, 'c-clusterip')).toEqual(sorted);
		});
		expect(await database().logTimes.toArray()).toEqual(timesOfRows(ratings));
		for (const name of Object.keys(f.stores).filter((name) => name !== 'reviewLog')) {
			const rows = await database().table(name).toArray();
			expect(rows, `rows of ${name}`).toEqual(f.tables[name]);
		}
	});
});

describe('the frozen dumps', () => {
	it('version 6’s log upgraded is what version 7’s dump holds, packed by hand, counted by day as version 8’s', async () => {
		await openTestDatabase(await released(fixture('v6.json')));
		const [v7, v8] = [fixture('v7.json'), fixture('v8.json')];
		expect(await database().logPages.toArray()).toEqual(v7.tables.logPages);
		expect(await database().logTimes.toArray()).toEqual(v8.tables.logTimes);
	});

	it('version 7’s quarter hours upgraded are version 8’s days, counted by hand', async () => {
		await openTestDatabase(await released(fixture('v7.json')));
		const v8 = fixture('v8.json');
		expect(await database().logTimes.toArray()).toEqual(v8.tables.logTimes);
		expect(v8.tables.logTimes.length).toBeGreaterThanOrEqual(3);
	});

	it('version 9’s pages, in tuples but one, hold version 8’s ratings field for field, and the database opened holds them so', async () => {
		const [v8, v9] = [fixture('v8.json'), fixture('v9.json')];
		// Version 8's pages are plain JSON objects: read without the app's decoder.
		const ratings = (v8.tables.logPages as { rows: string }[]).flatMap((page) => JSON.parse(page.rows) as ReviewLogRow[]);
		const byId = (rows: ReviewLogRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
		const pages = v9.tables.logPages as { rows: string }[];
		expect(pages.filter((page) => page.rows.startsWith('[['))).toHaveLength(pages.length - 1);
		expect(byId(pages.flatMap(pageRows))).toEqual(byId(ratings));
		await openTestDatabase(await released(v9));
		const all: ReviewLogRow[] = [];
		await read(LOG_TABLES, (db) => eachRatings(db, (rows) => void all.push(...rows)));
		expect(byId(all)).toEqual(byId(ratings));
	});

	it('cover every schema version up to today’s', async () => {
		await openTestDatabase();
		const versions = RELEASED.map((file) => fixture(file).version);
		expect(versions).toEqual(Array.from({ length: database().verno }, (_, i) => i + 1));
	});
});
