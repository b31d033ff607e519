/**
 * The one module that reads and writes the review log (issue #20, schemas 7 and 8). Every other module
 * reads and writes ratings through these functions inside its own transaction, which must hold
 * LOG_TABLES: how the log is laid out in IndexedDB is known here (and in log-page.ts) alone.
 *
 * Ratings are packed in pages (log-page.ts): a card's in its shard's few pages, so a card's
 * history, an undo or an append reads and writes one shard; counts by time read `logTimes`
 * (a row per day by quarter hour and a total, log-times.ts, kept here in the same transaction as
 * every page write) and no page.
 * Readers tolerate any row: a stored value that is not a page of ours is skipped and never
 * overwritten (appends go to a page number after it), a malformed logTimes row counts as zero.
 */
import { cmp } from 'dexie';
import { EARLIEST, REVIEW_SLACK } from '$lib/scheduler/time';
import { MAX_KEY, MIN_KEY, type TableName, type Tables } from './database';
import {
	decodePage,
	encodeEntries,
	entryField,
	PAGE_CAP,
	pageShape,
	QUARTER,
	SHARDS,
	shardOf,
	type LogPage,
	type PageEntries
} from './log-page';
import { storeTimes } from './log-counts';
import { append, readShard, readShards, store, storePages, unstored } from './log-shard';
import { addTimes, addToTimes, type TimeTotals } from './log-times';
import type { LogPageRow, ReviewLogRow } from './rows';

export { QUARTER };

/** Tables a transaction must hold for any function here. */
export const LOG_TABLES = ['logPages', 'logTimes'] as const satisfies readonly TableName[];
export type LogTables = Pick<Tables, (typeof LOG_TABLES)[number]>;

/** Pages read at once by the whole-log readers. */
const PAGE_BATCH = 16;

/** The first stored page of ours along `index`, descending (the highest seq or latest review), or undefined. */
async function topPage(db: LogTables, index: 'seq' | 'last'): Promise<{ value: LogPageRow; page: LogPage } | undefined> {
	let found: { value: LogPageRow; page: LogPage } | undefined;
	await db.logPages
		.orderBy(index)
		.reverse()
		.until(() => found !== undefined)
		.each((value) => {
			const page = decodePage(value);
			if (page) found = { value, page };
		});
	return found;
}

/**
 * The next write-order number (1 + the highest `seq` stored; 1 for an empty log). A rating asks
 * it on every write: the page with the highest seq is checked by its fields and the ends of its
 * list alone, not parsed (a page of ours but for a list broken in the middle could only make
 * the number higher, which no reader minds).
 */
export async function nextSeq(db: LogTables): Promise<number> {
	let seq = 0;
	await db.logPages
		.orderBy('seq')
		.reverse()
		.until(() => seq > 0)
		.each((value) => {
			// Ends compared as text (a regular expression anchored at the end scans the whole 200 kB page).
			const { rows } = value as { rows?: unknown };
			const list =
				typeof rows === 'string' && (rows.startsWith('[[') || rows.startsWith('[{')) && (rows.endsWith(']]') || rows.endsWith('}]'));
			if (pageShape(value) && (value.rows === '[]' || list)) seq = Math.max(1, value.seq + 1);
		});
	return seq || 1;
}

/** Each transaction's log writes, in the order they were asked (keyed by its bound logPages table). */
const writing = new WeakMap<object, Promise<unknown>>();

/**
 * Runs a write after the transaction's earlier log writes: each reads its shards and quarter
 * hours, then writes them whole, so two at once (sync's replay of many cards in one transaction)
 * would each write what it read and lose the other's rows and counts.
 */
function inTurn<T>(db: LogTables, body: () => Promise<T>): Promise<T> {
	const before = writing.get(db.logPages) ?? Promise.resolve();
	const run = before.then(body, body);
	writing.set(
		db.logPages,
		run.catch(() => undefined)
	);
	return run;
}

/** The writes below, each in turn (see inTurn; the `…Now` functions say what each does). */
export function addRatings(db: LogTables, rows: ReviewLogRow[]): Promise<void> {
	return inTurn(db, () => addRatingsNow(db, rows));
}

export function mergeRatings(db: LogTables, rows: ReviewLogRow[]): Promise<ReviewLogRow[]> {
	return inTurn(db, () => mergeRatingsNow(db, rows));
}

/**
 * mergeRatings for many batches (a restore): each batch's pages are written as it goes, the
 * counts by time once at the end. A batch whose rows share shards reads each shard once, so a
 * caller that groups rows by shard reads every shard once in all. `added` hears each batch's
 * rows that were not stored yet, after the batch is written.
 */
export function mergeRatingBatches(
	db: LogTables,
	batches: Iterable<ReviewLogRow[]>,
	added: (rows: ReviewLogRow[]) => void = () => {}
): Promise<void> {
	return inTurn(db, async () => {
		const times: TimeTotals = new Map();
		for (const rows of batches) {
			if (rows.length === 0) continue;
			const shards = await readShards(
				db,
				rows.map((row) => row.cardId)
			);
			const fresh = unstored(shards, rows, false);
			const changed = new Set<LogPage>();
			append(shards, fresh, changed, times);
			await storePages(db, changed);
			added(fresh);
		}
		await storeTimes(db, times);
	});
}

/** Whether the log holds no page at all (ours or not): then fillLog may store pages as they come. */
export async function logIsEmpty(db: LogTables): Promise<boolean> {
	return (await db.logPages.count()) === 0;
}

/** A page for fillLog: its shard and its ratings as the page stores them (log-page.ts PageEntries). */
export interface FillPage extends PageEntries {
	shard: number;
}

/**
 * Fills an empty log with pages as they come (a restore of a version-2 backup, whose pages are
 * the ones an export read): each shard's pages numbered 0, 1, 2… in the order given, a batch
 * written at a time, and the counts by time written once at the end. No page is read, no id
 * looked up and no row made: the caller vouches that the ids are unique (a checked backup's are)
 * and that JSON holds every entry exactly. `added` hears each batch's number of ratings once
 * written. Throws if the log holds any page (use mergeRatingBatches), or at a page that is
 * empty, bigger than PAGE_CAP or holds a card of another shard (the caller's transaction, aborted,
 * then keeps none of it).
 */
export function fillLog(db: LogTables, batches: Iterable<FillPage[]>, added: (count: number) => void = () => {}): Promise<void> {
	return inTurn(db, async () => {
		if (!(await logIsEmpty(db))) throw new Error('fillLog: the log already holds pages');
		const next = new Map<number, number>();
		const times: TimeTotals = new Map();
		// Each batch is made while the one before is written (IndexedDB works in the browser's process).
		let writing: Promise<unknown> = Promise.resolve();
		let written = 0;
		for (const pages of batches) {
			let count = 0;
			const values = pages.map(({ shard, entries, odd }) => {
				const size = entries.length + odd.length;
				const ofShard = (cardId: unknown) => shardOf(cardId) === shard;
				if (
					size === 0 ||
					size > PAGE_CAP ||
					!entries.every((entry) => ofShard(entryField(entry, 'cardId'))) ||
					!odd.every((row) => ofShard(row.cardId))
				) {
					throw new Error(`fillLog: a page of shard ${shard} that the log cannot hold`);
				}
				for (const entry of entries)
					addTimes(times, entryField(entry, 'review'), entryField(entry, 'stateBefore'), entryField(entry, 'durationMs'), 1);
				for (const row of odd) addToTimes(times, row, 1);
				const page = next.get(shard) ?? 0;
				next.set(shard, page + 1);
				count += size;
				return encodeEntries(shard, page, { entries, odd });
			});
			await writing;
			if (written > 0) added(written);
			writing = db.logPages.bulkAdd(values);
			// Awaited with the next batch; a throw before then aborts the transaction, and this write with it.
			writing.catch(() => undefined);
			written = count;
		}
		await writing;
		if (written > 0) added(written);
		await storeTimes(db, times);
	});
}

export function removeRating(db: LogTables, cardId: string, id: string): Promise<boolean> {
	return inTurn(db, () => removeRatingNow(db, cardId, id));
}

export function replaceCardRatings(db: LogTables, cardId: string, rows: ReviewLogRow[]): Promise<void> {
	return inTurn(db, () => replaceCardRatingsNow(db, cardId, rows));
}

/** Adds rows (each with deckId; with `seq` when numbered). A row whose id is already stored (in its card's shard) or given twice throws: nothing is written. */
async function addRatingsNow(db: LogTables, rows: ReviewLogRow[]): Promise<void> {
	if (rows.length === 0) return;
	const shards = await readShards(
		db,
		rows.map((row) => row.cardId)
	);
	unstored(shards, rows, true);
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	append(shards, rows, changed, times);
	await store(db, changed, times);
}

/** Adds the rows whose ids are not stored yet (a backup restore: ids are unique across devices); returns those added. */
async function mergeRatingsNow(db: LogTables, rows: ReviewLogRow[]): Promise<ReviewLogRow[]> {
	if (rows.length === 0) return [];
	const shards = await readShards(
		db,
		rows.map((row) => row.cardId)
	);
	const added = unstored(shards, rows, false);
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	append(shards, added, changed, times);
	await store(db, changed, times);
	return added;
}

/** Removes one rating by id (undo), if it is a rating of card `cardId` (only its shard is read). Returns whether it was there. */
async function removeRatingNow(db: LogTables, cardId: string, id: string): Promise<boolean> {
	const found = (await readShard(db, shardOf(cardId))).find(id);
	if (!found || found.page.rows[found.at].cardId !== cardId) return false;
	const times: TimeTotals = new Map();
	addToTimes(times, found.page.rows[found.at], -1);
	found.page.rows.splice(found.at, 1);
	await store(db, new Set([found.page]), times);
	return true;
}

/**
 * Replaces one card's stored ratings with `rows` (sync's replay of a card, derive.ts): the
 * card's rows that cardRatings lists and `rows` does not are removed (a row whose review is no
 * key is in no list, and stays: nothing is lost to a replay that cannot see it), a stored row
 * with the id of one of `rows` is replaced in its place, and the others are appended (seq kept
 * as given).
 */
async function replaceCardRatingsNow(db: LogTables, cardId: string, rows: ReviewLogRow[]): Promise<void> {
	const shards = await readShards(db, [cardId, ...rows.map((row) => row.cardId)]);
	const own = shards.get(shardOf(cardId))!;
	const byId = new Map<unknown, ReviewLogRow>(rows.map((row) => [row.id, row]));
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	for (const page of own.pages) {
		const kept: ReviewLogRow[] = [];
		for (const row of page.rows) {
			const replacement = byId.get(row.id);
			if (replacement === undefined && (row.cardId !== cardId || !isKey(row.review))) {
				kept.push(row);
				continue;
			}
			addToTimes(times, row, -1);
			changed.add(page);
			if (replacement === undefined) continue;
			kept.push(replacement);
			addToTimes(times, replacement, 1);
			byId.delete(row.id);
		}
		page.rows = kept;
	}
	append(shards, [...byId.values()], changed, times);
	await store(db, changed, times);
}

/** A valid IndexedDB key, as an index takes it (anything else leaves the row out of the index). */
function isKey(value: unknown, depth = 0): boolean {
	if (typeof value === 'number') return !Number.isNaN(value);
	if (typeof value === 'string') return true;
	if (value instanceof Date) return !Number.isNaN(value.getTime());
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
	return Array.isArray(value) && depth < 8 && value.every((item) => isKey(item, depth + 1));
}

/**
 * One card's ratings ordered as IndexedDB orders [cardId+review] (review in key order, then id);
 * rows whose review is not a valid key (NaN, undefined, an object) are left out, as that index
 * left them out. Optional bounds on review, both inclusive.
 */
export async function cardRatings(db: LogTables, cardId: string, from?: number, to?: number): Promise<ReviewLogRow[]> {
	const s = await readShard(db, shardOf(cardId));
	const rows = s.pages.flatMap((page) =>
		page.rows.filter(
			(row) =>
				row.cardId === cardId &&
				isKey(row.review) &&
				(from === undefined || cmp(row.review, from) >= 0) &&
				(to === undefined || cmp(row.review, to) <= 0)
		)
	);
	return rows.sort((a, b) => cmp(a.review, b.review) || cmp(a.id, b.id));
}

/** The stored rating `id` (when `cardId` is given, only if it is that card's: then only that card's shard is read). */
export async function findRating(db: LogTables, id: string, cardId?: string): Promise<ReviewLogRow | undefined> {
	if (cardId !== undefined) {
		const found = (await readShard(db, shardOf(cardId))).find(id);
		const row = found?.page.rows[found.at];
		return row?.cardId === cardId ? row : undefined;
	}
	let found: ReviewLogRow | undefined;
	await eachRatings(db, (rows) => {
		found ??= rows.find((row) => row.id === id);
	});
	return found;
}

/**
 * The latest rating written here: the highest seq (ties: the highest id, as the seq index
 * ordered them); with no numbered row, the latest review time in [EARLIEST, now + REVIEW_SLACK]
 * (ties: the highest id), so a row dated 9999 (or 1970) is nobody's last rating.
 */
export async function lastWritten(db: LogTables, now: number): Promise<ReviewLogRow | undefined> {
	const top = await topPage(db, 'seq');
	const latest = (rows: ReviewLogRow[], key: (row: ReviewLogRow) => number | undefined) => {
		let best: ReviewLogRow | undefined;
		for (const row of rows) {
			const k = key(row);
			if (k === undefined) continue;
			const b = best && key(best)!;
			if (best === undefined || k > b! || (k === b && cmp(row.id, best.id) > 0)) best = row;
		}
		return best;
	};
	if (top && top.value.seq > 0) {
		const pages = await db.logPages.where('seq').equals(top.value.seq).toArray();
		const rows = pages.flatMap((value) => decodePage(value)?.rows ?? []);
		return latest(rows, (row) => (row.seq === top.value.seq ? 0 : undefined));
	}
	const end = now + REVIEW_SLACK;
	const inRange = (row: ReviewLogRow) =>
		typeof row.review === 'number' && row.review >= EARLIEST && row.review <= end ? row.review : undefined;
	let best: ReviewLogRow | undefined;
	// Pages by their latest review, descending: none after one whose latest is below the best found holds a later one.
	await db.logPages
		.orderBy('last')
		.reverse()
		.until((value) => best !== undefined && value.last < best.review)
		.each((value) => {
			const page = decodePage(value);
			if (page) best = latest(best ? [best, ...page.rows] : page.rows, inRange);
		});
	return best;
}

/** Every rating with a finite review in [from, to) (any order): the pages whose latest review is from `from` on. */
export async function ratingsBetween(db: LogTables, from: number, to: number): Promise<ReviewLogRow[]> {
	const found: ReviewLogRow[] = [];
	await eachRatingBetween(db, from, to, (row) => void found.push(row));
	return found;
}

/** Whether a review is a finite number in [from, to). */
const within = (from: number, to: number) => (review: unknown) =>
	typeof review === 'number' && Number.isFinite(review) && review >= from && review < to;

/** Calls `each` with every rating with a finite review in [from, to), in no order, a page decoded at a time (nothing kept): only those rows are made. */
export async function eachRatingBetween(db: LogTables, from: number, to: number, each: (row: ReviewLogRow) => void): Promise<void> {
	if (!(from < to)) return;
	await db.logPages
		.where('last')
		.aboveOrEqual(from)
		.each((value) => {
			for (const row of decodePage(value, within(from, to))?.rows ?? []) each(row);
		});
}

/** A set of cards in fewer shards than this reads its shards' pages rather than every shard's (see ratingsOfCards). */
const FEW_SHARDS = SHARDS / 4;

/**
 * The ratings of `cardIds` with a finite review in [from, to) (any order). Cards in few shards
 * (a deck of a few hundred cards) read each of their shards once, a page whose latest review is
 * before `from` not decoded; more read the pages of every shard with a review from `from` on
 * (ratingsBetween), once, rather than each card's shard in turn (100k reads for 100k cards).
 */
export async function ratingsOfCards(db: LogTables, cardIds: Iterable<unknown>, from: number, to: number): Promise<ReviewLogRow[]> {
	const ids = new Set(cardIds);
	const shards = new Set([...ids].map(shardOf));
	if (ids.size === 0 || !(from < to)) return [];
	const found: ReviewLogRow[] = [];
	const keep = (rows: ReviewLogRow[]) => {
		for (const row of rows) if (ids.has(row.cardId)) found.push(row);
	};
	if (shards.size >= FEW_SHARDS) {
		await eachRatingBetween(db, from, to, (row) => {
			if (ids.has(row.cardId)) found.push(row);
		});
		return found;
	}
	const values = await Promise.all(
		[...shards].map((shard) => db.logPages.where('[shard+page]').between([shard, MIN_KEY], [shard, MAX_KEY]).toArray())
	);
	for (const value of values.flat())
		if (!(typeof value.last === 'number' && value.last < from)) keep(decodePage(value, within(from, to))?.rows ?? []);
	return found;
}

/**
 * Calls `each` with the stored ratings a batch at a time (the ratings of PAGE_BATCH pages, read
 * at once by key, so no read holds the whole log), in no particular order: every stored rating
 * exactly once, odd rows included.
 */
export async function eachRatings(db: LogTables, each: (rows: ReviewLogRow[]) => void | Promise<void>): Promise<void> {
	await eachPages(db, async (pages) => {
		const rows = pages.flatMap((page) => page.rows);
		if (rows.length > 0) await each(rows);
	});
}

/** Calls `each` with the stored pages of ours PAGE_BATCH at a time, in [shard, page] order (a backup's export). */
export async function eachPages(db: LogTables, each: (pages: LogPage[]) => void | Promise<void>): Promise<void> {
	let after: [number, number] | undefined;
	for (;;) {
		const from = after === undefined ? db.logPages.toCollection() : db.logPages.where(':id').above(after);
		const values = await from.limit(PAGE_BATCH).toArray();
		const pages = values.map((value) => decodePage(value)).filter((page) => page !== undefined);
		if (pages.length > 0) await each(pages);
		if (values.length < PAGE_BATCH) return;
		const last = values[values.length - 1];
		after = [last.shard, last.page];
	}
}

/** Number of stored ratings (every page of ours is read: a backup's count, before it reads them all anyway). */
export async function ratingCount(db: LogTables): Promise<number> {
	let count = 0;
	await eachRatings(db, (rows) => {
		count += rows.length;
	});
	return count;
}

export { countBetween, countRanges, logBefore, type TimeCounts } from './log-counts';
