/**
 * A note's decks and cards in the content tables, replaced or removed as one, with its cards'
 * progress placed (shown or hidden) to match: used by the deck refresh (sync.ts) and by notes
 * added in the app (device-notes.ts, note-sync.ts). Kept apart from the deck refresh so that
 * sync's lazily loaded code reaches these without it (with it, `/` loaded 0.3 kB more).
 */
import type { NoteDecks } from '$lib/notes/types';
import { MAX_KEY, MIN_KEY, type Tables } from './database';
import { progressKey, toCardRow, toDeckRow, type ProgressRow } from './rows';

async function deleteContent(db: Tables, noteId: string): Promise<void> {
	await db.decks.where('noteId').equals(noteId).delete();
	await db.cards.where('[noteId+pos]').between([noteId, MIN_KEY], [noteId, MAX_KEY]).delete();
}

export async function removeNote(db: Tables, noteId: string): Promise<void> {
	await deleteContent(db, noteId);
	await db.progress.where('noteId').equals(noteId).modify({ live: 0, active: 0 });
	await db.notes.delete(noteId);
}

export async function replaceNote(db: Tables, noteId: string, note: NoteDecks): Promise<void> {
	await deleteContent(db, noteId);
	const ownCards = new Map<string, number>();
	for (const card of note.cards) ownCards.set(card.deckId, (ownCards.get(card.deckId) ?? 0) + 1);
	await db.decks.bulkAdd(note.decks.map((deck, pos) => toDeckRow(deck, noteId, pos, ownCards.get(deck.id) ?? 0)));
	await db.cards.bulkAdd(note.cards.map((card, pos) => toCardRow(card, noteId, pos)));
	await placeProgress(db, noteId, new Map(note.cards.map((card) => [card.id, card.deckId])));
}

/**
 * Shows the progress of the note's cards and hides the rest of the note's rows. Rows
 * imported before their card existed (noteId '') are placed here too when their card is.
 */
async function placeProgress(db: Tables, noteId: string, deckOf: Map<string, string>): Promise<void> {
	const [own, unplaced] = await Promise.all([
		db.progress.where('noteId').equals(noteId).toArray(),
		db.progress.where('noteId').equals('').toArray()
	]);
	const stale: ProgressRow[] = [];
	const updated: ProgressRow[] = [];
	for (const row of [...own, ...unplaced.filter((row) => deckOf.has(row.cardId))]) {
		const deckId = deckOf.get(row.cardId) ?? row.deckId;
		const live = deckOf.has(row.cardId) ? 1 : 0;
		const active = live === 1 && row.suspended === 0 ? 1 : 0;
		if (deckId === row.deckId && noteId === row.noteId && live === row.live && active === row.active) continue;
		if (deckId !== row.deckId) stale.push(row);
		updated.push({ ...row, deckId, noteId, live, active });
	}
	await db.progress.bulkDelete(stale.map(progressKey));
	await db.progress.bulkPut(updated);
}
