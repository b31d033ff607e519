/**
 * The frozen dumps of released schema versions (tests/fixtures/db/), for tests: read one, and
 * build a database of its version holding exactly its rows from the stores it records (never
 * from live code, so a lossy upgrade cannot hide by changing both).
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

export interface Fixture {
	version: number;
	stores: Record<string, string>;
	tables: Record<string, Record<string, unknown>[]>;
}

export const fixture = (file: string): Fixture =>
	JSON.parse(readFileSync(new URL(`../../../tests/fixtures/db/${file}`, import.meta.url), 'utf8'));

/** A database of the fixture's version, holding exactly its rows, left closed. */
export async function released(f: Fixture): Promise<IDBFactory> {
	const factory = new IDBFactory();
	const old = new Dexie('tabledeck-test', { indexedDB: factory, IDBKeyRange });
	old.version(f.version).stores(f.stores);
	for (const [name, rows] of Object.entries(f.tables)) await old.table(name).bulkAdd(structuredClone(rows));
	old.close();
	return factory;
}
