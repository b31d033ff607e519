import type { DeckIndex } from '$lib/notes/types';
import { CARD_TABLES } from './card-store';
import { database, write, type TableName } from './database';
import { parseDeckIndex, parseNoteDecks } from './deck-json';
import { removeNote, replaceNote } from './note-content';
import type { NoteRow } from './rows';

export interface SyncReport {
	/** Note ids (root deck ids) by what happened to them. */
	added: string[];
	updated: string[];
	removed: string[];
	unchanged: number;
	/** Card rows written (new, moved or edited) and deleted: a note's unchanged cards are not touched. */
	cardsWritten: number;
	cardsRemoved: number;
}

/** How far a running sync is, in cards of the notes it writes: `done` of `total`. */
export interface SyncProgress {
	done: number;
	total: number;
}

export interface SyncOptions {
	/** Called before the first note is written and after each one. */
	onProgress?: (progress: SyncProgress) => void;
}

const CONTENT: TableName[] = ['notes', 'decks', ...CARD_TABLES, 'progress'];

/**
 * Brings the content tables in line with the deck JSON, touching only notes whose hash
 * changed, and in those only the cards that changed. `fetchJson` gets paths relative to the
 * decks folder ('index.json', '<id>.json'). Everything is fetched and checked first: a wrong
 * schema, a broken file or a failed fetch throws and changes nothing. Then each note is
 * written in a transaction of its own, its new hash last, with a pause for the page between
 * notes: a reader sees every note whole, either as it was or as it is now, and a rating waits
 * for one note at most. A sync cut off half-way (a closed tab, a full disk) leaves the notes
 * not yet written as they were, with their old hashes, so the next sync finishes them.
 * Progress is never deleted: a card that left the notes keeps its row, hidden, until it comes back.
 */
export async function syncDecks(fetchJson: (path: string) => Promise<unknown>, options: SyncOptions = {}): Promise<SyncReport> {
	const index = parseDeckIndex(await fetchJson('index.json'));
	const rows = await database().notes.toArray();
	// Notes added on this device are the person's, not the build's: never removed or replaced
	// here. A bundled note with the same id (the same file name) waits until that one is removed.
	const device = new Set(rows.filter((row) => row.source === 'device').map((row) => row.id));
	const stored = new Map(rows.filter((row) => !device.has(row.id)).map((row) => [row.id, row]));
	const entries = index.notes.filter((entry) => !device.has(entry.deckId));
	const changed = entries.filter((entry) => stored.get(entry.deckId)?.hash !== entry.hash);
	// The progress line shows while the changed notes download (seconds on a phone's network), not only while they are written.
	const listedTotal = changed.reduce((sum, entry) => sum + entry.cardCount, 0);
	if (changed.length > 0) options.onProgress?.({ done: 0, total: listedTotal });
	const fetched = await Promise.all(changed.map(async (entry) => ({ entry, note: parseNoteDecks(await fetchJson(entry.json), entry) })));
	const listed = new Set(entries.map((entry) => entry.deckId));
	const removed = [...stored.keys()].filter((id) => !listed.has(id));
	const noteRows = new Map(index.notes.map((entry, pos) => [entry.deckId, toNoteRow(entry, pos)]));
	const moved = [...stored.values()].filter((row) => listed.has(row.id) && !sameListing(row, noteRows.get(row.id)!));

	const report: SyncReport = {
		added: changed.filter((entry) => !stored.has(entry.deckId)).map((entry) => entry.deckId),
		updated: changed.filter((entry) => stored.has(entry.deckId)).map((entry) => entry.deckId),
		removed,
		unchanged: entries.length - changed.length,
		cardsWritten: 0,
		cardsRemoved: 0
	};
	const total = fetched.reduce((sum, { note }) => sum + note.cards.length, 0);
	let done = 0;
	if (fetched.length > 0 && total !== listedTotal) options.onProgress?.({ done, total });
	for (const id of removed) {
		await write(CONTENT, async (db) => {
			// Checked again in each transaction: another tab may have synced, or a note been added here, meanwhile.
			if ((await db.notes.get(id))?.source !== 'device') await removeNote(db, id);
		});
		await pause();
	}
	for (const { entry, note } of fetched) {
		const changes = await write(CONTENT, async (db) => {
			const now = await db.notes.get(entry.deckId);
			if (now?.source === 'device' || (now && now.hash === entry.hash)) return null;
			const written = await replaceNote(db, entry.deckId, note);
			await db.notes.put({ ...noteRows.get(entry.deckId)!, cardDigests: written.digests });
			return written;
		});
		report.cardsWritten += changes?.cards ?? 0;
		report.cardsRemoved += changes?.removedCards ?? 0;
		done += note.cards.length;
		options.onProgress?.({ done, total });
		await pause();
	}
	if (moved.length > 0) {
		await write(['notes'], async (db) => {
			for (const row of moved) {
				const now = await db.notes.get(row.id);
				const { pos, file, json } = noteRows.get(row.id)!;
				if (now && now.source !== 'device') await db.notes.put({ ...now, pos, file, json });
			}
		});
	}
	return report;
}

/** Whether any notes' decks are stored: then the app can start from them while it checks for newer ones. */
export async function hasStoredDecks(): Promise<boolean> {
	return (await database().notes.count()) > 0;
}

function toNoteRow(entry: DeckIndex['notes'][number], pos: number): NoteRow {
	return { id: entry.deckId, file: entry.file, json: entry.json, hash: entry.hash, pos };
}

function sameListing(row: NoteRow, listed: NoteRow): boolean {
	return row.pos === listed.pos && row.file === listed.file && row.json === listed.json;
}

/** A task boundary, so input and painting run between two notes' transactions. */
function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
