import type { Card, Deck } from '$lib/notes/types';
import { NEW, type CardProgress } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { CARD_TABLES, cardsOfDeck, cardsOfNote, cardsOfNotes } from './card-store';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { activeStarted } from './ranges';
import { fromCardRow, fromDeckRow, fromProgressRow, type CardRow, type DeckRow } from './rows';

export interface QuizContent {
	/** The decks in scope (every deck for none chosen): their titles and the tree below each chosen deck. */
	decks: Deck[];
	/** The cards of the chosen decks and their sub-decks (all cards for none), in note order. */
	cards: Card[];
}

/**
 * What a quiz is made from. Note order keeps a table's cards together (the quiz index reads
 * them in one pass) and makes the same seed ask the same quiz after a reload.
 */
export function quizCards(deckIds: readonly string[]): Promise<QuizContent> {
	return read(['notes', 'decks', ...CARD_TABLES], async (db) => {
		const notePos = new Map((await db.notes.toArray()).map((note) => [note.id, note.pos]));
		const inNoteOrder = (a: { noteId: string; pos: number }, b: { noteId: string; pos: number }) =>
			(notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos;
		if (deckIds.length === 0) {
			const [decks, cards] = await Promise.all([db.decks.toArray(), everyCard(db, notePos)]);
			return { decks: decks.sort(inNoteOrder).map(fromDeckRow), cards: cards.map(fromCardRow) };
		}
		const decks = new Map<string, DeckRow>();
		for (const subtree of await Promise.all(deckIds.map((id) => subtreeDecks(db, id)))) {
			for (const deck of subtree) decks.set(deck.id, deck);
		}
		const cards = await subtreeCards(db, [...decks.values()]);
		return { decks: [...decks.values()].sort(inNoteOrder).map(fromDeckRow), cards: cards.sort(inNoteOrder).map(fromCardRow) };
	});
}

async function everyCard(db: Tables, notePos: Map<string, number>): Promise<CardRow[]> {
	const notes = [...notePos.keys()].sort((a, b) => notePos.get(a)! - notePos.get(b)!);
	return cardsOfNotes(db, notes);
}

/**
 * The cards of these decks, note by note: one range read of the whole note when the decks
 * hold most of it (a note or a big section), else one read per deck (a table or two), since
 * a note of thousands of cards costs far more to read than a hundred small queries.
 */
async function subtreeCards(db: Tables, decks: DeckRow[]): Promise<CardRow[]> {
	const byNote = new Map<string, DeckRow[]>();
	for (const deck of decks) byNote.set(deck.noteId, [...(byNote.get(deck.noteId) ?? []), deck]);
	const perNote = await Promise.all(
		[...byNote].map(async ([noteId, noteDecks]) => {
			const wanted = noteDecks.reduce((sum, deck) => sum + deck.ownCards, 0);
			// A note's root deck has the note's id and counts every card of the note.
			const noteCards = (await db.decks.get(noteId))?.cardCount ?? Infinity;
			if (wanted * 2 < noteCards) return (await Promise.all(noteDecks.map((deck) => cardsOfDeck(db, deck)))).flat();
			const ids = new Set(noteDecks.map((deck) => deck.id));
			return (await cardsOfNote(db, noteId)).filter((card) => ids.has(card.deckId));
		})
	);
	return perNote.flat();
}

/**
 * Progress of the studied (not new), visible, unsuspended cards of these decks and their
 * sub-decks (all decks for none): what "due soon" and "weakest" quizzes rank.
 */
export function quizProgress(deckIds: readonly string[]): Promise<CardProgress[]> {
	return read(['decks', 'progress'], async (db) => {
		if (deckIds.length === 0) return (await activeStarted(db).toArray()).map(fromProgressRow);
		const decks = new Set((await Promise.all(deckIds.map((id) => subtreeDecks(db, id)))).flat().map((deck) => deck.id));
		const rows = await Promise.all(
			[...decks].map((id) => db.progress.where('[deckId+cardId]').between([id, MIN_KEY], [id, MAX_KEY]).toArray())
		);
		return rows
			.flat()
			.filter((row) => row.active === 1 && row.state !== NEW)
			.map(fromProgressRow);
	});
}
