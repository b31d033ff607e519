// The failures a person meets, each as a kind the UI can word: real sockets, no mocks of CouchDB.
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { cookieFetch, freePort } from '../../../tests/couch/server';
import { CouchClient } from './couch';
import { SyncError } from './errors';
import { MemoryLocal, replicate } from './replicate';

let server: Server | undefined;

afterEach(async () => {
	await new Promise((done) => (server ? server.close(done) : done(undefined)));
	server = undefined;
});

/** A plain HTTP server answering every request with `status`, `type` and `body`. */
async function plainServer(status: number, type: string, body: string): Promise<string> {
	const port = await freePort();
	server = createServer((_, response) => {
		response.writeHead(status, { 'content-type': type });
		response.end(body);
	});
	await new Promise<void>((done) => server!.listen(port, '127.0.0.1', done));
	return `http://127.0.0.1:${port}`;
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(SyncError);
	return error as SyncError;
}

describe('sync errors', () => {
	it('server down (nothing listens on the port): unreachable, and nothing is marked pushed', async () => {
		const client = new CouchClient(cookieFetch(), `http://127.0.0.1:${await freePort()}`, 'jan');
		expect((await failure(client.signIn('jan', 'pw'))).kind).toBe('unreachable');
		const local = new MemoryLocal();
		local.add({ _id: 'ev:a:1' });
		expect((await failure(replicate(local, client, { replicationId: 'a' }))).kind).toBe('unreachable');
		expect(await local.unpushed(10)).toEqual([{ _id: 'ev:a:1' }]);
	});

	it('a plain web page at that URL: not CouchDB', async () => {
		const url = await plainServer(200, 'text/html', '<!doctype html><title>My blog</title>');
		const client = new CouchClient(cookieFetch(), url, 'jan');
		expect((await failure(client.signIn('jan', 'pw'))).kind).toBe('not-couch');
	});

	it('a web server that answers 404 pages: not CouchDB', async () => {
		const url = await plainServer(404, 'text/html', '<h1>Not found</h1>');
		const client = new CouchClient(cookieFetch(), url, 'jan');
		expect((await failure(client.signIn('jan', 'pw'))).kind).toBe('not-couch');
	});

	it('a JSON API that is not CouchDB: not CouchDB', async () => {
		const url = await plainServer(200, 'application/json', '{"hello":"world"}');
		const client = new CouchClient(cookieFetch(), url, 'jan');
		expect((await failure(client.signIn('jan', 'pw'))).kind).toBe('not-couch');
	});

	it.each([
		['CouchDB JSON', 'application/json', '{"error":"unknown_error","reason":"boom"}'],
		['a proxy’s HTML page', 'text/html', '<h1>502 Bad Gateway</h1>']
	])('5xx with %s: server error, and nothing is marked pushed', async (_, type, body) => {
		const url = await plainServer(503, type, body);
		const client = new CouchClient(cookieFetch(), url, 'jan');
		const error = await failure(client.signIn('jan', 'pw'));
		expect(error).toMatchObject({ kind: 'server', status: 503 });
		const local = new MemoryLocal();
		local.add({ _id: 'ev:a:1' });
		expect((await failure(replicate(local, client, { replicationId: 'a' }))).kind).toBe('server');
		expect(await local.unpushed(10)).toHaveLength(1);
	});

	it('CORS refused: the browser rejects the call, but a no-cors request gets through', async () => {
		const url = await plainServer(200, 'application/json', '{}');
		// What a browser does when the server sends no Access-Control-Allow-Origin for this site.
		const browserLike: typeof fetch = (input, init) =>
			init?.mode === 'no-cors' ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
		const client = new CouchClient(browserLike, url, 'jan');
		expect((await failure(client.signIn('jan', 'pw'))).kind).toBe('cors');
	});

	it('a connection lost mid-request to a server that answers is a network failure, not CORS', async () => {
		const url = await plainServer(200, 'application/json', '{}');
		const dropping: typeof fetch = (input, init) =>
			init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
		const client = new CouchClient(dropping, url, 'jan');
		const error = await failure(client.signIn('jan', 'pw'));
		expect(error.kind).toBe('unreachable');
		expect(error.message).toContain('Lost the connection');
	});
});

describe('sync error messages', () => {
	it('every kind has a non-empty English and Korean message', async () => {
		const { syncErrorsEn, syncErrorsKo } = await import('$lib/i18n/sync');
		const kinds = ['unauthorized', 'forbidden', 'unreachable', 'cors', 'not-couch', 'no-database', 'server', 'conflict', 'csp'] as const;
		for (const kind of kinds) {
			expect(syncErrorsEn[kind].length).toBeGreaterThan(0);
			expect(syncErrorsKo[kind].length).toBeGreaterThan(0);
		}
		expect(Object.keys(syncErrorsKo).sort()).toEqual([...kinds].sort());
	});
});
