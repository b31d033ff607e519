import { LEARNING, NEW, RELEARNING, REVIEW } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { activeDueBefore, activeStarted, buriedAfter, LEARNING_STATES, suspendedRows } from './ranges';
import type { ProgressKey, ProgressRow } from './rows';

/** Raw numbers for one deck and every deck below it; daily limits are applied by the caller. */
export interface DeckCounts {
	/** Cards in the notes (cards gone from the notes are not counted anywhere). */
	cards: number;
	/** New cards that could be introduced: not started, suspended or buried. */
	newAvailable: number;
	/** Learning and relearning cards due before the next day starts. */
	learning: number;
	/** Review cards due before the next day starts. */
	due: number;
}

/**
 * Counts for every deck, sub-decks included, keyed by deck id. Reads deck rows, a few
 * key-only ranges of progress ([deckId, cardId] pairs) and the (few) suspended and buried
 * rows; no card rows and no review log.
 */
export function deckCounts(now: number, nextDayStart: number): Promise<Map<string, DeckCounts>> {
	return read(['decks', 'progress'], async (db) => {
		const [decks, started, due, learning, suspended, buried] = await Promise.all([
			db.decks.toArray(),
			activeStarted(db).primaryKeys(),
			activeDueBefore(db, REVIEW, nextDayStart).primaryKeys(),
			Promise.all(LEARNING_STATES.map((state) => activeDueBefore(db, state, nextDayStart).primaryKeys())),
			suspendedRows(db).toArray(),
			buriedAfter(db, now).toArray()
		]);
		const counts = new Map(
			decks.map((deck) => [deck.id, { cards: deck.ownCards, newAvailable: deck.ownCards, learning: 0, due: 0 }])
		);
		const add = (deckId: string, field: keyof DeckCounts, n: number) => {
			const count = counts.get(deckId);
			if (count) count[field] += n;
		};
		const buriedIds = new Set(buried.map((row) => row.cardId));
		const unlessBuried = (keys: ProgressKey[]) => keys.filter(([, cardId]) => !buriedIds.has(cardId));

		for (const [deckId] of started) add(deckId, 'newAvailable', -1);
		for (const row of suspended) if (row.live === 1) add(row.deckId, 'newAvailable', -1);
		for (const row of buried) if (row.active === 1 && row.state === NEW) add(row.deckId, 'newAvailable', -1);
		for (const [deckId] of unlessBuried(due)) add(deckId, 'due', 1);
		for (const [deckId] of unlessBuried(learning.flat())) add(deckId, 'learning', 1);

		// A note lists parents before children, so walking it backwards adds each finished subtree to its parent.
		for (const deck of [...decks].sort((a, b) => b.pos - a.pos)) {
			const own = counts.get(deck.id)!;
			own.newAvailable = Math.max(0, own.newAvailable);
			if (deck.parentId === null) continue;
			for (const field of ['cards', 'newAvailable', 'learning', 'due'] as const) add(deck.parentId, field, own[field]);
		}
		return counts;
	});
}

export interface TodayStats {
	/** Every rating given today. */
	ratings: number;
	/** Ratings of new cards: cards introduced today. */
	introduced: number;
	/** Ratings of cards in the review state (what a daily review limit counts). */
	reviewed: number;
}

/** Today's ratings, counted on indexes; `dayStart`..`nextDayStart` is the study day (ms). */
export function todayStats(dayStart: number, nextDayStart: number): Promise<TodayStats> {
	return read(['reviewLog'], async (db) => {
		const byState = (state: number) =>
			db.reviewLog.where('[stateBefore+review]').between([state, dayStart], [state, nextDayStart]).count();
		const [ratings, introduced, reviewed] = await Promise.all([
			db.reviewLog.where('review').between(dayStart, nextDayStart).count(),
			byState(NEW),
			byState(REVIEW)
		]);
		return { ratings, introduced, reviewed };
	});
}

/** Study days whose ratings are looked up at once: one round trip covers this many days of a streak. */
const STREAK_WINDOW = 64;

/**
 * Study days in a row with at least one rating, ending today; a day not yet studied does
 * not break the streak until it is over. `dayStartOf(ms)` gives the start of the study day
 * containing ms (the scheduler's `dayStart(ms, hour)`), so DST-long and -short days count
 * as one. Days are looked up a window at a time, all of a window's lookups at once: a
 * streak of years costs a few round trips, not one per day.
 */
export function studyStreak(now: number, dayStartOf: (ms: number) => number): Promise<number> {
	return read(['reviewLog'], async (db) => {
		const studied = async (from: number, to: number) =>
			(await db.reviewLog.where('review').between(from, to).limit(1).primaryKeys()).length > 0;
		const today = dayStartOf(now);
		// Ratings after now (another device's clock ran ahead) do not count.
		let streak = (await studied(today, now + 1)) ? 1 : 0;
		let end = today;
		for (;;) {
			const days: [from: number, to: number][] = [];
			while (days.length < STREAK_WINDOW) {
				const from = dayStartOf(end - 1);
				days.push([from, end]);
				end = from;
			}
			const found = await Promise.all(days.map(([from, to]) => studied(from, to)));
			const gap = found.indexOf(false);
			streak += gap === -1 ? days.length : gap;
			if (gap !== -1) return streak;
		}
	});
}

/**
 * The earliest due time after `now` of a visible, unsuspended studied card, in the deck and
 * its sub-decks (or every deck, for null); null when none.
 */
export function nextDueAfter(now: number, deckId: string | null = null): Promise<number | null> {
	return read(['decks', 'progress'], async (db) => {
		const rows = deckId === null ? await nextDueCandidates(db, now) : await subtreeRows(db, deckId);
		const times = rows
			.filter((row) => row.active === 1 && row.state !== NEW)
			.map((row) => Math.max(row.due, row.buriedUntil))
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
