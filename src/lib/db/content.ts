import type { Card, Deck } from '$lib/notes/types';
import type { CardProgress } from '$lib/scheduler/types';
import { CARD_TABLES, cardsById, cardsOfDeck, placesById } from './card-store';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { fromCardRow, fromDeckRow, fromProgressRow, type DeckRow } from './rows';

export interface CardWithProgress {
	card: Card;
	/** null for a card never studied. */
	progress: CardProgress | null;
}

function byNoteThenPos(notePos: Map<string, number>) {
	return (a: DeckRow, b: DeckRow) => (notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos;
}

/** Deck rows sorted as the tree shows them: notes in index order, each note's decks parent before child. */
export function inTreeOrder(decks: DeckRow[], notes: { id: string; pos: number }[]): DeckRow[] {
	return [...decks].sort(byNoteThenPos(new Map(notes.map((note) => [note.id, note.pos]))));
}

/** Every deck, notes in index order, each note's decks parent before child. */
export function deckTree(): Promise<Deck[]> {
	return read(['notes', 'decks'], async (db) => {
		const [notes, decks] = await Promise.all([db.notes.toArray(), db.decks.toArray()]);
		return inTreeOrder(decks, notes).map(fromDeckRow);
	});
}

export function getDeck(deckId: string): Promise<Deck | undefined> {
	return read(['decks'], async (db) => {
		const row = await db.decks.get(deckId);
		return row && fromDeckRow(row);
	});
}

/** The deck and every deck below it, in note order. Empty when the deck is unknown. */
export async function subtreeDecks(db: Tables, deckId: string): Promise<DeckRow[]> {
	const root = await db.decks.get(deckId);
	if (!root) return [];
	const decks = (await db.decks.where('noteId').equals(root.noteId).toArray()).sort((a, b) => a.pos - b.pos);
	const inside = new Set([deckId]);
	// Parents come before children in a note's deck list, so one pass finds the subtree.
	return decks.filter((deck) => {
		if (deck.id === deckId || (deck.parentId !== null && inside.has(deck.parentId))) {
			inside.add(deck.id);
			return true;
		}
		return false;
	});
}

/**
 * The cards of a deck and its sub-decks in note order, each with its progress: for a deck
 * page (a few thousand cards at most). Hidden progress (cards gone from the notes) is left out.
 */
export function deckCards(deckId: string): Promise<CardWithProgress[]> {
	return read(['decks', ...CARD_TABLES, 'progress'], async (db) => {
		const decks = await subtreeDecks(db, deckId);
		const perDeck = await Promise.all(
			decks.map(async (deck) => ({
				cards: await cardsOfDeck(db, deck),
				progress: await db.progress.where('[deckId+cardId]').between([deck.id, MIN_KEY], [deck.id, MAX_KEY]).toArray()
			}))
		);
		const progress = new Map(perDeck.flatMap((d) => d.progress).map((row) => [row.cardId, row]));
		return perDeck
			.flatMap((d) => d.cards)
			.sort((a, b) => a.pos - b.pos)
			.map((row) => {
				const saved = progress.get(row.id);
				return { card: fromCardRow(row), progress: saved ? fromProgressRow(saved) : null };
			});
	});
}

/** Where cards are (deck and note), in the order asked; ids not in the notes are skipped. */
export function cardPlaces(cardIds: string[]): Promise<{ deckId: string; noteId: string }[]> {
	return read(CARD_TABLES, async (db) =>
		(await placesById(db, cardIds)).filter((row) => row !== undefined).map(({ deckId, noteId }) => ({ deckId, noteId }))
	);
}

/** Cards by id, in the order asked; ids not in the notes are skipped. */
export function getCards(cardIds: string[]): Promise<Card[]> {
	return read(CARD_TABLES, async (db) => (await cardsById(db, cardIds)).filter((row) => row !== undefined).map(fromCardRow));
}
