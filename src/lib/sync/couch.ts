/**
 * A small client for the few documented CouchDB HTTP calls sync needs: `_session`,
 * `_bulk_docs`, `_changes`, `_local` and one settings document. Our documents are immutable
 * events (ids unique per device), so no revision trees are needed: a conflict on push only
 * means "already there". `fetch` and the server URL come from the caller, so the same code
 * runs in the browser (cookie kept by the browser) and in Node tests (a cookie-keeping wrapper).
 */
import { classifyNetworkError, errorForStatus, SyncError } from './errors';
import { SETTINGS_ID } from './settings-id';

export { SETTINGS_ID };

export type CouchDoc = { _id: string; _rev?: string; _deleted?: boolean; [field: string]: unknown };
export type PushResult = { stored: string[]; failed: string[] };
export type PullBatch = { docs: CouchDoc[]; lastSeq: string; done: boolean };
export type Settings = CouchDoc & { _id: typeof SETTINGS_ID };

const PUSH_ATTEMPTS = 3;
const SETTINGS_ATTEMPTS = 5;
const CHECKPOINTS_KEPT = 10;

/** couch_peruser's database name: `userdb-` + hex of the UTF-8 bytes of the user name. */
export function userDbName(name: string): string {
	const hex = Array.from(new TextEncoder().encode(name), (byte) => byte.toString(16).padStart(2, '0'));
	return `userdb-${hex.join('')}`;
}

export class CouchClient {
	readonly db: string;
	private readonly fetcher: typeof fetch;
	private readonly server: string;

	constructor(fetcher: typeof fetch, serverUrl: string, userName: string) {
		this.fetcher = fetcher;
		this.server = serverUrl.replace(/\/+$/, '');
		this.db = userDbName(userName);
	}

	/** POST /_session: the server answers with an AuthSession cookie; the password is not kept. */
	async signIn(name: string, password: string): Promise<void> {
		const body = await this.request('POST', '/_session', { name, password }).catch((error: unknown) => {
			// CouchDB always has /_session; a 404 there means some other server.
			if (error instanceof SyncError && error.kind === 'no-database') {
				throw new SyncError('not-couch', 'This server has no CouchDB sign-in', 404);
			}
			throw error;
		});
		if (!isObject(body) || body.ok !== true) throw new SyncError('not-couch', 'Sign-in answer is not CouchDB’s');
	}

	/** DELETE /_session: the server forgets the cookie's session. */
	async signOut(): Promise<void> {
		await this.request('DELETE', '/_session');
	}

	/**
	 * Stores immutable docs. Ids the server already has count as stored, so pushing twice is
	 * harmless; docs it refused are retried, and whatever still fails is reported, not dropped.
	 */
	async push(docs: CouchDoc[]): Promise<PushResult> {
		const stored: string[] = [];
		let pending = docs;
		for (let attempt = 0; attempt < PUSH_ATTEMPTS && pending.length > 0; attempt++) {
			const results = await this.request('POST', `/${this.db}/_bulk_docs`, { docs: pending });
			if (!Array.isArray(results)) throw new SyncError('not-couch', '_bulk_docs answer is not a list');
			const ok = new Set<string>();
			for (const result of results) {
				if (!isObject(result) || typeof result.id !== 'string') continue;
				if (result.error === undefined || result.error === 'conflict') ok.add(result.id);
			}
			stored.push(...pending.filter((doc) => ok.has(doc._id)).map((doc) => doc._id));
			pending = pending.filter((doc) => !ok.has(doc._id));
		}
		return { stored, failed: pending.map((doc) => doc._id) };
	}

	/** One batch of changes after `since` (an opaque CouchDB sequence; '0' = from the start). */
	async pull(since: string, limit: number): Promise<PullBatch> {
		const query = `since=${encodeURIComponent(since)}&limit=${limit}&include_docs=true`;
		const body = await this.request('GET', `/${this.db}/_changes?${query}`);
		if (!isObject(body) || !Array.isArray(body.results) || body.last_seq === undefined) {
			throw new SyncError('not-couch', '_changes answer is not CouchDB’s');
		}
		const docs: CouchDoc[] = [];
		for (const change of body.results) {
			const doc = isObject(change) ? change.doc : undefined;
			// Design documents are the server's business, not the app's data.
			if (isDoc(doc) && !doc._id.startsWith('_design/')) docs.push(doc);
		}
		return { docs, lastSeq: String(body.last_seq), done: body.results.length < limit };
	}

	/**
	 * The pull checkpoints the server recorded for this replication, newest first. A few are
	 * kept because the device stores its own copy just after the server's write and may be cut
	 * off in between: its checkpoint is then one behind, and still one this database gave out.
	 */
	async readCheckpoints(replicationId: string): Promise<string[]> {
		const doc = await this.getDoc(`_local/${replicationId}`);
		return Array.isArray(doc?.history) ? doc.history.filter((seq) => typeof seq === 'string') : [];
	}

	async writeCheckpoint(replicationId: string, since: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const current = await this.getDoc(`_local/${replicationId}`);
			const history = Array.isArray(current?.history) ? current.history : [];
			const next = { ...current, _id: `_local/${replicationId}`, history: [since, ...history].slice(0, CHECKPOINTS_KEPT) };
			try {
				await this.request('PUT', `/${this.db}/_local/${replicationId}`, next);
				return;
			} catch (error) {
				// Another tab of the same device wrote it meanwhile: re-read, write again.
				if (!(error instanceof SyncError && error.kind === 'conflict') || attempt >= SETTINGS_ATTEMPTS) throw error;
			}
		}
	}

	/**
	 * The one mutable document. `change` gets the stored settings (or undefined) and returns
	 * the new ones; on 409 someone else saved first, so re-read and apply the change again to
	 * theirs — both edits survive. Returns what was stored, with its new `_rev`.
	 */
	async updateSettings(change: (current: Settings | undefined) => Omit<Settings, '_rev'>): Promise<Settings> {
		for (let attempt = 1; ; attempt++) {
			const current = (await this.getDoc(SETTINGS_ID)) as Settings | undefined;
			const next: Settings = { ...change(current), _id: SETTINGS_ID };
			if (current?._rev) next._rev = current._rev;
			else delete next._rev;
			try {
				const result = await this.request('PUT', `/${this.db}/${SETTINGS_ID}`, next);
				const rev = isObject(result) && typeof result.rev === 'string' ? result.rev : undefined;
				return { ...next, _rev: rev };
			} catch (error) {
				if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
				if (attempt >= SETTINGS_ATTEMPTS) {
					throw new SyncError('conflict', 'Settings kept changing on the server; try again', 409);
				}
			}
		}
	}

	private async getDoc(id: string): Promise<CouchDoc | undefined> {
		try {
			const doc = await this.request('GET', `/${this.db}/${id}`);
			return isDoc(doc) ? doc : undefined;
		} catch (error) {
			// 404 for a missing document; the database itself missing surfaces on the next call.
			if (error instanceof SyncError && error.kind === 'no-database') return undefined;
			throw error;
		}
	}

	private async request(method: string, path: string, body?: unknown): Promise<unknown> {
		const url = this.server + path;
		let response: Response;
		try {
			response = await this.fetcher(url, {
				method,
				credentials: 'include',
				headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		} catch (error) {
			// The fetcher knew why already (the page's policy forbids the server).
			if (error instanceof SyncError) throw error;
			throw await classifyNetworkError(this.fetcher, this.server + '/', error);
		}
		const text = await response.text().catch(() => '');
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			// A 5xx from a proxy in front of CouchDB is still a server error, not "wrong server".
			if (response.status >= 500) throw errorForStatus(response.status, `${method} ${path}`);
			throw new SyncError('not-couch', `${url} did not answer with CouchDB JSON`, response.status);
		}
		if (!response.ok) throw errorForStatus(response.status, `${method} ${path}`);
		return json;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDoc(value: unknown): value is CouchDoc {
	return isObject(value) && typeof value._id === 'string';
}
