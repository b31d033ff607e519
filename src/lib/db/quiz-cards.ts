import type { Card, Deck } from '$lib/notes/types';
import { NEW, type CardProgress } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { activeStarted } from './ranges';
import { fromCardRow, fromDeckRow, fromProgressRow, type CardRow, type DeckRow } from './rows';

export interface QuizContent {
	/** Every deck, so a quiz knows titles and the tree below each chosen deck. */
	decks: Deck[];
	/** The cards of the chosen decks and their sub-decks (all cards for none), in note order. */
	cards: Card[];
}

/**
 * What a quiz is made from. Note order keeps a table's cards together (the quiz index reads
 * them in one pass) and makes the same seed ask the same quiz after a reload.
 */
export function quizCards(deckIds: readonly string[]): Promise<QuizContent> {
	return read(['notes', 'decks', 'cards'], async (db) => {
		const notePos = new Map((await db.notes.toArray()).map((note) => [note.id, note.pos]));
		const deckRows = (await db.decks.toArray()).sort((a, b) => (notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos);
		const cards = deckIds.length === 0 ? await everyCard(db, notePos) : await subtreeCards(db, deckIds, notePos);
		return { decks: deckRows.map(fromDeckRow), cards: cards.map(fromCardRow) };
	});
}

async function everyCard(db: Tables, notePos: Map<string, number>): Promise<CardRow[]> {
	const notes = [...notePos.keys()].sort((a, b) => notePos.get(a)! - notePos.get(b)!);
	const perNote = await Promise.all(notes.map((noteId) => db.cards.where('[noteId+pos]').between([noteId, MIN_KEY], [noteId, MAX_KEY]).toArray()));
	return perNote.flat();
}

async function subtreeCards(db: Tables, deckIds: readonly string[], notePos: Map<string, number>): Promise<CardRow[]> {
	const decks = new Map<string, DeckRow>();
	for (const subtree of await Promise.all(deckIds.map((id) => subtreeDecks(db, id)))) {
		for (const deck of subtree) decks.set(deck.id, deck);
	}
	const perDeck = await Promise.all([...decks.keys()].map((id) => db.cards.where('deckId').equals(id).toArray()));
	return perDeck.flat().sort((a, b) => (notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos);
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
