/**
 * Notes added in the app travel as note events (sync/events.ts NoteEvent): each add, re-import
 * and removal journals the note's whole markdown, or a tombstone. A settings row remembers, per
 * note, the latest event applied here and the latest pulled one still waiting to be built
 * (note-sync.ts), so an older copy never replaces a newer one and a removal stays removed.
 */
import type { NoteEvent } from '$lib/sync/events';
import type { Tables } from './database';
import { maker } from './device';
import { journal } from './journal';
import { NOTES_SYNC_KEY } from './sync-keys';

export interface NoteStamp {
	id: string;
	at: number;
	removed: boolean;
}

export interface NotesSync {
	applied: Record<string, NoteStamp>;
	waiting: Record<string, NoteStamp>;
}

const isStamp = (value: unknown): value is NoteStamp => {
	const s = value as Partial<NoteStamp> | null;
	return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.at === 'number' && typeof s.removed === 'boolean';
};

function stamps(value: unknown): Record<string, NoteStamp> {
	if (typeof value !== 'object' || value === null) return {};
	return Object.fromEntries(Object.entries(value).filter(([, stamp]) => isStamp(stamp)));
}

/** The stored register; anything unreadable reads as empty (notes are then journalled again, harmlessly). */
export async function notesSync(db: Pick<Tables, 'settings'>): Promise<NotesSync> {
	const value = (await db.settings.get(NOTES_SYNC_KEY))?.value as Partial<NotesSync> | undefined;
	return { applied: stamps(value?.applied), waiting: stamps(value?.waiting) };
}

export function putNotesSync(db: Pick<Tables, 'settings'>, state: NotesSync): Promise<string> {
	return db.settings.put({ key: NOTES_SYNC_KEY, value: state });
}

/** Event order (sync/events.ts compareEvents): by time, then id. */
export function isLater(a: Pick<NoteStamp, 'id' | 'at'>, b: Pick<NoteStamp, 'id' | 'at'> | undefined): boolean {
	return !b || a.at > b.at || (a.at === b.at && a.id > b.id);
}

export const stampOf = (event: NoteEvent): NoteStamp => ({ id: event.id, at: event.at, removed: event.markdown === null });

/**
 * Inside a write holding events and settings: journals a note's state made on this device.
 * Its time is after the note's latest applied event, even with this device's clock behind,
 * so that every device agrees this edit is the latest.
 */
export async function journalNote(
	db: Pick<Tables, 'events' | 'settings'>,
	noteId: string,
	file: string,
	markdown: string | null,
	now: number
): Promise<void> {
	const state = await notesSync(db);
	const at = Math.max(now, (state.applied[noteId]?.at ?? 0) + 1);
	const event = maker().note(noteId, file, markdown, at);
	await journal(db, [event]);
	state.applied[noteId] = stampOf(event);
	delete state.waiting[noteId];
	await putNotesSync(db, state);
}

/** Inside the write that stores pulled events: notes whose pulled event is newer than any here wait to be built. */
export async function notePulled(db: Pick<Tables, 'settings'>, events: readonly NoteEvent[]): Promise<void> {
	if (events.length === 0) return;
	const state = await notesSync(db);
	for (const event of events) {
		const stamp = stampOf(event);
		if (isLater(stamp, state.applied[event.noteId]) && isLater(stamp, state.waiting[event.noteId])) state.waiting[event.noteId] = stamp;
	}
	await putNotesSync(db, state);
}
