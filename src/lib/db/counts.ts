import { LEARNING, NEW, RELEARNING, REVIEW } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { countBetween, countRanges, lastWritten, logBefore, LOG_TABLES, type LogTables, type TimeCounts } from './log-store';
import { buriedAfter } from './ranges';
import type { ProgressRow } from './rows';

// The deck tree's counts come from per-deck totals, as home's do.
export { deckCounts, type DeckCounts } from './totals';

export interface TodayStats {
	/** Every rating given today. */
	ratings: number;
	/** Ratings of new cards: cards introduced today. */
	introduced: number;
	/** Ratings of cards in the review state (what a daily review limit counts). */
	reviewed: number;
}

/**
 * Today's ratings; `dayStart`..`nextDayStart` is the study day (ms, whole quarter hours: see
 * log-store's QUARTER). `max` caps the new and review ratings (their daily limits need no more).
 */
export function todayStats(dayStart: number, nextDayStart: number, max?: { introduced: number; reviewed: number }): Promise<TodayStats> {
	return read(LOG_TABLES, (db) => countToday(db, dayStart, nextDayStart, max));
}

/** todayStats inside a caller's read. */
export async function countToday(
	db: LogTables,
	dayStart: number,
	nextDayStart: number,
	max?: { introduced: number; reviewed: number }
): Promise<TodayStats> {
	return todayFrom(await countBetween(db, dayStart, nextDayStart), max);
}

/** TodayStats from the day's counts, new and review ratings capped at `max`. */
export function todayFrom(day: TimeCounts, max?: { introduced: number; reviewed: number }): TodayStats {
	return {
		ratings: day.ratings,
		introduced: max ? Math.min(day.fresh, max.introduced) : day.fresh,
		reviewed: max ? Math.min(day.reviewed, max.reviewed) : day.reviewed
	};
}

/** What the daily limits have used today: ratings of new cards and of review cards, each up to `max`. */
export function limitsUsedToday(dayStart: number, nextDayStart: number, max: { introduced: number; reviewed: number }) {
	return read(LOG_TABLES, (db) => countLimitsUsed(db, dayStart, nextDayStart, max));
}

/** limitsUsedToday inside a caller's read. */
export async function countLimitsUsed(
	db: LogTables,
	dayStart: number,
	nextDayStart: number,
	max?: { introduced: number; reviewed: number }
) {
	const { introduced, reviewed } = await countToday(db, dayStart, nextDayStart, max);
	return { introduced, reviewed };
}

/** Ratings given from `from` until before `to` (by whole quarter hours, see log-store's QUARTER). */
export function ratingsBetween(from: number, to: number): Promise<number> {
	return read(LOG_TABLES, async (db) => (await countBetween(db, from, to)).ratings);
}

/** Write-order numbers are whole numbers from 1; a row holding anything else has none. */
export const isSeq = (seq: unknown): seq is number => Number.isSafeInteger(seq) && (seq as number) >= 1;

/** The latest rating written in this database (see log-store's lastWritten), or null when the log is empty. */
export function latestRating(now = Date.now()): Promise<{ id: string; review: number } | null> {
	return read(LOG_TABLES, async (db) => {
		const row = await lastWritten(db, now);
		return row ? { id: row.id, review: row.review } : null;
	});
}

/** Study days whose ratings are counted at once: one read covers this many days of a streak. */
const STREAK_WINDOW = 64;

/**
 * Study days in a row with at least one rating, ending today; a day not yet studied does
 * not break the streak until it is over. `dayStartOf(ms)` gives the start of the study day
 * containing ms (the scheduler's `dayStart(ms, hour)`), so DST-long and -short days count
 * as one.
 */
export async function studyStreak(now: number, dayStartOf: (ms: number) => number): Promise<number> {
	const today = dayStartOf(now);
	// Ratings after now (another device's clock ran ahead) do not count, but for the rest of now's quarter hour.
	const [studiedToday, before] = await Promise.all([studiedBetween(today, now + 1), streakBefore(today, dayStartOf)]);
	return before + (studiedToday ? 1 : 0);
}

/** Whether any rating was given in [from, to) (by whole quarter hours). */
export function studiedBetween(from: number, to: number): Promise<boolean> {
	return read(LOG_TABLES, async (db) => (await countBetween(db, from, to)).ratings > 0);
}

/**
 * Study days in a row with a rating, ending the day before `day` (a day start). A window of
 * days is counted in one read, so a streak of years costs a few reads; a day with no rating
 * ends it. See logFingerprint to cache it.
 */
export function streakBefore(day: number, dayStartOf: (ms: number) => number): Promise<number> {
	return read(LOG_TABLES, async (db) => {
		let streak = 0;
		let end = day;
		for (;;) {
			const starts = [end];
			while (starts.length <= STREAK_WINDOW) starts.unshift(dayStartOf(starts[0] - 1));
			const latestFirst = (await countRanges(db, starts)).reverse();
			const gap = latestFirst.findIndex((day) => day.ratings === 0);
			streak += gap === -1 ? latestFirst.length : gap;
			if (gap !== -1) return streak;
			end = starts[0];
		}
	});
}

/**
 * What a cached streakBefore(ms) depends on: the end of the latest quarter hour with a rating
 * before `ms` and the number of ratings before it (see log-store's logBefore); null for none.
 */
export function logFingerprint(ms: number): Promise<{ latest: number; ratings: number } | null> {
	return read(LOG_TABLES, (db) => logBefore(db, ms));
}

/**
 * The earliest due time after `now` of a visible, unsuspended studied card, in the deck and
 * its sub-decks (or every deck, for null); null when none. `shownFrom` turns a row's due time
 * into when it is shown (a review is due by the day); it must not move a row before another
 * of the same state with an earlier due time.
 */
export function nextDueAfter(
	now: number,
	deckId: string | null = null,
	shownFrom: (row: ProgressRow) => number = (row) => row.due
): Promise<number | null> {
	return read(['decks', 'progress'], async (db) => {
		const rows = deckId === null ? await nextDueCandidates(db, now) : await subtreeRows(db, deckId);
		const times = rows
			.filter((row) => row.active === 1 && row.state !== NEW)
			.map((row) => Math.max(shownFrom(row), row.buriedUntil))
			.filter((t) => t > now);
		return times.length ? Math.min(...times) : null;
	});
}

/** The first unburied row after `now` of each studied state, and every buried row. */
async function nextDueCandidates(db: Tables, now: number): Promise<ProgressRow[]> {
	const firsts = await Promise.all(
		[LEARNING, REVIEW, RELEARNING].map((state) =>
			db.progress
				.where('[active+state+due]')
				.between([1, state, now], [1, state, MAX_KEY], false)
				.filter((row) => row.buriedUntil <= now)
				.first()
		)
	);
	const buried = await buriedAfter(db, now).toArray();
	return [...firsts.filter((row) => row !== undefined), ...buried];
}

/** Every progress row of a deck and its sub-decks (a few thousand at most). */
async function subtreeRows(db: Tables, deckId: string): Promise<ProgressRow[]> {
	const decks = await subtreeDecks(db, deckId);
	const perDeck = await Promise.all(
		decks.map((deck) => db.progress.where('[deckId+cardId]').between([deck.id, MIN_KEY], [deck.id, MAX_KEY]).toArray())
	);
	return perDeck.flat();
}
