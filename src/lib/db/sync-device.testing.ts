// One "device" for the sync tests: its own fake IndexedDB and its own cookie jar, syncing
// through a real pouchdb-server. `use()` makes its database the open one.
import { IDBFactory } from 'fake-indexeddb';
import { cookieFetch } from '../../../tests/couch/server';
import { CouchClient } from '$lib/sync/couch';
import { syncOnce } from '$lib/sync/run';
import { closeDatabase } from './database';
import { syncDecks } from './sync';
import { k8sNote, NOW, openTestDatabase, serve } from './testing';

/** `server` gives the CouchDB URL at call time; `compile` builds notes pulled from other devices. */
export function testDevice(user: string, server: () => string, compile?: Parameters<typeof syncOnce>[2]) {
	const factory = new IDBFactory();
	const fetcher = cookieFetch();
	let opened = false;
	return {
		async use() {
			closeDatabase();
			await openTestDatabase(factory);
			if (!opened) await syncDecks(serve([k8sNote()]).fetchJson);
			opened = true;
		},
		async sync(now = NOW) {
			await this.use();
			const client = new CouchClient(fetcher, server(), user);
			await client.signIn(user, `pw-${user}`);
			return syncOnce(client, () => now, compile);
		}
	};
}
