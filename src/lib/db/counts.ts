import { EARLIEST, REVIEW_SLACK } from '$lib/scheduler/time';
import { LEARNING, NEW, RELEARNING, REVIEW } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { buriedAfter } from './ranges';
import type { ProgressRow, ReviewLogRow } from './rows';

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
 * Today's ratings, counted on indexes; `dayStart`..`nextDayStart` is the study day (ms).
 * `max` stops counting new and review ratings there (their daily limits need no more).
 */
export function todayStats(dayStart: number, nextDayStart: number, max?: { introduced: number; reviewed: number }): Promise<TodayStats> {
	return read(['reviewLog'], (db) => countToday(db, dayStart, nextDayStart, max));
}

/** todayStats inside a caller's read. */
export async function countToday(
	db: Tables,
	dayStart: number,
	nextDayStart: number,
	max?: { introduced: number; reviewed: number }
): Promise<TodayStats> {
	const [ratings, used] = await Promise.all([countRatings(db, dayStart, nextDayStart), countLimitsUsed(db, dayStart, nextDayStart, max)]);
	return { ratings, ...used };
}

/**
 * What the daily limits have used today: ratings of new cards and of review cards, counted
 * up to `max` each. Cheap with `max`: the home screen asks this on every visit, and a count of
 * every rating of a day walks the whole day (see ratingsBetween).
 */
export function limitsUsedToday(dayStart: number, nextDayStart: number, max: { introduced: number; reviewed: number }) {
	return read(['reviewLog'], (db) => countLimitsUsed(db, dayStart, nextDayStart, max));
}

/** limitsUsedToday inside a caller's read. */
export async function countLimitsUsed(db: Tables, dayStart: number, nextDayStart: number, max?: { introduced: number; reviewed: number }) {
	const byState = async (state: number, upTo: number | undefined) => {
		const range = db.reviewLog.where('[stateBefore+review]').between([state, dayStart], [state, nextDayStart]);
		return upTo === undefined ? range.count() : (await range.limit(upTo).primaryKeys()).length;
	};
	const [introduced, reviewed] = await Promise.all([byState(NEW, max?.introduced), byState(REVIEW, max?.reviewed)]);
	return { introduced, reviewed };
}

/**
 * Ratings given from `from` (after it, when `afterFrom`) until before `to`. IndexedDB counts
 * a range by walking it, about 0.1 ms a rating on a slow phone-class core: callers that ask
 * often keep the count and add only what is new (see services/home).
 */
export function ratingsBetween(from: number, to: number, afterFrom = false): Promise<number> {
	return read(['reviewLog'], (db) => countRatings(db, from, to, afterFrom));
}

function countRatings(db: Tables, from: number, to: number, afterFrom = false): Promise<number> {
	return db.reviewLog.where('review').between(from, to, !afterFrom, false).count();
}

/** Write-order numbers are whole numbers from 1; a row holding anything else has none. */
export const isSeq = (seq: unknown): seq is number => Number.isSafeInteger(seq) && (seq as number) >= 1;

/** The log's rows that have a write-order number, in that order (see SCHEMA_V3). */
export function sequenced(db: Tables) {
	return db.reviewLog.where('seq').between(1, Number.MAX_SAFE_INTEGER, true, true);
}

/**
 * The latest rating written in this database: the highest write-order number. A log with no
 * numbered row yet (every rating predates schema version 3, or came from a restored backup)
 * falls back to the latest plausible review time, as undo worked before version 3: a row
 * dated 9999 (or 1970) is nobody's last rating either way.
 */
export async function lastWritten(db: Tables, now: number): Promise<ReviewLogRow | undefined> {
	return (
		(await sequenced(db).last()) ??
		db.reviewLog
			.where('review')
			.between(EARLIEST, now + REVIEW_SLACK, true, true)
			.last()
	);
}

/** The latest rating written in this database (see lastWritten), or null when the log is empty. */
export function latestRating(now = Date.now()): Promise<{ id: string; review: number } | null> {
	return read(['reviewLog'], async (db) => {
		const row = await lastWritten(db, now);
		return row ? { id: row.id, review: row.review } : null;
	});
}

/** Whether the rating `id` is in the log (an undo removes it). */
export function hasRating(id: string): Promise<boolean> {
	return read(['reviewLog'], async (db) => (await db.reviewLog.where(':id').equals(id).count()) > 0);
}

/** Study days whose ratings are looked up at once: one round trip covers this many days of a streak. */
const STREAK_WINDOW = 64;

/**
 * Study days in a row with at least one rating, ending today; a day not yet studied does
 * not break the streak until it is over. `dayStartOf(ms)` gives the start of the study day
 * containing ms (the scheduler's `dayStart(ms, hour)`), so DST-long and -short days count
 * as one.
 */
export async function studyStreak(now: number, dayStartOf: (ms: number) => number): Promise<number> {
	const today = dayStartOf(now);
	// Ratings after now (another device's clock ran ahead) do not count.
	const [studiedToday, before] = await Promise.all([studiedBetween(today, now + 1), streakBefore(today, dayStartOf)]);
	return before + (studiedToday ? 1 : 0);
}

/** Whether any rating was given in [from, to). */
export function studiedBetween(from: number, to: number): Promise<boolean> {
	return read(['reviewLog'], (db) => anyRating(db, from, to));
}

async function anyRating(db: Tables, from: number, to: number): Promise<boolean> {
	return (await db.reviewLog.where('review').between(from, to).limit(1).primaryKeys()).length > 0;
}

/**
 * Study days in a row with a rating, ending the day before `day` (a day start). A lookup per
 * day, a window of days at a time, all of a window's lookups at once: a streak of years
 * costs a few dozen round trips, not one per day. See latestReviewBefore to cache it.
 */
export function streakBefore(day: number, dayStartOf: (ms: number) => number): Promise<number> {
	return read(['reviewLog'], async (db) => {
		let streak = 0;
		let end = day;
		for (;;) {
			const days: [from: number, to: number][] = [];
			while (days.length < STREAK_WINDOW) {
				const from = dayStartOf(end - 1);
				days.push([from, end]);
				end = from;
			}
			const found = await Promise.all(days.map(([from, to]) => anyRating(db, from, to)));
			const gap = found.indexOf(false);
			streak += gap === -1 ? days.length : gap;
			if (gap !== -1) return streak;
		}
	});
}

/** The id of the latest rating before `ms`, or null: what a cached streakBefore(ms) depends on. */
export function latestReviewBefore(ms: number): Promise<string | null> {
	return read(['reviewLog'], async (db) => (await db.reviewLog.where('review').below(ms).last())?.id ?? null);
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
