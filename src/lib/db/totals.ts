import { read } from './database';
import { contribution } from './deck-totals';
import { dueByDeck, loadTotals } from './deck-totals-store';
import { buriedAfter } from './ranges';

/** Collection-wide numbers for the home screen's totals; see todayTotals. */
export interface TodayTotals {
	/** Review cards due before the next day starts, counted up to `max.due`. */
	due: number;
	/** Learning and relearning cards due before the next day starts. */
	learning: number;
	/** New cards that could be introduced, counted up to `max.new`. */
	newAvailable: number;
}

/**
 * The home screen's totals from every deck's totals (deckTotals) and the (few) buried rows:
 * no card row, no review log, no other progress row (but for a day starting off the
 * 15-minute grid, see dueByDeck). Rows of every deck id count, as the review queue's ranges
 * count them; new cards are those of the notes' root decks less the started, suspended and
 * buried ones.
 */
export function todayTotals(now: number, nextDayStart: number, max: { new: number; due: number }): Promise<TodayTotals> {
	return read(['notes', 'decks', 'deckTotals', 'progress'], async (db) => {
		const noteIds = (await db.notes.toCollection().primaryKeys()) as string[];
		const [roots, totals, buried] = await Promise.all([db.decks.bulkGet(noteIds), loadTotals(db), buriedAfter(db, now).toArray()]);
		let due = 0;
		let learning = 0;
		for (const counts of (await dueByDeck(db, totals, nextDayStart)).values()) {
			due += counts.review;
			learning += counts.learning;
		}
		let blocked = 0;
		for (const row of totals.values()) blocked += row.started + row.suspended;
		for (const row of buried) {
			const c = contribution(row);
			if (c?.due && row.due < nextDayStart) {
				if (c.due.state === 'review') due--;
				else learning--;
			}
			// Counted already when started or suspended.
			if (row.live === 1 && !c) blocked++;
		}
		const cards = roots.reduce((sum, root) => sum + (root?.cardCount ?? 0), 0);
		return { due: Math.min(max.due, due), learning, newAvailable: Math.min(max.new, Math.max(0, cards - blocked)) };
	});
}
