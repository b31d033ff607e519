/**
 * Every way talking to the sync server can fail, as one typed error the UI turns into a
 * message. The kinds are what a person can act on, not HTTP trivia.
 */
export type SyncErrorKind =
	/** 401 on sign-in, or the session cookie expired: ask for the password again. */
	| 'unauthorized'
	/** 403: signed in, but this user may not use this database (couch_peruser off?). */
	| 'forbidden'
	/** No answer at all: offline, wrong host or port, server down. */
	| 'unreachable'
	/** The server answers, but the browser hides the answer: CORS not enabled for this site. */
	| 'cors'
	/** Something answered that does not speak CouchDB's JSON (a web page, a proxy's error page). */
	| 'not-couch'
	/** 404 for the user's database: it was never created (couch_peruser off) or was deleted. */
	| 'no-database'
	/** 5xx, or a document the server kept refusing. */
	| 'server'
	/** The settings document kept changing under us more times than we retry. */
	| 'conflict'
	/** This site's Content-Security-Policy does not let it connect there (built without SYNC_ORIGIN). */
	| 'csp';

export class SyncError extends Error {
	readonly kind: SyncErrorKind;
	readonly status: number | undefined;

	constructor(kind: SyncErrorKind, message: string, status?: number) {
		super(message);
		this.name = 'SyncError';
		this.kind = kind;
		this.status = status;
	}
}

export function errorForStatus(status: number, what: string): SyncError {
	if (status === 401) return new SyncError('unauthorized', `${what}: name or password is wrong`, status);
	if (status === 403) return new SyncError('forbidden', `${what}: not allowed for this user`, status);
	if (status === 404) return new SyncError('no-database', `${what}: not found`, status);
	if (status === 409) return new SyncError('conflict', `${what}: conflict`, status);
	if (status >= 500) return new SyncError('server', `${what}: server error ${status}`, status);
	return new SyncError('not-couch', `${what}: unexpected answer ${status}`, status);
}

/**
 * fetch rejects with a TypeError when nothing answers, when CORS hides the answer, and when a
 * connection drops mid-request. A plain request to the server's root tells them apart: if it
 * gets through, CORS is fine and the connection was lost (try again later); if only a `no-cors`
 * request (never blocked by CORS) gets through, the server is up and refuses this site; if
 * neither does, nothing answers. (Outside a browser there is no CORS.)
 */
export async function classifyNetworkError(fetcher: typeof fetch, url: string, error: unknown): Promise<SyncError> {
	const detail = error instanceof Error ? error.message : String(error);
	const lost = new SyncError('unreachable', `Lost the connection to ${url}: ${detail}`);
	try {
		await fetcher(url, { credentials: 'omit' });
		return lost;
	} catch {
		// Refused to this site, or not there at all.
	}
	try {
		await fetcher(url, { mode: 'no-cors', credentials: 'omit' });
	} catch {
		return new SyncError('unreachable', `Cannot reach ${url}: ${detail}`);
	}
	return new SyncError('cors', `${url} answers, but not to this site (CORS): ${detail}`);
}
