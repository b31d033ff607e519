/**
 * The review log's counts by time, read from `logTimes` alone (schema 7; log-store.ts keeps it):
 * ratings are counted by the quarter hour of their review, and every study day starts on a whole
 * quarter hour (time zones move by quarter hours), so day ranges are exact. A bound that is not
 * a whole quarter hour is rounded up to one, for `from` and `to` alike. Rows whose review is not
 * a finite number are in no quarter hour (no numeric range of the old index held them either).
 */
import { QUARTER } from './log-page';
import { readTimes } from './log-times';
import type { LogTables } from './log-store';
import type { LogTimeRow } from './rows';

export interface TimeCounts {
	ratings: number;
	/** Ratings whose stateBefore is NEW. */
	fresh: number;
	/** Ratings whose stateBefore is REVIEW. */
	reviewed: number;
	/** Answer times, each clamped as stats.ts studyTime. */
	ms: number;
}

const bucket = (ms: number) => Math.ceil(ms / QUARTER);
const zero = (): TimeCounts => ({ ratings: 0, fresh: 0, reviewed: 0, ms: 0 });

function addTo(sum: TimeCounts, row: LogTimeRow): void {
	sum.ratings += row.ratings;
	sum.fresh += row.fresh;
	sum.reviewed += row.reviewed;
	sum.ms += row.ms;
}

/** The stored quarter hours in [from, to) as buckets (rounded up), read tolerantly; none for an empty or reversed range. */
async function quarters(db: LogTables, from: number, to: number): Promise<LogTimeRow[]> {
	const [lower, upper] = [bucket(from), bucket(to)];
	if (!(lower < upper)) return [];
	const values = await db.logTimes.where('t').between(lower, upper, true, false).toArray();
	return values.map((value) => readTimes(value, value.t));
}

/** Ratings with a review in [from, to) (bounds rounded up to quarter hours). */
export async function countBetween(db: LogTables, from: number, to: number): Promise<TimeCounts> {
	const sum = zero();
	for (const row of await quarters(db, from, to)) addTo(sum, row);
	return sum;
}

/** Counts per consecutive [bounds[i], bounds[i+1]) (ascending bounds), from one read. */
export async function countRanges(db: LogTables, bounds: number[]): Promise<TimeCounts[]> {
	if (bounds.length < 2) return [];
	const sums = bounds.slice(1).map(zero);
	const edges = bounds.map(bucket);
	let i = 0;
	for (const row of await quarters(db, bounds[0], bounds[bounds.length - 1])) {
		while (i < sums.length - 1 && row.t >= edges[i + 1]) i++;
		if (row.t >= edges[i] && row.t < edges[i + 1]) addTo(sums[i], row);
	}
	return sums;
}

/**
 * The end (exclusive, ms) of the latest quarter hour holding a rating before `ms` (rounded up),
 * with the count of ratings before it: a cheap fingerprint of the log before a time (the streak
 * cache's key). null when none.
 */
export async function logBefore(db: LogTables, ms: number): Promise<{ latest: number; ratings: number } | null> {
	const end = bucket(ms);
	// No time (NaN, -Infinity) has nothing before it, and is no key to read below.
	if (Number.isNaN(end) || end === -Infinity) return null;
	const rows = (await db.logTimes.where('t').below(end).toArray()).map((value) => readTimes(value, value.t));
	const held = rows.filter((row) => row.ratings > 0);
	if (held.length === 0) return null;
	return { latest: (held[held.length - 1].t + 1) * QUARTER, ratings: held.reduce((sum, row) => sum + row.ratings, 0) };
}
