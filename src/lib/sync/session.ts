/**
 * What the settings screen and the sync triggers call, loaded only once sync is used: sign in
 * (CouchDB `_session`: the browser keeps the AuthSession cookie; the password is not stored),
 * one sync run, sign out. A request the page's Content-Security-Policy blocked (a server the
 * site was not built for, see SYNC_ORIGIN) gets a clear message instead of a bare network error.
 */
import { CouchClient } from './couch';
import { SyncError } from './errors';
import { readNoteInWorker } from '$lib/services/note-import';
import { syncOnce, type SyncOutcome } from './run';

/** Origins the page's Content-Security-Policy refused a connection to, as the browser reported. */
const refused = new Set<string>();
let listening = false;

function client(server: string, user: string): CouchClient {
	if (!listening) {
		listening = true;
		document.addEventListener('securitypolicyviolation', (event) => {
			if (event.effectiveDirective === 'connect-src' && URL.canParse(event.blockedURI)) refused.add(new URL(event.blockedURI).origin);
		});
	}
	// A request the policy blocks fails like any network error; the browser's violation report
	// tells the two apart.
	const fetcher: typeof fetch = async (input, init) => {
		try {
			return await fetch(input, init);
		} catch (error) {
			const origin = new URL(String(input)).origin;
			// The report is queued as a task of its own: give it the time to arrive.
			await new Promise((next) => setTimeout(next, 50));
			if (refused.has(origin)) {
				throw new SyncError('csp', `The Content-Security-Policy does not allow connecting to ${server}`);
			}
			throw error;
		}
	};
	return new CouchClient(fetcher, server, user);
}

export async function signIn(server: string, user: string, password: string): Promise<void> {
	await client(server, user).signIn(user, password);
}

export function syncNow(server: string, user: string): Promise<SyncOutcome> {
	return syncOnce(client(server, user), Date.now, readNoteInWorker);
}

/** Ends the server session (DELETE /_session); the data on both sides stays. */
export async function signOut(server: string, user: string): Promise<void> {
	await client(server, user).signOut();
}
