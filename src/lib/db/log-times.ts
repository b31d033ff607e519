/**
 * The review log's counts per quarter hour (`logTimes`, schema 7): what log-store keeps in step
 * with every page write, and the upgrade counts once. No Dexie: plain sums over rows.
 */
import { NEW, REVIEW } from '$lib/scheduler/types';
import { quarterOf } from './log-page';
import type { LogTimeRow, ReviewLogRow } from './rows';

const DAY_MS = 86_400_000;

/** A rating's answer time; one no rating can take (NaN, negative, over a day: a bad row) counts as none (as stats.ts). */
export function studyTime(ms: unknown): number {
	return typeof ms === 'number' && ms >= 0 && ms <= DAY_MS ? ms : 0;
}

/** Counts by quarter hour: a change to apply, or totals. */
export type TimeTotals = Map<number, LogTimeRow>;

export const noTimes = (t: number): LogTimeRow => ({ t, ratings: 0, fresh: 0, reviewed: 0, ms: 0 });

/** Adds (sign 1) or takes away (sign -1) `row` in its quarter hour; a row with no finite review is in none. */
export function addToTimes(times: TimeTotals, row: ReviewLogRow, sign: 1 | -1): void {
	const t = quarterOf(row.review);
	if (t === undefined) return;
	let counts = times.get(t);
	if (!counts) times.set(t, (counts = noTimes(t)));
	counts.ratings += sign;
	if (row.stateBefore === NEW) counts.fresh += sign;
	if (row.stateBefore === REVIEW) counts.reviewed += sign;
	counts.ms += sign * studyTime(row.durationMs);
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A stored logTimes row read tolerantly: any field that is not a finite number counts as 0. */
export function readTimes(value: unknown, t: number): LogTimeRow {
	if (value === null || typeof value !== 'object') return noTimes(t);
	const row = value as Partial<LogTimeRow>;
	return { t, ratings: num(row.ratings), fresh: num(row.fresh), reviewed: num(row.reviewed), ms: num(row.ms) };
}
