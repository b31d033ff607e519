import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, readBackup } from '$lib/backup/read';
import { BackupWriter, type BackupHead } from '$lib/backup/write';
import { compileBackupNotes } from '$lib/import/backup-notes';
import { readNote } from '$lib/import/read-note';
import type { NoteDecks } from '$lib/notes/types';
import { backupNotes, exportBackup, previewRestore, restoreBackup } from './backup';
import { deckCards, deckTree } from './content';
import { closeDatabase, database } from './database';
import { deviceNotes, NoteClashError, storeDeviceNote } from './device-notes';
import { getProgress, recordReview } from './progress';
import { syncDecks } from './sync';
import { DAY, k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from './testing';

const markdown = readFileSync('tests/fixtures/notes/import/http-basics.md', 'utf8');
const compile = (file: string, text: string) => JSON.parse(readNote(file, new TextEncoder().encode(text)).output!.json!) as NoteDecks;

async function freshDevice() {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
}

async function exportText(head: Partial<BackupHead> = {}): Promise<string> {
	const writer = new BackupWriter({ exportedAt: NOW, settings: {}, preferences: {}, notes: await backupNotes(), ...head }, (texts) =>
		texts.join('')
	);
	await exportBackup(writer);
	return writer.finish().join('');
}

/** Reads a backup and compiles its notes as the app does (in a worker there). */
async function readWithNotes(text: string) {
	const backup = await readBackup([text], { now: NOW });
	return { backup, notes: await compileBackupNotes(backup.notes, readNote) };
}

/** Every deck id and card id (with its deck) stored, in order. */
async function content() {
	const decks = await deckTree();
	const cards = await Promise.all(decks.map(async (deck) => (await deckCards(deck.id)).map((c) => `${deck.id}/${c.card.id}`)));
	return { decks: decks.map((deck) => deck.id), cards: cards.flat() };
}

beforeEach(freshDevice);
afterEach(closeDatabase);

describe('notes added in the app travel in the backup', () => {
	it('round trip: the same notes, decks and card ids, with their progress attached', async () => {
		const note = compile('http-basics.md', markdown);
		await storeDeviceNote('http-basics.md', markdown, note);
		const cardId = note.cards[0].id;
		const reviewed = progressOf(cardId, { lastReview: NOW - DAY, due: NOW + 2 * DAY });
		await recordReview(reviewed, logOf(reviewed, null, NOW - DAY));
		const before = await content();
		const text = await exportText();
		expect(JSON.parse(text).notes).toEqual([{ file: 'http-basics.md', markdown }]);

		await freshDevice();
		const { backup, notes } = await readWithNotes(text);
		expect(await previewRestore(backup, notes)).toMatchObject({ notesAdded: ['http-basics.md'], cardsAdded: 1, reviewsAdded: 1 });
		await restoreBackup(backup, undefined, notes);

		expect(await content()).toEqual(before);
		expect(await deviceNotes()).toEqual([{ id: note.decks[0].id, file: 'http-basics.md', cardCount: note.cards.length, markdown }]);
		expect(await getProgress(cardId)).toEqual(reviewed);
		const row = await database().progress.where('cardId').equals(cardId).first();
		expect(row).toMatchObject({ deckId: note.cards[0].deckId, noteId: note.decks[0].id, live: 1, active: 1 });
		// A second restore finds the note already here.
		expect(await previewRestore(backup, notes)).toMatchObject({ notesAdded: [], reviewsAdded: 0 });
	});

	it('a backup without notes (from before them) still restores', async () => {
		const reviewed = progressOf('s1', { lastReview: NOW - DAY, due: NOW + 2 * DAY });
		await recordReview(reviewed, logOf(reviewed, null, NOW - DAY));
		const text = await exportText({ notes: [] });
		expect(JSON.parse(text)).not.toHaveProperty('notes');

		await freshDevice();
		const { backup, notes } = await readWithNotes(text);
		expect(backup.notes).toEqual([]);
		expect(await restoreBackup(backup, undefined, notes)).toMatchObject({ notesAdded: [], reviewsAdded: 1 });
		expect(await getProgress('s1')).toEqual(reviewed);
	});

	it('a device note already here stays as it is here', async () => {
		await storeDeviceNote('http-basics.md', markdown, compile('http-basics.md', markdown));
		const text = await exportText();
		const edited = markdown.replace('| 200 | OK |', '| 200 | OK (edited here) |');
		await storeDeviceNote('http-basics.md', edited, compile('http-basics.md', edited));
		const { backup, notes } = await readWithNotes(text);
		expect(await restoreBackup(backup, undefined, notes)).toMatchObject({ notesAdded: [] });
		expect((await deviceNotes())[0].markdown).toBe(edited);
	});
});

describe('a note in a backup that cannot be added refuses the restore and changes nothing', () => {
	async function backupWith(notes: { file: string; markdown: string }[]) {
		return readBackup([await exportText({ notes })], { now: NOW });
	}

	it('a note without tables, or one that is not a note at all', async () => {
		const backup = await backupWith([{ file: 'prose.md', markdown: '# Prose only\n' }]);
		await expect(compileBackupNotes(backup.notes, readNote)).rejects.toThrow(
			new BackupError('note', 'The note prose.md in the backup cannot be added: it has no tables')
		);
		await expect(
			readBackup([(await exportText()).replace('"settings"', '"notes":[{"file":"x.md"}],"settings"')], { now: NOW })
		).rejects.toThrow(/notes item 1/);
	});

	it('two notes of the backup with the same decks', async () => {
		const backup = await backupWith([
			{ file: 'http-basics.md', markdown },
			{ file: 'http-basics.md', markdown: markdown.replace('OK', 'Fine') }
		]);
		await expect(compileBackupNotes(backup.notes, readNote)).rejects.toMatchObject({ kind: 'note' });
	});

	it('a note whose decks a bundled note owns', async () => {
		const bundled = compile('http-basics.md', markdown);
		await syncDecks(serve([k8sNote(), bundled]).fetchJson);
		const before = await content();
		const { backup, notes } = await readWithNotes(await exportText({ notes: [{ file: 'http-basics.md', markdown }] }));
		await expect(previewRestore(backup, notes)).rejects.toBeInstanceOf(NoteClashError);
		await expect(restoreBackup(backup, undefined, notes)).rejects.toThrow(/http-basics.md: its decks have the same ids/);
		expect(await content()).toEqual(before);
		expect(await deviceNotes()).toEqual([]);
	});
});
