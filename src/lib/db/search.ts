import type { Deck } from '$lib/notes/types';
import type { CardWithProgress } from './content';
import { CARD_TABLES, cardsOfNotes } from './card-store';
import { read } from './database';
import { fromCardRow, fromDeckRow, fromProgressRow } from './rows';

export interface SearchContent {
	/** Every deck, notes in index order: titles for the results. */
	decks: Deck[];
	/** Every card in the notes, in note order, with its progress (null when never studied). */
	cards: CardWithProgress[];
}

/**
 * What the search page looks through, read once in one transaction: 100k cards take a second
 * or two, after which every keystroke is searched in memory (src/lib/search). Progress of
 * cards gone from the notes stays hidden, as everywhere else.
 */
export function searchContent(): Promise<SearchContent> {
	return read(['notes', 'decks', ...CARD_TABLES, 'progress'], async (db) => {
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		const notePos = new Map(notes.map((note) => [note.id, note.pos]));
		const [decks, perNote, progress] = await Promise.all([
			db.decks.toArray(),
			cardsOfNotes(
				db,
				notes.map((note) => note.id)
			),
			db.progress.toArray()
		]);
		const byCard = new Map(progress.filter((row) => row.live === 1).map((row) => [row.cardId, row]));
		return {
			decks: decks.sort((a, b) => (notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos).map(fromDeckRow),
			cards: perNote.map((row) => {
				const saved = byCard.get(row.id);
				return { card: fromCardRow(row), progress: saved ? fromProgressRow(saved) : null };
			})
		};
	});
}
