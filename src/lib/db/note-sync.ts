/**
 * Applies pulled note events (note-log.ts) after a sync's pull: the newest event of each note
 * wins. Its markdown is built here with the same builder (in a worker in the app), so its cards
 * have the ids they have everywhere and the progress synced for them finds them. A note that
 * cannot be built or whose decks a bundled note owns is reported and left as it is here.
 */
import type { NoteRead } from '$lib/import/read-note';
import type { NoteDecks } from '$lib/notes/types';
import { CARD_TABLES } from './card-store';
import { read, write } from './database';
import { NoteClashError, putDeviceNote } from './device-notes';
import { isLater, journalNote, notesSync, putNotesSync } from './note-log';
import { removeNote } from './note-content';

export type NoteCompiler = (file: string, bytes: Uint8Array) => NoteRead | Promise<NoteRead>;

/**
 * Journals notes that have no event of their own yet (added before sync knew notes, or
 * restored from a backup), so that the next push carries them.
 */
export function journalUnsyncedNotes(now: number): Promise<number> {
	return write(['notes', 'events', 'settings'], async (db) => {
		const { applied } = await notesSync(db);
		const rows = (await db.notes.toArray()).filter((row) => row.source === 'device' && (!applied[row.id] || applied[row.id].removed));
		for (const row of rows) await journalNote(db, row.id, row.file, row.markdown ?? '', now);
		return rows.length;
	});
}

/** Builds and stores every waiting note; returns lines about notes that could not be applied. */
export async function applyWaitingNotes(compile: NoteCompiler): Promise<string[]> {
	const problems: string[] = [];
	const { waiting } = await read(['settings'], notesSync);
	for (const [noteId, stamp] of Object.entries(waiting)) {
		const event = await read(['events'], (db) => db.events.get(stamp.id));
		let note: NoteDecks | null = null;
		if (event?.type === 'note' && event.markdown !== null) {
			const built = await compile(event.file, new TextEncoder().encode(event.markdown));
			const problem = built.refusal ?? built.output?.problems[0]?.message;
			const decks = built.output?.json ? (JSON.parse(built.output.json) as NoteDecks) : null;
			if (problem || !decks) problems.push(`note ${event.file} from another device: ${problem ?? 'no cards'}`);
			else if (decks.decks[0].id !== noteId) problems.push(`note ${event.file} from another device: its decks are not note ${noteId}'s`);
			else note = decks;
		}
		await write(['notes', 'decks', ...CARD_TABLES, 'progress', 'events', 'settings'], async (db) => {
			const state = await notesSync(db);
			// Another pull or an edit here since: that one decides.
			if (state.waiting[noteId]?.id !== stamp.id) return;
			delete state.waiting[noteId];
			if (event?.type === 'note' && isLater(stamp, state.applied[noteId])) {
				if (event.markdown === null) {
					if ((await db.notes.get(noteId))?.source === 'device') await removeNote(db, noteId);
					state.applied[noteId] = stamp;
				} else if (note) {
					try {
						await putDeviceNote(db, event.file, event.markdown, note);
						state.applied[noteId] = stamp;
					} catch (error) {
						if (!(error instanceof NoteClashError)) throw error;
						problems.push(`note ${event.file} from another device: ${error.message}`);
					}
				}
			}
			await putNotesSync(db, state);
		});
	}
	return problems;
}
