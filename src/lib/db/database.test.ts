import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deckTree } from './content';
import { todayStats } from './counts';
import { closeDatabase, database, openDatabase, SCHEMA_V1 } from './database';
import { StorageQuotaError, StorageUnavailableError } from './errors';
import { cardReviewLog, getProgress, recordReview } from './progress';
import { addQuizResult, quizHistory } from './quiz';
import { toCardRow, toDeckRow, toProgressRow, toReviewLogRow } from './rows';
import { getSettings } from './settings';
import { syncDecks } from './sync';
import { k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from './testing';

afterEach(() => {
	vi.restoreAllMocks();
	closeDatabase();
});

const NAME = 'tabledeck-test';

describe('upgrade', () => {
	it('opens a version 1 database at the current version with nothing lost', async () => {
		const factory = new IDBFactory();
		const v1 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
		v1.version(1).stores(SCHEMA_V1);
		const note = k8sNote();
		const progress = progressOf('s1');
		const log = logOf(progress, null, NOW);
		await v1.table('notes').put({ id: 'n1', file: note.file, json: 'n1.json', hash: note.hash, pos: 0 });
		await v1.table('decks').bulkPut(note.decks.map((deck, pos) => toDeckRow(deck, 'n1', pos, 0)));
		await v1.table('cards').bulkPut(note.cards.map((card, pos) => toCardRow(card, 'n1', pos)));
		await v1.table('progress').put(toProgressRow(progress, { deckId: 'svc', noteId: 'n1', live: 1 }));
		await v1.table('reviewLog').put(toReviewLogRow(log, 'svc'));
		await v1.table('settings').put({ key: 'scheduler.newPerDay', value: 7 });
		v1.close();

		await openTestDatabase(factory);
		expect(database().verno).toBe(3);
		expect((await deckTree()).map((deck) => deck.id)).toEqual(['n1', 'svc', 'ext', 'probe']);
		expect(await getProgress('s1')).toEqual(progress);
		expect(await cardReviewLog('s1')).toEqual([log]);
		expect((await getSettings()).newPerDay).toBe(7);
		// The index version 2 added covers the rows written before it existed.
		expect(await todayStats(NOW - 1, NOW + 1)).toEqual({ ratings: 1, introduced: 1, reviewed: 0 });
		await addQuizResult({ id: 'q1', at: NOW, deckIds: ['svc'], score: 1, total: 1, durationMs: 1, answers: [] });
		expect(await quizHistory()).toHaveLength(1);
		// Content was already current: a sync fetches nothing but the index.
		const { fetchJson, fetched } = serve([note]);
		await syncDecks(fetchJson);
		expect(fetched).toEqual(['index.json']);
	});
});

describe('unavailable storage', () => {
	async function openFailure(options: Parameters<typeof openDatabase>[0]) {
		const error = await openDatabase(options).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageUnavailableError);
		return error as StorageUnavailableError;
	}

	it('says so when the browser has no IndexedDB', async () => {
		expect((await openFailure({ indexedDB: null })).reason).toBe('missing');
	});

	it('says so when the browser refuses access', async () => {
		const refusing = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
			cmp: (a: unknown, b: unknown) => new IDBFactory().cmp(a, b)
		} as unknown as IDBFactory;
		expect((await openFailure({ indexedDB: refusing, IDBKeyRange })).reason).toBe('denied');
	});

	it('says so when another tab blocks the upgrade', async () => {
		const factory = new IDBFactory();
		const older = await new Promise<IDBDatabase>((resolve) => {
			const request = factory.open(NAME, 10);
			request.onsuccess = () => resolve(request.result);
		});
		older.onversionchange = () => {};
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const error = await openFailure({ name: NAME, indexedDB: factory, IDBKeyRange });
		expect(error.reason).toBe('blocked');
		older.close();
	});

	it('refuses operations before the database is open', () => {
		expect(() => database()).toThrow(StorageUnavailableError);
	});

	it('turns a full disk into StorageQuotaError and applies nothing of the rating', async () => {
		await openTestDatabase();
		await syncDecks(serve([k8sNote()]).fetchJson);
		const idb = database().backendDB();
		const storePrototype = Object.getPrototypeOf(idb.transaction('reviewLog').objectStore('reviewLog'));
		vi.spyOn(storePrototype, 'add').mockImplementation(() => {
			throw new DOMException('No space left', 'QuotaExceededError');
		});
		const progress = progressOf('s1');
		await expect(recordReview(progress, logOf(progress, null, NOW))).rejects.toBeInstanceOf(StorageQuotaError);
		expect(await getProgress('s1')).toBeNull();
	});
});
