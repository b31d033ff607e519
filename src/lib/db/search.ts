import type { Deck } from '$lib/notes/types';
import type { CardWithProgress } from './content';
import { MAX_KEY, MIN_KEY, read } from './database';
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
	return read(['notes', 'decks', 'cards', 'progress'], async (db) => {
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		const notePos = new Map(notes.map((note) => [note.id, note.pos]));
		const [decks, perNote, progress] = await Promise.all([
			db.decks.toArray(),
			Promise.all(notes.map((note) => db.cards.where('[noteId+pos]').between([note.id, MIN_KEY], [note.id, MAX_KEY]).toArray())),
			db.progress.toArray()
		]);
		const byCard = new Map(progress.filter((row) => row.live === 1).map((row) => [row.cardId, row]));
		return {
			decks: decks.sort((a, b) => (notePos.get(a.noteId) ?? 0) - (notePos.get(b.noteId) ?? 0) || a.pos - b.pos).map(fromDeckRow),
			cards: perNote.flat().map((row) => {
				const saved = byCard.get(row.id);
				return { card: fromCardRow(row), progress: saved ? fromProgressRow(saved) : null };
			})
		};
	});
}
