/**
 * The review log's counts by time, read from and written to `logTimes` alone (schema 8; see
 * log-times.ts): ratings are counted by the quarter hour of their review, and every study day
 * starts on a whole quarter hour (time zones move by quarter hours), so day ranges are exact. A
 * bound that is not a whole quarter hour is rounded up to one, for `from` and `to` alike. Rows
 * whose review is not a finite number are in no quarter hour (no numeric range of the old index
 * held them either). A range open at either end reads the total and the days at its other end,
 * never every day.
 */
import { QUARTER } from './log-page';
import { addSlot, applyTimes, daysOf, noCounts, place, readDay, readTotal, SLOTS, TOTAL, type Counts, type TimeTotals } from './log-times';
import type { LogTables } from './log-store';
import type { LogDayRow } from './rows';

export type TimeCounts = Counts;

const bucket = (ms: number) => Math.ceil(ms / QUARTER);

/** The stored days from the day of quarter `lower` through the day of quarter `upper - 1` (either may be infinite), read tolerantly. */
async function days(db: LogTables, lower: number, upper: number): Promise<LogDayRow[]> {
	const first = lower === -Infinity ? -Infinity : place(lower).day;
	const last = upper === Infinity ? Infinity : place(upper - 1).day;
	// Numbers only: the total's string key sorts after every number.
	const values = await db.logTimes.where('t').between(first, last, true, true).toArray();
	return values.map((value) => readDay(value, value.t as number));
}

/** Quarter hours [lower, upper) of `rows` (days in ascending order) added to `sum`. */
function addQuarters(sum: Counts, rows: LogDayRow[], lower: number, upper: number): Counts {
	for (const row of rows) {
		const base = row.t * SLOTS;
		const from = Math.max(0, lower - base);
		const to = Math.min(SLOTS, upper - base);
		for (let slot = from; slot < to; slot++) addSlot(sum, row, slot);
	}
	return sum;
}

/** Every rating counted: the total row, or (when it is missing or cannot be right) every day summed. */
async function total(db: LogTables): Promise<Counts> {
	const stored = readTotal(await db.logTimes.get(TOTAL));
	return stored ?? addQuarters(noCounts(), await days(db, -Infinity, Infinity), -Infinity, Infinity);
}

const minus = (a: Counts, b: Counts): Counts => ({
	ratings: a.ratings - b.ratings,
	fresh: a.fresh - b.fresh,
	reviewed: a.reviewed - b.reviewed,
	ms: a.ms - b.ms
});

/** Quarter hours [lower, upper): from the total when the range has no lower end (less to read), else from the days in it. */
async function countQuarters(db: LogTables, lower: number, upper: number): Promise<Counts> {
	if (!(lower < upper)) return noCounts();
	if (lower === -Infinity) {
		const all = await total(db);
		return upper === Infinity ? all : minus(all, await countQuarters(db, upper, Infinity));
	}
	return addQuarters(noCounts(), await days(db, lower, upper), lower, upper);
}

/** Ratings with a review in [from, to) (bounds rounded up to quarter hours). */
export function countBetween(db: LogTables, from: number, to: number): Promise<TimeCounts> {
	return countQuarters(db, bucket(from), bucket(to));
}

/** Counts per consecutive [bounds[i], bounds[i+1]) (ascending, finite bounds), from one read. */
export async function countRanges(db: LogTables, bounds: number[]): Promise<TimeCounts[]> {
	if (bounds.length < 2) return [];
	const edges = bounds.map(bucket);
	if (!(edges[0] < edges[edges.length - 1])) return edges.slice(1).map(noCounts);
	if (edges[0] === -Infinity) return Promise.all(edges.slice(1).map((edge, i) => countQuarters(db, edges[i], edge)));
	const rows = await days(db, edges[0], edges[edges.length - 1]);
	return edges.slice(1).map((edge, i) => addQuarters(noCounts(), rows, edges[i], edge));
}

/**
 * The end (exclusive, ms) of the latest quarter hour holding a rating before `ms` (rounded up),
 * with the count of ratings before it: a cheap fingerprint of the log before a time (the streak
 * cache's key). null when none. Reads the total, the days from `ms` on, and the days before it
 * back to the latest one with a rating.
 */
export async function logBefore(db: LogTables, ms: number): Promise<{ latest: number; ratings: number } | null> {
	const end = bucket(ms);
	// No time (NaN, -Infinity) has nothing before it, and is no key to read below.
	if (Number.isNaN(end) || end === -Infinity) return null;
	let latest: number | undefined;
	const last = end === Infinity ? Infinity : place(end - 1).day;
	await db.logTimes
		.where('t')
		.between(-Infinity, last, true, true)
		.reverse()
		.until(() => latest !== undefined)
		.each((value) => {
			const row = readDay(value, value.t as number);
			for (let slot = SLOTS - 1; slot >= 0 && latest === undefined; slot--) {
				const q = row.t * SLOTS + slot;
				if (q < end && row.ratings[slot] > 0) latest = q;
			}
		});
	if (latest === undefined) return null;
	const ratings = (await countQuarters(db, -Infinity, end)).ratings;
	return { latest: (latest + 1) * QUARTER, ratings };
}

/** Applies a change by quarter hour to the stored days and the total (in the caller's transaction). */
export async function storeTimes(db: LogTables, times: TimeTotals): Promise<void> {
	if (times.size === 0) return;
	const touched = daysOf(times);
	const [before, sum] = await Promise.all([db.logTimes.bulkGet(touched), total(db)]);
	const { put, gone, total: after } = applyTimes(times, touched, before, sum);
	await Promise.all([db.logTimes.bulkPut([...put, after]), db.logTimes.bulkDelete(gone)]);
}
