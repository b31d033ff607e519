// Replication runs against a real pouchdb-server; interruptions are injected into fetch.
import { describe, expect, it } from 'vitest';
import { cookieFetch } from '../../../tests/couch/server';
import { couchForFile } from '../../../tests/couch/vitest';
import { CouchClient, type CouchDoc } from './couch';
import { MemoryLocal, replicate } from './replicate';

const couch = couchForFile();
let users = 0;

function events(device: string, count: number): CouchDoc[] {
	return Array.from({ length: count }, (_, i) => ({ _id: `ev:${device}:${String(i).padStart(6, '0')}`, rating: 1 + (i % 4) }));
}

async function newUser(): Promise<string> {
	const name = `rep${++users}`;
	await couch().addUser(name, 'pw');
	return name;
}

async function device(name: string, fetcher: typeof fetch = cookieFetch()): Promise<CouchClient> {
	const client = new CouchClient(fetcher, couch().url, name);
	await client.signIn(name, 'pw');
	return client;
}

async function serverIds(client: CouchClient): Promise<string[]> {
	const ids: string[] = [];
	for (let since = '0'; ;) {
		const batch = await client.pull(since, 1000);
		ids.push(...batch.docs.map((d) => d._id));
		if (batch.done) return ids.sort();
		since = batch.lastSeq;
	}
}

/**
 * A fetch that dies after `allowed` calls, the way a train tunnel does. With `afterSend`, the
 * request reaches the server but the answer is lost — the worst case for doubling.
 */
function flaky(allowed: number, afterSend: boolean): typeof fetch {
	let calls = 0;
	return cookieFetch(async (input, init) => {
		calls++;
		if (calls > allowed && !afterSend) throw new TypeError('fetch failed');
		const response = await fetch(input, init);
		if (calls > allowed) throw new TypeError('fetch failed');
		return response;
	});
}

describe('replicate', () => {
	it('pushes what is unpushed and pulls what is new, in batches; a second run moves nothing', async () => {
		const name = await newUser();
		const local = new MemoryLocal();
		local.add(...events('a', 23));
		const first = await replicate(local, await device(name), { replicationId: 'a', batchSize: 5 });
		expect(first.pushed).toBe(23);
		expect(await serverIds(await device(name))).toEqual(events('a', 23).map((d) => d._id));
		const again = await replicate(local, await device(name), { replicationId: 'a', batchSize: 5 });
		expect(again).toMatchObject({ pushed: 0, pulled: 0 });
	});

	it.each([
		['before the request is sent', false],
		['after the server stored it but the answer was lost', true]
	])('resumes after the connection dies %s: every doc once on both sides', async (_, afterSend) => {
		const name = await newUser();
		const local = new MemoryLocal();
		local.add(...events('a', 40));
		// Let the other device's docs be there to pull, so the cut can land in the pull too.
		const other = new MemoryLocal();
		other.add(...events('b', 30));
		await replicate(other, await device(name), { replicationId: 'b' });
		const expected = [...events('a', 40), ...events('b', 30)].map((d) => d._id).sort();
		// Cut at ever different points — sign-in, push, pull, checkpoint — until a run gets through.
		let cuts = 0;
		for (let run = 0; cuts < 100; run++) {
			const fetcher = flaky(1 + (run % 9), afterSend);
			const done = await device(name, fetcher)
				.then((cut) => replicate(local, cut, { replicationId: 'a', batchSize: 8 }))
				.then(() => true)
				.catch((error: unknown) => {
					expect(error).toMatchObject({ kind: 'unreachable' });
					return false;
				});
			if (done) break;
			cuts++;
		}
		expect(cuts).toBeGreaterThan(5);
		await replicate(local, await device(name), { replicationId: 'a', batchSize: 8 });
		expect(await serverIds(await device(name))).toEqual(expected);
		expect([...local.docs.keys()].sort()).toEqual(expected);
		expect(await local.unpushed(1000)).toEqual([]);
	});

	it('two devices that wrote offline end with the same set of docs, and a third that joins later too', async () => {
		const name = await newUser();
		const phone = new MemoryLocal();
		const laptop = new MemoryLocal();
		phone.add(...events('phone', 17));
		laptop.add(...events('laptop', 12));
		await replicate(phone, await device(name), { replicationId: 'phone', batchSize: 5 });
		await replicate(laptop, await device(name), { replicationId: 'laptop', batchSize: 5 });
		await replicate(phone, await device(name), { replicationId: 'phone', batchSize: 5 });
		const tablet = new MemoryLocal();
		await replicate(tablet, await device(name), { replicationId: 'tablet', batchSize: 5 });
		const all = [...events('phone', 17), ...events('laptop', 12)].map((d) => d._id).sort();
		for (const side of [phone, laptop, tablet]) expect([...side.docs.keys()].sort()).toEqual(all);
	});

	it('starts the pull over when the server’s checkpoint is not the local one (database recreated)', async () => {
		const name = await newUser();
		const local = new MemoryLocal();
		const other = new MemoryLocal();
		other.add(...events('b', 6));
		await replicate(other, await device(name), { replicationId: 'b' });
		// A checkpoint the server never wrote for this device: trusting it would skip docs.
		local.checkpoint = '999';
		await replicate(local, await device(name), { replicationId: 'a' });
		expect([...local.docs.keys()].sort()).toEqual(events('b', 6).map((d) => d._id));
	});
});
