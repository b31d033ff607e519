import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, database, openDatabase } from './database';
import { StorageQuotaError, StorageUnavailableError } from './errors';
import { getProgress, recordReview } from './progress';
import { syncDecks } from './sync';
import { k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from './testing';

afterEach(() => {
	vi.restoreAllMocks();
	closeDatabase();
});

// The schema upgrade is tested from frozen released databases: see upgrade.test.ts.
const NAME = 'tabledeck-test';

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
		// Every store shares the prototype; the review log's pages are written with put (schema 7).
		const storePrototype = Object.getPrototypeOf(idb.transaction('logPages').objectStore('logPages'));
		vi.spyOn(storePrototype, 'put').mockImplementation(() => {
			throw new DOMException('No space left', 'QuotaExceededError');
		});
		const progress = progressOf('s1');
		await expect(recordReview(progress, logOf(progress, null, NOW))).rejects.toBeInstanceOf(StorageQuotaError);
		expect(await getProgress('s1')).toBeNull();
	});
});
