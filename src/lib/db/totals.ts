import type { Deck } from '$lib/notes/types';
import { NEW } from '$lib/scheduler/types';
import { read, type Tables } from './database';
import { contribution } from './deck-totals';
import { dueBy, loadTotals } from './deck-totals-store';
import { buriedAfter } from './ranges';
import { fromDeckRow, type DeckRow } from './rows';

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
 * Counts for every deck, sub-decks included, keyed by deck id. Reads deck rows, each deck's
 * totals (deckTotals) and the (few) buried rows; no card rows, no review log, and no other
 * progress row (but for a day starting off the 15-minute grid, see dueBy).
 */
export function deckCounts(now: number, nextDayStart: number): Promise<Map<string, DeckCounts>> {
	return read(['decks', 'deckTotals', 'progress'], async (db) => countDecks(db, await db.decks.toArray(), now, nextDayStart));
}

/**
 * One note's decks in tree order and their counts (as deckCounts), for a note opened on the
 * home screen: reads that note's deck rows, the totals rows and the buried rows.
 */
export function noteDeckCounts(
	noteId: string,
	now: number,
	nextDayStart: number
): Promise<{ decks: Deck[]; counts: Map<string, DeckCounts> }> {
	return read(['decks', 'deckTotals', 'progress'], async (db) => {
		const rows = (await db.decks.where('noteId').equals(noteId).toArray()).sort((a, b) => a.pos - b.pos);
		return { decks: rows.map(fromDeckRow), counts: await countDecks(db, rows, now, nextDayStart) };
	});
}

async function countDecks(db: Tables, decks: DeckRow[], now: number, nextDayStart: number): Promise<Map<string, DeckCounts>> {
	const [totals, buried] = await Promise.all([loadTotals(db), buriedAfter(db, now).toArray()]);
	const due = await dueBy(db, totals, nextDayStart, (entry) => entry.deckId);
	const counts = new Map(decks.map((deck) => [deck.id, { cards: deck.ownCards, newAvailable: deck.ownCards, learning: 0, due: 0 }]));
	const add = (deckId: string, field: keyof DeckCounts, n: number) => {
		const count = counts.get(deckId);
		if (count) count[field] += n;
	};
	for (const row of totals) add(row.deckId, 'newAvailable', -(row.started + row.suspended));
	for (const [deckId, { review, learning }] of due) {
		add(deckId, 'due', review);
		add(deckId, 'learning', learning);
	}
	for (const row of buried) {
		if (row.active === 1 && row.state === NEW) add(row.deckId, 'newAvailable', -1);
		const c = contribution(row);
		if (c?.due && row.due < nextDayStart) add(c.deckId, c.due.state === 'review' ? 'due' : 'learning', -1);
	}

	// A note lists parents before children, so walking it backwards adds each finished subtree to its parent.
	for (const deck of [...decks].sort((a, b) => b.pos - a.pos)) {
		const own = counts.get(deck.id)!;
		own.newAvailable = Math.max(0, own.newAvailable);
		if (deck.parentId === null) continue;
		for (const field of ['cards', 'newAvailable', 'learning', 'due'] as const) add(deck.parentId, field, own[field]);
	}
	return counts;
}
