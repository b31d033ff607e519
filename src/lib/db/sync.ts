import type { DeckIndex } from '$lib/notes/types';
import { database, write } from './database';
import { parseDeckIndex, parseNoteDecks } from './deck-json';
import { type NoteRow } from './rows';
import { removeNote, replaceNote } from './note-content';

export interface SyncReport {
	/** Note ids (root deck ids) by what happened to them. */
	added: string[];
	updated: string[];
	removed: string[];
	unchanged: number;
}

/**
 * Brings the content tables in line with the deck JSON, touching only notes whose hash
 * changed. `fetchJson` gets paths relative to the decks folder ('index.json', '<id>.json').
 * Everything is fetched and checked first, then applied in one transaction: a wrong schema,
 * a broken file or a failed fetch throws and changes nothing. Progress is never deleted:
 * a card that left the notes keeps its row, hidden, until it comes back.
 */
export async function syncDecks(fetchJson: (path: string) => Promise<unknown>): Promise<SyncReport> {
	const index = parseDeckIndex(await fetchJson('index.json'));
	const rows = await database().notes.toArray();
	// Notes added on this device are the person's, not the build's: never removed or replaced
	// here. A bundled note with the same id (the same file name) waits until that one is removed.
	const device = new Set(rows.filter((row) => row.source === 'device').map((row) => row.id));
	const stored = new Map(rows.filter((row) => !device.has(row.id)).map((row) => [row.id, row]));
	const entries = index.notes.filter((entry) => !device.has(entry.deckId));
	const changed = entries.filter((entry) => stored.get(entry.deckId)?.hash !== entry.hash);
	const fetched = await Promise.all(changed.map(async (entry) => ({ entry, note: parseNoteDecks(await fetchJson(entry.json), entry) })));
	const listed = new Set(entries.map((entry) => entry.deckId));
	const removed = [...stored.keys()].filter((id) => !listed.has(id));
	const noteRows = index.notes.map(toNoteRow).filter((row) => !device.has(row.id));
	const moved = noteRows.some((row) => stored.get(row.id)?.pos !== row.pos);

	if (changed.length > 0 || removed.length > 0 || moved) {
		await write(['notes', 'decks', 'cards', 'progress'], async (db) => {
			for (const id of removed) await removeNote(db, id);
			for (const { entry, note } of fetched) await replaceNote(db, entry.deckId, note);
			await db.notes.bulkPut(noteRows);
		});
	}
	return {
		added: changed.filter((entry) => !stored.has(entry.deckId)).map((entry) => entry.deckId),
		updated: changed.filter((entry) => stored.has(entry.deckId)).map((entry) => entry.deckId),
		removed,
		unchanged: entries.length - changed.length
	};
}

/** Whether any notes' decks are stored: then the app can start from them while it checks for newer ones. */
export async function hasStoredDecks(): Promise<boolean> {
	return (await database().notes.count()) > 0;
}

function toNoteRow(entry: DeckIndex['notes'][number], pos: number): NoteRow {
	return { id: entry.deckId, file: entry.file, json: entry.json, hash: entry.hash, pos };
}
