// What the sync screen reads and keeps: its configuration and how many events wait for a push.
import { read, write } from './database';
import { CONFIG_KEY } from './sync-keys';

export interface SyncConfig {
	server: string;
	user: string;
	enabled: boolean;
	/** When the last sync finished without an error (ms), 0 if never. */
	lastSynced: number;
}

export function syncConfig(): Promise<SyncConfig | null> {
	return read(['settings'], async (db) => {
		const v = (await db.settings.get(CONFIG_KEY))?.value as Partial<SyncConfig> | undefined;
		if (!v || typeof v.server !== 'string' || typeof v.user !== 'string') return null;
		return { server: v.server, user: v.user, enabled: v.enabled === true, lastSynced: typeof v.lastSynced === 'number' ? v.lastSynced : 0 };
	});
}

export async function saveSyncConfig(config: SyncConfig): Promise<void> {
	await write(['settings'], (db) => db.settings.put({ key: CONFIG_KEY, value: { ...config } }));
}

/** Actions made here that the server does not have yet ("14 ratings waiting"). */
export function pendingEvents(): Promise<number> {
	return read(['events'], (db) => db.events.where('pushed').equals(0).count());
}

/** The same, and how many of them are ratings (what a person counts as work not yet sent), in one pass. */
export function waitingCounts(): Promise<{ events: number; ratings: number }> {
	return read(['events'], async (db) => {
		let events = 0;
		let ratings = 0;
		await db.events
			.where('pushed')
			.equals(0)
			.each((row) => {
				events++;
				if (row.type === 'rating') ratings++;
			});
		return { events, ratings };
	});
}
