import { NEW, REVIEW } from '$lib/scheduler/types';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { activeDueBefore, activeStarted, buriedAfter, LEARNING_STATES, suspendedRows } from './ranges';
import type { ProgressRow } from './rows';

/** Collection-wide numbers for the home screen's totals; see todayTotals. */
export interface TodayTotals {
	/** Review cards due before the next day starts, counted up to `max.due`. */
	due: number;
	/** Learning and relearning cards due before the next day starts. */
	learning: number;
	/** New cards that could be introduced, counted up to `max.new`. */
	newAvailable: number;
}

/** Cards looked at from the end of the notes before new cards are counted the slow way. */
const NEW_PROBE = 256;

/**
 * The home screen's totals without a pass over every card (deckCounts makes that pass, for
 * per-deck numbers): due reviews are read only up to `max.due` (the daily limit caps what is
 * shown), and new cards are looked for from the end of the notes, where the ones not yet
 * introduced gather (new cards are introduced in note order), until `max.new` are found.
 * Only when that fails are new cards counted over every started card.
 */
export async function todayTotals(now: number, nextDayStart: number, max: { new: number; due: number }): Promise<TodayTotals> {
	// Two reads side by side: the new-card lookups need not wait behind the counts.
	const [dueAndLearning, newAvailable] = await Promise.all([
		read(['progress'], (db) => dueAndLearningToday(db, now, nextDayStart, max.due)),
		read(
			['notes', 'decks', 'cards', 'progress'],
			async (db) => (await newFromTheEnd(db, max.new, now)) ?? Math.min(max.new, await newAvailableAll(db, now))
		)
	]);
	return { ...dueAndLearning, newAvailable };
}

async function dueAndLearningToday(db: Tables, now: number, nextDayStart: number, maxDue: number) {
	const buried = await buriedAfter(db, now).toArray();
	const buriedIds = new Set(buried.map((row) => row.cardId));
	const buriedLearning = buried.filter(
		(row) => row.active === 1 && row.state !== NEW && row.state !== REVIEW && row.due < nextDayStart
	).length;
	const [dueKeys, learning] = await Promise.all([
		activeDueBefore(db, REVIEW, nextDayStart)
			.limit(maxDue + buried.length)
			.primaryKeys(),
		Promise.all(LEARNING_STATES.map((state) => activeDueBefore(db, state, nextDayStart).count()))
	]);
	return {
		due: Math.min(maxDue, dueKeys.filter(([, cardId]) => !buriedIds.has(cardId)).length),
		learning: learning[0] + learning[1] - buriedLearning
	};
}

/** `max` new cards found among the last cards of the notes, or null when they are not there. */
async function newFromTheEnd(db: Tables, max: number, now: number): Promise<number | null> {
	if (max <= 0) return 0;
	const notes = (await db.notes.toArray()).sort((a, b) => b.pos - a.pos);
	let found = 0;
	let looked = 0;
	for (const note of notes) {
		if (looked >= NEW_PROBE) return null;
		const cardIds = await db.cards
			.where('[noteId+pos]')
			.between([note.id, MIN_KEY], [note.id, MAX_KEY])
			.reverse()
			.limit(Math.min(NEW_PROBE - looked, 2 * (max - found)))
			.primaryKeys();
		const rows = await Promise.all(cardIds.map((id) => db.progress.where('cardId').equals(id).first()));
		found += rows.filter((row) => !row || !blocksNew(row, now)).length;
		looked += cardIds.length;
		if (found >= max) return max;
	}
	return null;
}

/** A row that keeps its card from being introduced: started, suspended or buried. */
function blocksNew(row: ProgressRow, now: number): boolean {
	return row.suspended === 1 || row.buriedUntil > now || (row.active === 1 && row.state !== NEW);
}

/** Every new card that could be introduced, from counts over started, suspended and buried rows. */
async function newAvailableAll(db: Tables, now: number): Promise<number> {
	const noteIds = (await db.notes.toArray()).map((note) => note.id);
	const [roots, started, suspended, buried] = await Promise.all([
		db.decks.bulkGet(noteIds),
		activeStarted(db).count(),
		suspendedRows(db).toArray(),
		buriedAfter(db, now).toArray()
	]);
	const cards = roots.reduce((sum, root) => sum + (root?.cardCount ?? 0), 0);
	const blockedApart = [...suspended, ...buried].filter((row) => row.live === 1 && !(row.active === 1 && row.state !== NEW));
	return Math.max(0, cards - started - new Set(blockedApart.map((row) => row.cardId)).size);
}
