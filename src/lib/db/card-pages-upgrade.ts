/**
 * Schema version 6's upgrade: every card row of version 5 into its note's directory and pages
 * (db/card-store.ts), in the upgrade's own transaction, so a cut upgrade leaves version 5 whole.
 * Rows are grouped by note and ordered by their place, as version 5's [noteId+pos] index did;
 * a row that is not a card (no id, note or place) is left behind with the old table.
 */
import type { Table } from 'dexie';
import { packNote } from './card-store';
import type { CardNoteRow, CardPageRow, CardRow } from './rows';

const isCardRow = (row: unknown): row is CardRow => {
	if (row === null || typeof row !== 'object') return false;
	const { id, noteId, deckId, pos } = row as Partial<CardRow>;
	return typeof id === 'string' && typeof noteId === 'string' && typeof deckId === 'string' && typeof pos === 'number';
};

export async function packStoredCards(
	cards: Table<unknown, string>,
	cardNotes: Table<CardNoteRow, string>,
	cardPages: Table<CardPageRow, [string, number]>
): Promise<void> {
	const byNote = new Map<string, CardRow[]>();
	for (const row of await cards.toArray()) {
		if (!isCardRow(row)) continue;
		const list = byNote.get(row.noteId);
		if (list) list.push(row);
		else byNote.set(row.noteId, [row]);
	}
	for (const [noteId, rows] of byNote) {
		// Places were 0, 1, 2… in every version; numbered again in case one was not, since a page finds a card by its place.
		const ordered = rows.sort((a, b) => a.pos - b.pos).map((row, pos) => (row.pos === pos ? row : { ...row, pos }));
		const { directory, pages } = packNote(noteId, ordered);
		await cardNotes.put(directory);
		await cardPages.bulkPut(pages);
	}
}
