/**
 * One sync: turn older history into events (once), push changed settings, then push this
 * device's events and pull everyone else's (replicate.ts), and build the notes added on other
 * devices (`compile`: the builder, in a worker in the app). Loaded only when sync is on.
 */
import { deviceId, getSettings } from '$lib/db';
// Straight from their modules, not through $lib/db: they load with sync, not with every page.
import { convertLegacy } from '$lib/db/convert';
import { pushSettings } from '$lib/db/settings-sync';
import { databaseSide } from '$lib/db/sync-local';
import { applyWaitingNotes, journalUnsyncedNotes, type NoteCompiler } from '$lib/db/note-sync';
import type { CouchClient } from './couch';
import { replicate } from './replicate';

export interface SyncOutcome {
	pushed: number;
	pulled: number;
	/** Cards rebuilt from events that came from elsewhere. */
	derived: number;
	/** Documents or rows that could not be used (left out; never fatal). */
	problems: string[];
}

export async function syncOnce(client: CouchClient, now: () => number = Date.now, compile?: NoteCompiler): Promise<SyncOutcome> {
	const conversion = await convertLegacy(await getSettings(), now());
	await journalUnsyncedNotes(now());
	await pushSettings((change) => client.updateSettings(change));
	const side = databaseSide(getSettings, now);
	// Cards a cut-off run stored events for but did not rebuild yet.
	await side.deriveWaiting();
	const { pushed, pulled } = await replicate(side, client, { replicationId: `tabledeck-${deviceId()}`, batchSize: 2000 });
	await side.deriveWaiting();
	// Without a builder (benchmarks), pulled notes wait for a run that has one.
	const notes = compile ? await applyWaitingNotes(compile) : [];
	return { pushed, pulled, derived: side.derived, problems: [...conversion.problems, ...side.problems, ...notes] };
}
