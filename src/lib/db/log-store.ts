/**
 * The one place that reads and writes the review log (issue #20). Every other module reads and
 * writes ratings through these functions, inside its own transaction, which must hold
 * LOG_TABLES: how ratings are laid out in IndexedDB is known here alone.
 *
 * This version still keeps a row per rating (`reviewLog`), so that every caller moves onto the
 * API before the log is packed in pages (schema 7), which then replaces this file alone. Its
 * answers are already the packed version's: times are counted by whole quarter hours (a bound
 * off the grid is rounded up), rows whose review is not a finite number are in no count, and
 * rows whose review is not an IndexedDB key are in no card's list. It is meant to be simple,
 * not fast: a count by time reads the rows it counts (their answer times are summed).
 */
import { EARLIEST, REVIEW_SLACK } from '$lib/scheduler/time';
import { NEW, REVIEW } from '$lib/scheduler/types';
import { MAX_KEY, MIN_KEY, type TableName, type Tables } from './database';
import { studyTime, type ReviewLogRow } from './rows';

/** Tables a transaction must hold for any function here. */
export const LOG_TABLES = ['reviewLog'] as const satisfies readonly TableName[];
export type LogTables = Pick<Tables, (typeof LOG_TABLES)[number]>;

/** Ratings handed to eachRatings' callback at once. */
const BATCH = 10_000;

/** The rows with a write-order number (see SCHEMA_V3), in that order. */
const numbered = (db: LogTables) => db.reviewLog.where('seq').between(1, Number.MAX_SAFE_INTEGER, true, true);

/** The next write-order number (1 + the highest `seq` stored; 1 for an empty log). */
export async function nextSeq(db: LogTables): Promise<number> {
	return ((await numbered(db).last())?.seq ?? 0) + 1;
}

/** Adds rows; a row whose id is already stored throws (nothing written: the caller's transaction aborts). */
export async function addRatings(db: LogTables, rows: ReviewLogRow[]): Promise<void> {
	if (rows.length > 0) await db.reviewLog.bulkAdd(rows);
}

/**
 * Adds the rows whose ids are not stored yet; returns those added. An id given twice throws, as
 * in addRatings. Only keys are read, along the id range of the rows: callers with many rows
 * pass them a slice of ascending ids at a time, so that each stored key is read about once.
 */
export async function mergeRatings(db: LogTables, rows: ReviewLogRow[]): Promise<ReviewLogRow[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((row) => row.id).sort();
	const stored = new Set(await db.reviewLog.where(':id').between(ids[0], ids.at(-1)!, true, true).primaryKeys());
	const added = rows.filter((row) => !stored.has(row.id));
	await addRatings(db, added);
	return added;
}

/** Removes one rating by id (undo), if it is a rating of card `cardId`. Returns whether it was there. */
export async function removeRating(db: LogTables, cardId: string, id: string): Promise<boolean> {
	if ((await findRating(db, id, cardId)) === undefined) return false;
	await db.reviewLog.delete(id);
	return true;
}

/**
 * Replaces one card's ratings with `rows` (seq kept as given): the card's rows that cardRatings
 * lists and `rows` does not are removed. A row whose review is no key (no version writes one)
 * is in no list of the card here, and stays: nothing is lost to a replay that cannot see it.
 */
export async function replaceCardRatings(db: LogTables, cardId: string, rows: ReviewLogRow[]): Promise<void> {
	const kept = new Set(rows.map((row) => row.id));
	const stored = await cardRatings(db, cardId);
	await db.reviewLog.bulkDelete(stored.filter((row) => !kept.has(row.id)).map((row) => row.id));
	await db.reviewLog.bulkPut(rows);
}

/**
 * One card's ratings in [cardId+review] order (review in IndexedDB key order, then id), with
 * optional [from, to] bounds on review, both inclusive. Rows whose review is not an IndexedDB
 * key (NaN, undefined, an object) are left out, as that index leaves them out.
 */
export function cardRatings(db: LogTables, cardId: string, from?: number, to?: number): Promise<ReviewLogRow[]> {
	return db.reviewLog
		.where('[cardId+review]')
		.between([cardId, from ?? MIN_KEY], [cardId, to ?? MAX_KEY], true, true)
		.toArray();
}

/** The stored rating `id` (when `cardId` is given, only if it is that card's). */
export async function findRating(db: LogTables, id: string, cardId?: string): Promise<ReviewLogRow | undefined> {
	const row = await db.reviewLog.get(id);
	return row && (cardId === undefined || row.cardId === cardId) ? row : undefined;
}

/**
 * The latest rating written here: the highest seq. A log with no numbered row (ratings from
 * before schema version 3, or restored) falls back to the latest plausible review time: a row
 * dated 9999 (or 1970) is nobody's last rating either way.
 */
export async function lastWritten(db: LogTables, now: number): Promise<ReviewLogRow | undefined> {
	return (
		(await numbered(db).last()) ??
		db.reviewLog
			.where('review')
			.between(EARLIEST, now + REVIEW_SLACK, true, true)
			.last()
	);
}

/**
 * Ratings are counted by the quarter hour of their review time: every study-day start is a whole
 * quarter hour (time zones move by quarter hours), so day ranges are exact. A bound off the grid
 * is rounded up to it.
 */
export const QUARTER = 900_000;

export interface TimeCounts {
	ratings: number;
	/** Ratings of cards that were new (stateBefore NEW). */
	fresh: number;
	/** Ratings of cards in the review state (stateBefore REVIEW). */
	reviewed: number;
	/** Answer times, each clamped as studyTime does. */
	ms: number;
}

const onGrid = (ms: number) => Math.ceil(ms / QUARTER) * QUARTER;
const noCounts = (): TimeCounts => ({ ratings: 0, fresh: 0, reviewed: 0, ms: 0 });
const hasTime = (row: ReviewLogRow) => typeof row.review === 'number' && Number.isFinite(row.review);

/** Rows with a finite review in [from, to) (no rounding). */
async function rowsIn(db: LogTables, from: number, to: number): Promise<ReviewLogRow[]> {
	if (!(from < to)) return [];
	return (await db.reviewLog.where('review').between(from, to, true, false).toArray()).filter(hasTime);
}

export async function countBetween(db: LogTables, from: number, to: number): Promise<TimeCounts> {
	return (await countRanges(db, [from, to]))[0];
}

/** One TimeCounts per consecutive [bounds[i], bounds[i+1]) of ascending bounds (one read for all). */
export async function countRanges(db: LogTables, bounds: number[]): Promise<TimeCounts[]> {
	const edges = bounds.map(onGrid);
	const counts = edges.slice(1).map(noCounts);
	if (counts.length === 0) return counts;
	for (const row of await rowsIn(db, edges[0], edges.at(-1)!)) {
		// The last edge at or before the row's time.
		let [lo, hi] = [0, counts.length - 1];
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (edges[mid] <= row.review) lo = mid;
			else hi = mid - 1;
		}
		if (!(edges[lo] <= row.review && row.review < edges[lo + 1])) continue;
		const c = counts[lo];
		c.ratings++;
		if (row.stateBefore === NEW) c.fresh++;
		if (row.stateBefore === REVIEW) c.reviewed++;
		c.ms += studyTime(row);
	}
	return counts;
}

/**
 * The end (exclusive) of the latest quarter hour holding a rating before `ms`, and the count of
 * ratings before `ms`: a cheap fingerprint of the log before a time. null when there is none.
 */
export async function logBefore(db: LogTables, ms: number): Promise<{ latest: number; ratings: number } | null> {
	const end = onGrid(ms);
	if (!(end > -Number.MAX_VALUE)) return null;
	const range = () => db.reviewLog.where('review').between(-Number.MAX_VALUE, end, true, false);
	const [ratings, last] = await Promise.all([range().count(), range().last()]);
	if (ratings === 0 || last === undefined) return null;
	return { latest: (Math.floor(last.review / QUARTER) + 1) * QUARTER, ratings };
}

/** Every rating with a finite review in [from, to), in no particular order. */
export function ratingsBetween(db: LogTables, from: number, to: number): Promise<ReviewLogRow[]> {
	return rowsIn(db, from, to);
}

/** Calls `each` with every stored rating exactly once, odd rows included, a batch at a time, in no particular order. */
export async function eachRatings(db: LogTables, each: (rows: ReviewLogRow[]) => void | Promise<void>): Promise<void> {
	let after: string | undefined;
	for (;;) {
		const range = after === undefined ? db.reviewLog.orderBy(':id') : db.reviewLog.where(':id').above(after);
		const rows = await range.limit(BATCH).toArray();
		if (rows.length === 0) return;
		after = rows.at(-1)!.id;
		await each(rows);
		if (rows.length < BATCH) return;
	}
}

/** Number of stored ratings. */
export function ratingCount(db: LogTables): Promise<number> {
	return db.reviewLog.count();
}
