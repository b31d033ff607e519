// Against a real pouchdb-server (CouchDB's replication API), not a mock.
import { describe, expect, it } from 'vitest';
import { cookieFetch } from '../../../tests/couch/server';
import { couchForFile } from '../../../tests/couch/vitest';
import { CouchClient, SETTINGS_ID, userDbName, type CouchDoc } from './couch';
import { SyncError } from './errors';

const couch = couchForFile();
let users = 0;

/** A fresh user with an empty database, signed in: tests do not share data. */
async function signedIn(name = `user${++users}`): Promise<CouchClient> {
	await couch().addUser(name, 'pw-' + name);
	const client = new CouchClient(cookieFetch(), couch().url, name);
	await client.signIn(name, 'pw-' + name);
	return client;
}

function events(device: string, count: number): CouchDoc[] {
	return Array.from({ length: count }, (_, i) => ({ _id: `ev:${device}:${String(i).padStart(6, '0')}`, card: `c${i % 7}`, rating: 3 }));
}

/** Every doc id in the user's database, read as the admin, with how often each occurs. */
async function serverIds(db: string): Promise<string[]> {
	return (await couch().eventDocs(db)).map((doc) => doc._id);
}

describe('userDbName', () => {
	it('is couch_peruser’s name: hex of the UTF-8 bytes', () => {
		expect(userDbName('jan')).toBe('userdb-6a616e');
		expect(userDbName('민지')).toBe('userdb-ebafbceca780');
	});
});

describe('signIn', () => {
	it('accepts the right password and the session cookie opens the user’s database', async () => {
		const client = await signedIn();
		await expect(client.pull('0', 10)).resolves.toMatchObject({ docs: [], done: true });
	});

	it('says "unauthorized" for a wrong password', async () => {
		await couch().addUser('wrongpw', 'right');
		const client = new CouchClient(cookieFetch(), couch().url, 'wrongpw');
		const error = await client.signIn('wrongpw', 'wrong').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncError);
		expect((error as SyncError).kind).toBe('unauthorized');
	});

	it('without signing in, reading the database is refused, not empty', async () => {
		await couch().addUser('nosession', 'pw');
		const client = new CouchClient(cookieFetch(), couch().url, 'nosession');
		await expect(client.pull('0', 10)).rejects.toMatchObject({ kind: 'unauthorized' });
	});
});

describe('push', () => {
	it('is idempotent: the same docs pushed twice are stored once', async () => {
		const client = await signedIn();
		const docs = events('a', 20);
		const first = await client.push(docs);
		const second = await client.push(docs);
		expect(first).toEqual({ stored: docs.map((d) => d._id), failed: [] });
		expect(second).toEqual({ stored: docs.map((d) => d._id), failed: [] });
		expect(await serverIds(client.db)).toEqual(docs.map((d) => d._id));
	});
});

describe('pull', () => {
	it('reads everything in batches from a checkpoint, and nothing twice', async () => {
		const client = await signedIn();
		await client.push(events('a', 25));
		const seen: string[] = [];
		let since = '0';
		let batches = 0;
		for (;;) {
			const batch = await client.pull(since, 10);
			seen.push(...batch.docs.map((d) => d._id));
			batches++;
			since = batch.lastSeq;
			if (batch.done) break;
		}
		expect(batches).toBe(3);
		expect(seen).toEqual(events('a', 25).map((d) => d._id));
		await client.push(events('b', 3));
		const after = await client.pull(since, 10);
		expect(after.docs.map((d) => d._id)).toEqual(events('b', 3).map((d) => d._id));
	});

	it('keeps a checkpoint in _local on the server', async () => {
		const client = await signedIn();
		expect(await client.readCheckpoints('device-1')).toEqual([]);
		for (let seq = 1; seq <= 12; seq++) await client.writeCheckpoint('device-1', String(seq));
		expect(await client.readCheckpoints('device-1')).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
		expect(await client.readCheckpoints('device-2')).toEqual([]);
		// _local docs do not replicate: they never show up as data.
		expect((await client.pull('0', 10)).docs).toEqual([]);
	});
});

describe('updateSettings', () => {
	it('creates, then updates with the current _rev', async () => {
		const client = await signedIn();
		const first = await client.updateSettings(() => ({ _id: SETTINGS_ID, retention: 0.9 }));
		const second = await client.updateSettings((current) => ({ ...current!, limit: 20 }));
		expect(first._rev).toMatch(/^1-/);
		expect(second).toMatchObject({ retention: 0.9, limit: 20, _rev: expect.stringMatching(/^2-/) });
	});

	it('two devices changing it at once: the 409 loser re-reads and re-applies, both changes kept', async () => {
		await couch().addUser('settings2', 'pw');
		const phone = new CouchClient(cookieFetch(), couch().url, 'settings2');
		let phoneSaved = false;
		// The laptop has read the settings; the phone saves before the laptop's PUT arrives.
		const laptopFetch = cookieFetch(async (input, init) => {
			if (init?.method === 'PUT' && String(input).endsWith(`/${SETTINGS_ID}`) && !phoneSaved) {
				phoneSaved = true;
				await phone.updateSettings((current) => ({ ...current!, retention: 0.85 }));
			}
			return fetch(input, init);
		});
		const laptop = new CouchClient(laptopFetch, couch().url, 'settings2');
		await phone.signIn('settings2', 'pw');
		await laptop.signIn('settings2', 'pw');
		await phone.updateSettings(() => ({ _id: SETTINGS_ID, limit: 20 }));
		let laptopCalls = 0;
		const saved = await laptop.updateSettings((current) => {
			laptopCalls++;
			return { ...current!, theme: 'dark' };
		});
		expect(laptopCalls).toBe(2);
		expect(saved).toMatchObject({ limit: 20, theme: 'dark', retention: 0.85, _rev: expect.stringMatching(/^3-/) });
		expect(await phone.updateSettings((current) => current!)).toMatchObject({ theme: 'dark', retention: 0.85 });
	});
});
