/**
 * The review log's counts by time (`logTimes`, schema 8): a row per UTC day holding its 96
 * quarter hours' counts, and a `'total'` row summing them all. log-store keeps both in step with
 * every page write, in the same transaction. A year of daily study is ~365 rows, not the ~9,000
 * quarter-hour rows of schema 7, and a count over all time reads one row. No Dexie here: plain
 * sums over rows (log-shard.ts and log-counts.ts read and write the table).
 */
import { NEW, REVIEW } from '../scheduler/types';
import { quarterOf } from './log-page';
import type { LogDayRow, LogQuarterRow, LogTotalRow, ReviewLogRow } from './rows';

const DAY_MS = 86_400_000;

/** Quarter hours in a UTC day: slot i of day t is quarter hour t * SLOTS + i. */
export const SLOTS = 96;

/** The key of the row summing every day. */
export const TOTAL = 'total';

/** A rating's answer time; one no rating can take (NaN, negative, over a day: a bad row) counts as none (as stats.ts). */
export function studyTime(ms: unknown): number {
	return typeof ms === 'number' && ms >= 0 && ms <= DAY_MS ? ms : 0;
}

/** Counts of one quarter hour, or of a range of them. */
export interface Counts {
	ratings: number;
	fresh: number;
	reviewed: number;
	ms: number;
}

export const noCounts = (): Counts => ({ ratings: 0, fresh: 0, reviewed: 0, ms: 0 });

/** A change to the counts, by quarter hour. */
export type TimeTotals = Map<number, Counts>;

/** The day of quarter hour `q` and its slot there. */
export function place(q: number): { day: number; slot: number } {
	const day = Math.floor(q / SLOTS);
	return { day, slot: q - day * SLOTS };
}

/**
 * Adds (sign 1) or takes away (sign -1) `row` in its quarter hour. A row with no finite review is
 * in none, and so is one so far from now that its quarter hour is no exact whole number (a year
 * past 10^11: no day range could tell its quarter hours apart).
 */
export function addToTimes(times: TimeTotals, row: ReviewLogRow, sign: 1 | -1): void {
	addTimes(times, row.review, row.stateBefore, row.durationMs, sign);
}

/** addToTimes for a rating's three fields, given without its row. */
export function addTimes(times: TimeTotals, review: unknown, stateBefore: unknown, durationMs: unknown, sign: 1 | -1): void {
	const q = quarterOf(review);
	if (q === undefined || !Number.isSafeInteger(q)) return;
	let counts = times.get(q);
	if (!counts) times.set(q, (counts = noCounts()));
	counts.ratings += sign;
	if (stateBefore === NEW) counts.fresh += sign;
	if (stateBefore === REVIEW) counts.reviewed += sign;
	counts.ms += sign * studyTime(durationMs);
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const slots = (value: unknown) => Array.from({ length: SLOTS }, (_, i) => (Array.isArray(value) ? num(value[i]) : 0));

/** An empty day row. */
export const noDay = (t: number): LogDayRow => ({ t, ratings: slots(0), fresh: slots(0), reviewed: slots(0), ms: slots(0) });

/** A stored day row read tolerantly: a field that is no list, or a slot that is no finite number, counts as 0. */
export function readDay(value: unknown, t: number): LogDayRow {
	if (value === null || typeof value !== 'object') return noDay(t);
	const row = value as Partial<Record<keyof LogDayRow, unknown>>;
	return { t, ratings: slots(row.ratings), fresh: slots(row.fresh), reviewed: slots(row.reviewed), ms: slots(row.ms) };
}

/** The stored total read tolerantly, or undefined when there is none that could be right (then the days are summed). */
export function readTotal(value: unknown): Counts | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const row = value as Partial<Record<keyof LogTotalRow, unknown>>;
	const fields = [row.ratings, row.fresh, row.reviewed, row.ms];
	if (!fields.every((field) => typeof field === 'number' && Number.isFinite(field) && field >= 0)) return undefined;
	return { ratings: num(row.ratings), fresh: num(row.fresh), reviewed: num(row.reviewed), ms: num(row.ms) };
}

/** Adds slot `slot` of `day` (or the whole day) to `sum`. */
export function addSlot(sum: Counts, day: LogDayRow, slot: number): void {
	sum.ratings += day.ratings[slot];
	sum.fresh += day.fresh[slot];
	sum.reviewed += day.reviewed[slot];
	sum.ms += day.ms[slot];
}

/** Applies `change` to `day` at `slot`. */
function applySlot(day: LogDayRow, slot: number, change: Counts): void {
	day.ratings[slot] += change.ratings;
	day.fresh[slot] += change.fresh;
	day.reviewed[slot] += change.reviewed;
	day.ms[slot] += change.ms;
}

/** The days a change touches, in ascending order. */
export function daysOf(times: TimeTotals): number[] {
	return [...new Set([...times.keys()].map((q) => place(q).day))].sort((a, b) => a - b);
}

/**
 * The rows that `times` turns `before` into: the days (as read, one per `days` entry) and the
 * total. A day left with no rating in any slot is to be deleted, unless its stored row holds
 * fields that are not ours: those are kept as they were.
 */
export function applyTimes(
	times: TimeTotals,
	days: number[],
	before: unknown[],
	total: Counts
): { put: LogDayRow[]; gone: number[]; total: LogTotalRow } {
	const rows = new Map(days.map((t, i) => [t, readDay(before[i], t)]));
	const sum = { ...total };
	for (const [q, change] of times) {
		const { day, slot } = place(q);
		applySlot(rows.get(day)!, slot, change);
		sum.ratings += change.ratings;
		sum.fresh += change.fresh;
		sum.reviewed += change.reviewed;
		sum.ms += change.ms;
	}
	const put: LogDayRow[] = [];
	const gone: number[] = [];
	days.forEach((t, i) => {
		const row = rows.get(t)!;
		// A stored row's other fields (not ours) are kept, and a row holding any is never deleted.
		const theirs = before[i] !== null && typeof before[i] === 'object' ? (before[i] as object) : {};
		if (row.ratings.some((n) => n > 0) || Object.keys(theirs).some((key) => !(key in row))) put.push({ ...theirs, ...row });
		else gone.push(t);
	});
	return { put, gone, total: { t: TOTAL, ...sum } };
}

const QUARTER_FIELDS = new Set(['t', 'ratings', 'fresh', 'reviewed', 'ms']);

/** Whether a stored value is a schema-7 quarter-hour row as this app wrote it: a whole-number key and no field but the counts. */
export function isQuarterRow(value: unknown): value is LogQuarterRow {
	if (value === null || typeof value !== 'object') return false;
	const t = (value as { t?: unknown }).t;
	return typeof t === 'number' && Number.isSafeInteger(t) && Object.keys(value).every((key) => QUARTER_FIELDS.has(key));
}

/** Schema 7's quarter-hour rows as day rows and their total (the upgrade to 8); any other value is left out. */
export function fromQuarterRows(rows: readonly unknown[]): { days: LogDayRow[]; total: LogTotalRow } {
	const days = new Map<number, LogDayRow>();
	const sum = noCounts();
	for (const value of rows) {
		if (!isQuarterRow(value)) continue;
		const t = value.t;
		const row = value as Partial<LogQuarterRow>;
		const counts = { ratings: num(row.ratings), fresh: num(row.fresh), reviewed: num(row.reviewed), ms: num(row.ms) };
		const { day, slot } = place(t);
		let target = days.get(day);
		if (!target) days.set(day, (target = noDay(day)));
		applySlot(target, slot, counts);
		sum.ratings += counts.ratings;
		sum.fresh += counts.fresh;
		sum.reviewed += counts.reviewed;
		sum.ms += counts.ms;
	}
	const kept = [...days.values()].filter((row) => row.ratings.some((n) => n > 0)).sort((a, b) => a.t - b.t);
	return { days: kept, total: { t: TOTAL, ...sum } };
}

/** The rows `logTimes` holds for a log of `rows`, counted from scratch: the days in order, then the total. */
export function timesOfRows(rows: Iterable<ReviewLogRow>): (LogDayRow | LogTotalRow)[] {
	const times: TimeTotals = new Map();
	for (const row of rows) addToTimes(times, row, 1);
	const { days, total } = fromQuarterRows([...times].map(([t, counts]) => ({ t, ...counts })));
	return [...days, total];
}
