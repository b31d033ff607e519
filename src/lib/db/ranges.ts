/**
 * The progress ranges counts and queues read. Every one is a plain key range on
 * [active+state+due], so Dexie answers it with getAll/getAllKeys (no cursor), and
 * `primaryKeys()` gives [deckId, cardId] pairs without reading a single row.
 */
import { LEARNING, NEW, RELEARNING, type CardStateKind } from '$lib/scheduler/types';
import { MAX_KEY, MIN_KEY, type Tables } from './database';

/** Visible, unsuspended rows in `state` due before `before` (ms). */
export function activeDueBefore(db: Tables, state: CardStateKind, before: number) {
	return db.progress.where('[active+state+due]').between([1, state, MIN_KEY], [1, state, before]);
}

/** Visible, unsuspended rows of cards that are not new (learning, review, relearning). */
export function activeStarted(db: Tables) {
	return db.progress.where('[active+state+due]').between([1, LEARNING, MIN_KEY], [1, RELEARNING, MAX_KEY]);
}

/** Visible, unsuspended rows still in the new state (reset, or unburied). */
export function activeNew(db: Tables) {
	return db.progress.where('[active+state+due]').between([1, NEW, MIN_KEY], [1, NEW, MAX_KEY]);
}

/** Rows buried past `now`: few, so callers read them whole and subtract. */
export function buriedAfter(db: Tables, now: number) {
	return db.progress.where('buriedUntil').above(now);
}

export function suspendedRows(db: Tables) {
	return db.progress.where('suspended').equals(1);
}

/** Learning and relearning share a count; review is its own. */
export const LEARNING_STATES = [LEARNING, RELEARNING] as const;
