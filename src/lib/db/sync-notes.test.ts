// Notes added in the app follow the person to their other devices through a real pouchdb-server:
// the newest add, edit or removal wins, and progress follows the cards' ids.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { couchForFile } from '../../../tests/couch/vitest';
import { readNote } from '$lib/import/read-note';
import type { NoteDecks } from '$lib/notes/types';
import { rate } from '$lib/scheduler/rate';
import { deckCards, deckTree } from './content';
import { CARD_TABLES } from './card-store';
import { closeDatabase, database, write } from './database';
import { newEventId } from './device';
import { deviceNotes, putDeviceNote, removeDeviceNote, storeDeviceNote } from './device-notes';
import { getProgress, recordReview } from './progress';
import { getSettings } from './settings';
import { syncDecks } from './sync';
import { testDevice } from './sync-device.testing';
import { HOUR, k8sNote, NOW, serve } from './testing';

const couch = couchForFile();
let users = 0;
const markdown = readFileSync('tests/fixtures/notes/import/http-basics.md', 'utf8');
const edited = markdown.replace('| 200 | OK |', '| 200 | OK, with a body |');
const compile = (text: string) => JSON.parse(readNote('http-basics.md', new TextEncoder().encode(text)).output!.json!) as NoteDecks;
const note = compile(markdown);
const noteId = note.decks[0].id;

afterEach(closeDatabase);

const device = (user: string) => testDevice(user, () => couch().url, readNote);

async function newUser(): Promise<string> {
	const name = `notes${++users}`;
	await couch().addUser(name, `pw-${name}`);
	return name;
}

/** The open device's notes added in the app, and every deck and card id of them. */
async function notesHere() {
	const decks = (await deckTree()).filter((deck) => note.decks.some((own) => own.id === deck.id));
	const cards = await Promise.all(decks.map(async (deck) => (await deckCards(deck.id)).map((c) => c.card.id)));
	return { notes: (await deviceNotes()).map((n) => [n.file, n.markdown]), decks: decks.map((d) => d.id), cards: cards.flat() };
}

describe('notes added in the app sync between devices', () => {
	it('a note added on one device appears on the other with the same ids, and its progress with it', async () => {
		const user = await newUser();
		const [phone, laptop] = [device(user), device(user)];
		await phone.use();
		await storeDeviceNote('http-basics.md', markdown, note, NOW);
		const cardId = note.cards[0].id;
		const result = rate(null, cardId, 3, NOW + 1, await getSettings(), 4_000, newEventId(NOW + 1));
		await recordReview(result.progress, result.log);
		const onPhone = await notesHere();
		await phone.sync(NOW + 2);

		const outcome = await laptop.sync(NOW + 3);
		expect(outcome.problems).toEqual([]);
		expect(await notesHere()).toEqual(onPhone);
		expect(await getProgress(cardId)).toEqual(result.progress);
		expect(await database().progress.where('cardId').equals(cardId).first()).toMatchObject({ noteId, live: 1 });
	});

	it('the later edit wins on both devices; a removal stays removed and keeps the progress, hidden', async () => {
		const user = await newUser();
		const [phone, laptop] = [device(user), device(user)];
		await phone.use();
		await storeDeviceNote('http-basics.md', markdown, note, NOW);
		await phone.sync(NOW + 1);
		await laptop.sync(NOW + 2);

		// Both edit offline; the laptop's edit is the later one.
		await phone.use();
		await storeDeviceNote(
			'http-basics.md',
			markdown.replace('| 301 |', '| 302 |'),
			compile(markdown.replace('| 301 |', '| 302 |')),
			NOW + HOUR
		);
		await laptop.use();
		await storeDeviceNote('http-basics.md', edited, compile(edited), NOW + 2 * HOUR);
		await laptop.sync(NOW + 3 * HOUR);
		await phone.sync(NOW + 3 * HOUR);
		await laptop.sync(NOW + 3 * HOUR);
		const onLaptop = await notesHere();
		expect(onLaptop.notes).toEqual([['http-basics.md', edited]]);
		await phone.use();
		expect(await notesHere()).toEqual(onLaptop);

		// Removed on the phone, after a rating on the laptop: gone everywhere, the rating kept.
		await laptop.use();
		const cardId = note.cards[0].id;
		const result = rate(null, cardId, 3, NOW + 4 * HOUR, await getSettings(), 4_000, newEventId(NOW + 4 * HOUR));
		await recordReview(result.progress, result.log);
		await laptop.sync(NOW + 4 * HOUR);
		await phone.use();
		expect(await removeDeviceNote(noteId, NOW + 5 * HOUR)).toBe(true);
		await phone.sync(NOW + 5 * HOUR);
		await laptop.sync(NOW + 6 * HOUR);
		expect(await notesHere()).toEqual({ notes: [], decks: [], cards: [] });
		expect(await getProgress(cardId)).toEqual(result.progress);
		expect(await database().progress.where('cardId').equals(cardId).first()).toMatchObject({ live: 0 });
		// A later sync brings nothing back.
		await phone.sync(NOW + 7 * HOUR);
		expect(await deviceNotes()).toEqual([]);
	});

	it('a note stored without an event of its own (restored from a backup) is sent at the next sync', async () => {
		const user = await newUser();
		const [phone, laptop] = [device(user), device(user)];
		await phone.use();
		await write(['notes', 'decks', ...CARD_TABLES, 'progress'], (db) => putDeviceNote(db, 'http-basics.md', markdown, note));
		await phone.sync(NOW);
		await laptop.sync(NOW + 1);
		expect((await notesHere()).notes).toEqual([['http-basics.md', markdown]]);
	});

	it('a note whose decks a bundled note owns here is reported and left out', async () => {
		const user = await newUser();
		const [phone, laptop] = [device(user), device(user)];
		await phone.use();
		await storeDeviceNote('http-basics.md', markdown, note, NOW);
		await phone.sync(NOW + 1);
		await laptop.use();
		await syncDecks(serve([k8sNote(), note]).fetchJson);
		const outcome = await laptop.sync(NOW + 2);
		expect(outcome.problems).toEqual([expect.stringMatching(/^note http-basics.md from another device: .*same ids/)]);
		expect(await deviceNotes()).toEqual([]);
		expect((await database().notes.get(noteId))?.source).toBeUndefined();
	});
});
