/**
 * One sync: turn older history into events (once), push changed settings, then push this
 * device's events and pull everyone else's (replicate.ts). Loaded only when sync is on.
 */
import { convertLegacy, databaseSide, deviceId, getSettings, pushSettings } from '$lib/db';
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

export async function syncOnce(client: CouchClient, now: () => number = Date.now): Promise<SyncOutcome> {
	const conversion = await convertLegacy(await getSettings(), now());
	await pushSettings((change) => client.updateSettings(change));
	const side = databaseSide(getSettings, now);
	const { pushed, pulled } = await replicate(side, client, { replicationId: `tabledeck-${deviceId()}` });
	return { pushed, pulled, derived: side.derived, problems: [...conversion.problems, ...side.problems] };
}
