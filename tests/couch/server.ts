/**
 * A throwaway CouchDB stand-in for tests: pouchdb-server 4.2.0, in memory, on a free port,
 * set up the way CouchDB with `couch_peruser` would be (an admin, one user, the user's own
 * database with its `_security`). See DESIGN.md "Sync" for the facts this relies on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SETTINGS_ID, userDbName, type CouchDoc } from '../../src/lib/sync/couch';

export const ADMIN = { name: 'admin', password: 'admin-secret' };

export type TestCouch = {
	url: string;
	port: number;
	/** Adds a user to `_users` and creates their per-user database, as couch_peruser would. */
	addUser(name: string, password: string): Promise<string>;
	/** Every document in database `db` but the settings one, read as the admin. */
	eventDocs(db: string): Promise<CouchDoc[]>;
	/** CORS for every origin (with credentials, as pouchdb-server starts), or for none we use. */
	setCors(open: boolean): Promise<void>;
	stop(): Promise<void>;
};

/** A port nobody listens on right now (also useful as "server down"). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => done(port));
		});
	});
}

const BIN = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
const adminAuth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');

async function call(url: string, method: string, body?: unknown, auth = true): Promise<unknown> {
	const response = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', ...(auth ? { authorization: adminAuth } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
	for (let attempt = 0; attempt < 300; attempt++) {
		if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((next) => setTimeout(next, 50));
	}
	throw new Error(`pouchdb-server did not start at ${url}`);
}

export async function startCouch(): Promise<TestCouch> {
	const port = await freePort();
	// It writes config.json and log.txt where it runs: give it a folder of its own.
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-couch-'));
	const child = spawn(process.execPath, [BIN, '--in-memory', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: dir,
		stdio: 'ignore'
	});
	const url = `http://127.0.0.1:${port}`;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	try {
		await waitUntilUp(url, child);
		// A fresh server has no admin ("admin party"), so this first call needs no login.
		await call(`${url}/_config/admins/${ADMIN.name}`, 'PUT', ADMIN.password, false);
	} catch (error) {
		child.kill();
		await exited;
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		url,
		port,
		async addUser(name, password) {
			const id = `org.couchdb.user:${name}`;
			await call(`${url}/_users/${encodeURIComponent(id)}`, 'PUT', { _id: id, name, password, roles: [], type: 'user' });
			// 4.2.0 crashes when a non-admin creates a database, so the admin does what couch_peruser does.
			const db = userDbName(name);
			await call(`${url}/${db}`, 'PUT');
			await call(`${url}/${db}/_security`, 'PUT', {
				admins: { names: [name], roles: [] },
				members: { names: [name], roles: [] }
			});
			return db;
		},
		async eventDocs(db) {
			const body = (await call(`${url}/${db}/_all_docs?include_docs=true`, 'GET')) as { rows: { id: string; doc: CouchDoc }[] };
			return body.rows.filter((row) => row.id !== SETTINGS_ID).map((row) => row.doc);
		},
		async setCors(open) {
			await call(`${url}/_config/cors/origins`, 'PUT', open ? '*' : 'https://elsewhere.example');
		},
		async stop() {
			if (child.exitCode === null) {
				child.kill();
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * Node's fetch has no cookie jar; a browser with `credentials: 'include'` keeps the
 * AuthSession cookie itself. This wrapper plays the browser's part for one "device".
 */
export function cookieFetch(inner: typeof fetch = fetch): typeof fetch {
	let cookie = '';
	return async (input, init = {}) => {
		const headers = new Headers(init.headers);
		if (cookie) headers.set('cookie', cookie);
		const response = await inner(input, { ...init, headers });
		const set = response.headers.get('set-cookie');
		const session = set?.match(/AuthSession=[^;]*/);
		if (session) cookie = session[0];
		return response;
	};
}
