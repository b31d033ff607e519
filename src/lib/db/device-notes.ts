/**
 * Notes added in the app: stored as content beside the bundled notes, marked `source:
 * 'device'` so that a deck refresh (sync.ts) never touches them. Their cards follow the same
 * identity rules, so adding a note again after editing keeps every unchanged card's progress.
 * Each add and removal journals a note event (note-log.ts), so the note follows the person's devices.
 */
import type { Card, NoteDecks } from '$lib/notes/types';
import { CARD_TABLES, cardsOfNote } from './card-store';
import { read, write, type Tables } from './database';
import { fromCardRow } from './rows';
import { journalNote } from './note-log';
import { removeNote, replaceNote } from './note-content';

/** After every bundled note: they are numbered from 0 in index order. */
const DEVICE_POS = 1_000_000;

/** The note already holding some of a new note's deck ids. */
export interface NoteClash {
	file: string;
	bundled: boolean;
}

export class NoteClashError extends Error {
	/** `file`: the note refused, when it is not the one on screen (a note in a backup). */
	constructor(
		readonly clash: NoteClash,
		readonly file = ''
	) {
		super(`${file ? `${file}: ` : ''}its decks have the same ids as the decks of ${clash.file}`);
		this.name = 'NoteClashError';
	}
}

export interface DeviceNoteInfo {
	id: string;
	file: string;
	cardCount: number;
	markdown: string;
}

export interface AddPlan {
	/** Another note (bundled, or added from another file) whose decks have these ids; null when none. */
	clash: NoteClash | null;
	/** The cards of the same device note stored now (a re-import); null for a new note. */
	before: Card[] | null;
}

/** What adding `note` would do: refused for a clash, or a new note, or the new version of one. */
export function planDeviceNote(note: NoteDecks): Promise<AddPlan> {
	return read(['notes', 'decks', ...CARD_TABLES], async (db) => {
		const clash = await clashOf(db, note);
		if (clash) return { clash, before: null };
		const rootId = note.decks[0].id;
		const existing = await db.notes.get(rootId);
		if (!existing) return { clash: null, before: null };
		const rows = await cardsOfNote(db, rootId);
		return { clash: null, before: rows.map(fromCardRow) };
	});
}

/**
 * Stores a note added on this device with its decks and cards, in one transaction, replacing
 * the earlier version of the same note. Progress of cards still in it stays; the rest is hidden.
 * Throws NoteClashError (changing nothing) when another note owns any of its deck ids.
 */
export function storeDeviceNote(file: string, markdown: string, note: NoteDecks, now = Date.now()): Promise<void> {
	return write(['notes', 'decks', ...CARD_TABLES, 'progress', 'events', 'settings'], async (db) => {
		await putDeviceNote(db, file, markdown, note);
		await journalNote(db, note.decks[0].id, file, markdown, now);
	});
}

/** storeDeviceNote inside a transaction of the caller's (a restore, a sync) that holds notes, decks, CARD_TABLES and progress. */
export async function putDeviceNote(db: Tables, file: string, markdown: string, note: NoteDecks): Promise<void> {
	const clash = await clashOf(db, note);
	if (clash) throw new NoteClashError(clash, file);
	const rootId = note.decks[0].id;
	const existing = await db.notes.get(rootId);
	const devicePos = (await db.notes.toArray()).filter((row) => row.source === 'device').map((row) => row.pos);
	const pos = existing?.pos ?? Math.max(DEVICE_POS - 1, ...devicePos) + 1;
	const { digests } = await replaceNote(db, rootId, note);
	await db.notes.put({ id: rootId, file, json: '', hash: note.hash, pos, source: 'device', markdown, cardDigests: digests });
}

/** A note from a backup or another device, with what the builder made of its markdown here. */
export interface CarriedNote {
	file: string;
	markdown: string;
	note: NoteDecks;
}

/**
 * Which of `notes` (from a backup) this database lacks. A device note with the same root id
 * is already here and stays as it is (the one here is never overwritten by an older copy);
 * a note whose decks another note owns throws NoteClashError.
 */
export async function absentDeviceNotes(db: Tables, notes: CarriedNote[]): Promise<CarriedNote[]> {
	const absent: CarriedNote[] = [];
	for (const carried of notes) {
		const clash = await clashOf(db, carried.note);
		if (clash) throw new NoteClashError(clash, carried.file);
		if (!(await db.notes.get(carried.note.decks[0].id))) absent.push(carried);
	}
	return absent;
}

/** Removes a device note's decks and cards; their progress is kept, hidden. Bundled notes are left alone. */
export function removeDeviceNote(noteId: string, now = Date.now()): Promise<boolean> {
	return write(['notes', 'decks', ...CARD_TABLES, 'progress', 'events', 'settings'], async (db) => {
		const row = await db.notes.get(noteId);
		if (row?.source !== 'device') return false;
		await removeNote(db, noteId);
		await journalNote(db, noteId, row.file, null, now);
		return true;
	});
}

/** The notes added on this device, in the order they were added. */
export function deviceNotes(): Promise<DeviceNoteInfo[]> {
	return read(['notes', 'decks'], async (db) => {
		const rows = (await db.notes.toArray()).filter((row) => row.source === 'device').sort((a, b) => a.pos - b.pos);
		const roots = await db.decks.bulkGet(rows.map((row) => row.id));
		return rows.map((row, i) => ({ id: row.id, file: row.file, cardCount: roots[i]?.cardCount ?? 0, markdown: row.markdown ?? '' }));
	});
}

/**
 * Deck ids come from the note's file name (notes/ids.ts), so a note named like a bundled one
 * has that note's ids. Only the same device note may own them.
 */
async function clashOf(db: Tables, note: NoteDecks): Promise<NoteClash | null> {
	const rootId = note.decks[0].id;
	const owners = new Set([rootId]);
	for (const row of await db.decks.bulkGet(note.decks.map((deck) => deck.id))) if (row) owners.add(row.noteId);
	for (const id of owners) {
		const row = await db.notes.get(id);
		if (row && (row.source !== 'device' || id !== rootId)) return { file: row.file, bundled: row.source !== 'device' };
	}
	return null;
}
