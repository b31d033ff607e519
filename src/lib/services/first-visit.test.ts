import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, DATABASE_NAME, openDatabase, syncDecks } from '$lib/db';
import { k8sNote, logsNote, NOW, openTestDatabase, serve } from '$lib/db/testing';
import { DEFAULT_SETTINGS } from '$lib/scheduler';
import { announceDatabaseOpened, beforeFirstStudy, homeFromIndex } from './first-visit';
import { homeScreen, noteLines } from './home';

afterEach(() => {
	closeDatabase();
	vi.unstubAllGlobals();
});

/** What home shows from the database right after the first sync, nothing studied, every note opened. */
async function fromDatabase(fetchJson: (path: string) => Promise<unknown>, settings = DEFAULT_SETTINGS) {
	vi.stubGlobal('localStorage', undefined);
	await openTestDatabase();
	await syncDecks(fetchJson);
	const { totals, doneToday, lines } = await homeScreen(settings, NOW);
	const opened = await Promise.all(lines.map((line) => noteLines(settings, line.deck.id, NOW)));
	// A root line is its opened note's first line, but for saying there is more to open.
	expect(lines).toEqual(opened.map(([root], i) => (lines[i].more ? { ...root, more: true } : root)));
	return { totals, doneToday, lines: opened.flat() };
}

// The owner's notes as `npm run decks` builds them (npm test runs it first).
const built = new URL('../../../static/decks/', import.meta.url);
const ownerDecks = async (path: string) => JSON.parse(readFileSync(new URL(path, built), 'utf8')) as unknown;

describe('homeFromIndex', () => {
	it('gives the numbers and the deck tree the database gives before anything is studied', async () => {
		const { fetchJson } = serve([k8sNote(), logsNote()]);
		const expected = await fromDatabase(fetchJson);
		expect(expected.totals.new).toBeGreaterThan(0);
		expect(await homeFromIndex(fetchJson)).toEqual(expected);
	});

	it('does so for the owner’s notes, and under other daily limits', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 7 };
		const expected = await fromDatabase(ownerDecks, settings);
		expect(expected.lines.length).toBeGreaterThan(20);
		expect(expected.totals).toEqual({ new: 7, learning: 0, review: 0 });
		expect(await homeFromIndex(ownerDecks, settings)).toEqual(expected);
	});

	it('refuses an index whose decks do not say how many cards they hold', async () => {
		const { files, fetchJson } = serve([k8sNote()]);
		const index = files.get('index.json') as { decks: { cardCount?: unknown }[] };
		delete index.decks[1].cardCount;
		await expect(homeFromIndex(fetchJson)).rejects.toThrow('index.json decks[1]: "cardCount" must be a whole number of cards');
	});
});

describe('beforeFirstStudy', () => {
	it('is true while IndexedDB works and holds no Tabledeck database, and leaves nothing behind', async () => {
		const factory = new IDBFactory();
		expect(await beforeFirstStudy(factory)).toBe(true);
		expect(await factory.databases()).toEqual([]);
		await openDatabase({ name: DATABASE_NAME, indexedDB: factory, IDBKeyRange });
		expect(await beforeFirstStudy(factory)).toBe(false);
	});

	it('is false without asking IndexedDB once this browser has opened the database', async () => {
		const stored = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => stored.get(key) ?? null,
			setItem: (key: string, value: string) => stored.set(key, value)
		});
		const factory = new IDBFactory();
		expect(await beforeFirstStudy(factory)).toBe(true);
		announceDatabaseOpened();
		// IndexedDB would still say there is none (site data cleared but not localStorage): the
		// database's path is taken all the same, and it is always right.
		let asked = 0;
		factory.databases = async () => (asked++, []);
		expect(await beforeFirstStudy(factory)).toBe(false);
		expect(asked).toBe(0);
	});

	it('is false where storage does not open or cannot be asked, so the database path can say why', async () => {
		const refusing = new IDBFactory();
		refusing.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
		expect(await beforeFirstStudy(refusing)).toBe(false);
		expect(await beforeFirstStudy(undefined)).toBe(false);
		const unasked = new IDBFactory();
		Object.defineProperty(unasked, 'databases', { value: undefined });
		expect(await beforeFirstStudy(unasked)).toBe(false);
	});
});
