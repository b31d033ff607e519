import type { Deck } from '$lib/notes/types';
import { NEW } from '$lib/scheduler/types';
import { inTreeOrder } from './content';
import { read, type Tables } from './database';
import { contribution } from './deck-totals';
import { dueBy, loadTotals, type DueCounts } from './deck-totals-store';
import { buriedAfter } from './ranges';
import { fromDeckRow, type DeckRow, type DeckTotalsRow, type ProgressRow } from './rows';

/** Collection-wide numbers for the home screen's totals; see todayTotals. */
export interface TodayTotals {
	/** Review cards due before the next day starts, counted up to `max.due`. */
	due: number;
	/** Learning and relearning cards due before the next day starts. */
	learning: number;
	/** New cards that could be introduced, counted up to `max.new`. */
	newAvailable: number;
}

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
 * Every deck in tree order (as deckTree gives them) and their counts (as deckCounts), from
 * one read of the deck rows: the home screen's deck lines need both.
 */
export function deckTreeWithCounts(now: number, nextDayStart: number): Promise<{ decks: Deck[]; counts: Map<string, DeckCounts> }> {
	return read(['notes', 'decks', 'deckTotals', 'progress'], async (db) => {
		const [notes, rows] = await Promise.all([db.notes.toArray(), db.decks.toArray()]);
		const counts = await countDecks(db, rows, now, nextDayStart);
		return { decks: inTreeOrder(rows, notes).map(fromDeckRow), counts };
	});
}

/** A note's root deck for the home screen's first lines: its counts summed from totals kept by note. */
export interface RootCounts {
	deck: Deck;
	counts: DeckCounts;
	/** Whether it has decks below it (with cards), read when the note is opened (noteDeckCounts). */
	hasSubDecks: boolean;
}

/**
 * The notes' root decks in index order, each with the counts of its whole note, as deckCounts
 * gives them for the root: read from the note rows, the root deck rows, the totals rows and
 * the (few) buried rows; no other deck row, no card, no log. One difference, for progress rows
 * the app never writes (a row naming a note or deck its card is not in): deckCounts floors
 * each deck's new cards at 0, a root line only its note's.
 */
export function rootDeckCounts(now: number, nextDayStart: number): Promise<RootCounts[]> {
	return read(['notes', 'decks', 'deckTotals', 'progress'], async (db) => rootsFrom(db, await readHome(db, now), nextDayStart));
}

/**
 * todayTotals and rootDeckCounts from one read of the rows both need, for the home screen:
 * its numbers and its first deck lines at once.
 */
export function homeCounts(
	now: number,
	nextDayStart: number,
	max: { new: number; due: number }
): Promise<{ today: TodayTotals; roots: RootCounts[] }> {
	return read(['notes', 'decks', 'deckTotals', 'progress'], async (db) => {
		const rows = await readHome(db, now);
		const [today, roots] = await Promise.all([todayFrom(db, rows, nextDayStart, max), rootsFrom(db, rows, nextDayStart)]);
		return { today, roots };
	});
}

interface HomeRows {
	/** The notes' root decks, notes in index order (undefined for a note without one). */
	roots: (DeckRow | undefined)[];
	totals: DeckTotalsRow[];
	buried: ProgressRow[];
}

async function readHome(db: Tables, now: number): Promise<HomeRows> {
	const roots = db.notes.toArray().then((notes) => db.decks.bulkGet(notes.sort((a, b) => a.pos - b.pos).map((note) => note.id)));
	const [rootRows, totals, buried] = await Promise.all([roots, loadTotals(db), buriedAfter(db, now).toArray()]);
	return { roots: rootRows, totals, buried };
}

async function rootsFrom(db: Tables, { roots, totals, buried }: HomeRows, nextDayStart: number): Promise<RootCounts[]> {
	const due = await dueBy(db, totals, nextDayStart, (entry) => entry.noteId);
	const blocked = new Map<string, number>();
	const block = (noteId: string | null, n: number) => noteId !== null && blocked.set(noteId, (blocked.get(noteId) ?? 0) + n);
	for (const row of totals) block(row.noteId, row.started + row.suspended);
	const buriedDue = new Map<string, DueCounts>();
	for (const row of buried) {
		const noteId = typeof row.noteId === 'string' ? row.noteId : null;
		if (row.active === 1 && row.state === NEW) block(noteId, 1);
		const c = contribution(row);
		if (!c?.due || c.noteId === null || !(row.due < nextDayStart)) continue;
		const counts = buriedDue.get(c.noteId) ?? { review: 0, learning: 0 };
		counts[c.due.state === 'review' ? 'review' : 'learning']++;
		buriedDue.set(c.noteId, counts);
	}
	return roots
		.filter((root) => root !== undefined)
		.map((root) => {
			const noteDue = due.get(root.noteId) ?? { review: 0, learning: 0 };
			const less = buriedDue.get(root.noteId) ?? { review: 0, learning: 0 };
			const counts = {
				cards: root.cardCount,
				newAvailable: Math.max(0, root.cardCount - (blocked.get(root.noteId) ?? 0)),
				learning: noteDue.learning - less.learning,
				due: noteDue.review - less.review
			};
			return { deck: fromDeckRow(root), counts, hasSubDecks: root.ownCards < root.cardCount };
		});
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

/**
 * The home screen's totals from every deck's totals (deckTotals) and the (few) buried rows:
 * no card row, no review log, no other progress row (but for a day starting off the
 * 15-minute grid, see dueBy). Rows of every deck id count, as the review queue's ranges
 * count them; new cards are those of the notes' root decks less the started, suspended and
 * buried ones.
 */
export function todayTotals(now: number, nextDayStart: number, max: { new: number; due: number }): Promise<TodayTotals> {
	return read(['notes', 'decks', 'deckTotals', 'progress'], async (db) => {
		const noteIds = (await db.notes.toCollection().primaryKeys()) as string[];
		const [roots, totals, buried] = await Promise.all([db.decks.bulkGet(noteIds), loadTotals(db), buriedAfter(db, now).toArray()]);
		return todayFrom(db, { roots, totals, buried }, nextDayStart, max);
	});
}

async function todayFrom(
	db: Tables,
	{ roots, totals, buried }: HomeRows,
	nextDayStart: number,
	max: { new: number; due: number }
): Promise<TodayTotals> {
	let due = 0;
	let learning = 0;
	for (const counts of (await dueBy(db, totals, nextDayStart, (entry) => entry.deckId)).values()) {
		due += counts.review;
		learning += counts.learning;
	}
	let blocked = 0;
	for (const row of totals) blocked += row.started + row.suspended;
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
}
