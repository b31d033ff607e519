import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, database, onDatabaseReplaced } from './database';
import { StorageUnavailableError } from './errors';
import { openTestDatabase } from './testing';

afterEach(closeDatabase);

describe('another tab upgrading the database', () => {
	it('is let through at once, and this tab is told and stays closed instead of reopening the old version', async () => {
		const factory = new IDBFactory();
		await openTestDatabase(factory);
		const told: string[] = [];
		const stop = onDatabaseReplaced(() => told.push('replaced'));
		const outcome = await new Promise<string>((resolve) => {
			const open = factory.open('tabledeck-test', 10_000);
			open.onblocked = () => resolve('blocked');
			open.onsuccess = () => {
				open.result.close();
				resolve('upgraded');
			};
		});
		stop();
		expect(outcome).toBe('upgraded');
		expect(told).toEqual(['replaced']);
		expect(() => database()).toThrow(StorageUnavailableError);
	});
});
