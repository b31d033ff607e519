/**
 * The one place that reads and writes stored cards. Every other module asks for cards by id,
 * by note or by deck through these functions, inside its own transaction, which must hold
 * CARD_TABLES: how cards are laid out in IndexedDB (a row per card today) is known here alone.
 * Rows come back as stored (CardRow); callers map them with fromCardRow where they need a Card.
 */
import { MAX_KEY, MIN_KEY, type TableName, type Tables } from './database';
import type { CardRow } from './rows';

/** The tables a transaction must hold to use any function of this module. */
export const CARD_TABLES = ['cards'] as const satisfies readonly TableName[];

export type CardTables = Pick<Tables, (typeof CARD_TABLES)[number]>;

/**
 * Card rows handed to IndexedDB per call inside a note's transaction: each put clones its row
 * on the page's thread, so a whole 2,000-card note at once would be one long task (100 rows:
 * ~10 ms). Up to IN_FLIGHT calls wait at once, so the database always has the next rows queued
 * instead of idling for a round trip to the page after each call.
 */
const BATCH = 100;
const IN_FLIGHT = 4;

const noteRange = (db: CardTables, noteId: string) => db.cards.where('[noteId+pos]').between([noteId, MIN_KEY], [noteId, MAX_KEY]);

/** One card; undefined when it is in no stored note. */
export function cardById(db: CardTables, cardId: string): Promise<CardRow | undefined> {
	return db.cards.get(cardId);
}

/** Cards in the order asked, undefined for each id in no stored note. */
export function cardsById(db: CardTables, cardIds: readonly string[]): Promise<(CardRow | undefined)[]> {
	return db.cards.bulkGet([...cardIds]);
}

/** A note's card ids in card order (its cards' places 0, 1, 2…). */
export function cardIdsOfNote(db: CardTables, noteId: string): Promise<string[]> {
	return noteRange(db, noteId).primaryKeys();
}

/** A note's cards in card order. */
export function cardsOfNote(db: CardTables, noteId: string): Promise<CardRow[]> {
	return noteRange(db, noteId).toArray();
}

/** Up to `limit` cards of a note from place `from` on, in card order. */
export function cardsOfNoteFrom(db: CardTables, noteId: string, from: number, limit: number): Promise<CardRow[]> {
	return db.cards.where('[noteId+pos]').between([noteId, from], [noteId, MAX_KEY]).limit(limit).toArray();
}

/** The cards of each note in turn, in the notes' order given, each note's in card order. */
export async function cardsOfNotes(db: CardTables, noteIds: readonly string[]): Promise<CardRow[]> {
	return (await Promise.all(noteIds.map((noteId) => cardsOfNote(db, noteId)))).flat();
}

/** A deck's own cards (not its sub-decks'), in card order. */
export async function cardsOfDeck(db: CardTables, deckId: string): Promise<CardRow[]> {
	return (await db.cards.where('deckId').equals(deckId).toArray()).sort((a, b) => a.pos - b.pos);
}

/** A deck's own card ids, in no particular order. */
export function cardIdsOfDeck(db: CardTables, deckId: string): Promise<string[]> {
	return db.cards.where('deckId').equals(deckId).primaryKeys();
}

/** How many cards a deck holds itself (not its sub-decks). */
export function cardCountOfDeck(db: CardTables, deckId: string): Promise<number> {
	return db.cards.where('deckId').equals(deckId).count();
}

/** What a note's stored cards become: see storeNoteCards. */
export interface NoteCardsChange {
	/** Every card of the note, in card order (each row's `pos` its index here). */
	cards: CardRow[];
	/** Places in `cards` whose card is new, moved or edited: the only ones written. */
	changed: readonly number[];
	/** Ids of stored cards no longer in the note. */
	removed: readonly string[];
}

/**
 * Makes the stored cards of `noteId` those of `change.cards`, writing only what changed.
 * A failure aborts the caller's transaction (and so leaves the note as it was).
 */
export async function storeNoteCards(db: CardTables, noteId: string, change: NoteCardsChange): Promise<void> {
	const rows = change.changed.map((pos) => change.cards[pos]);
	const waiting: Promise<unknown>[] = [];
	for (let i = 0; i < rows.length; i += BATCH) {
		const put = db.cards.bulkPut(rows.slice(i, i + BATCH));
		// A failure aborts the transaction and reaches the caller through the call awaited then.
		put.catch(() => undefined);
		waiting.push(put);
		if (waiting.length >= IN_FLIGHT) await waiting.shift();
	}
	await Promise.all(waiting);
	await db.cards.bulkDelete([...change.removed]);
}

/** Removes every stored card of a note. */
export async function removeNoteCards(db: CardTables, noteId: string): Promise<void> {
	await noteRange(db, noteId).delete();
}
