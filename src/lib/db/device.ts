/**
 * This device's id and its event maker. The id is made once per database and kept in its
 * settings, so every event this database writes carries it (see sync/events.ts). It is loaded
 * when the database opens, so writes can stamp events without an extra read.
 */
import { eventMaker, newDeviceId, type EventMaker } from '$lib/sync/events';
import type { TabledeckDatabase } from './database';

export const DEVICE_KEY = 'sync.device';

/** Uniform in [0, 1) from the platform's cryptographic source: ULIDs and device ids must not collide. */
export function cryptoRandom(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
}

let loaded: { db: TabledeckDatabase; device: string; maker: EventMaker } | null = null;

/**
 * Reads the database's device id, making and storing one the first time. A stored value that
 * is not a usable id (a hand-edited or foreign database) is replaced by a new one, which only
 * means this database's next events carry a new device name; nothing is lost.
 */
export async function loadDevice(db: TabledeckDatabase): Promise<string> {
	const device = await db.transaction('rw', db.settings, async () => {
		const stored = (await db.settings.get(DEVICE_KEY))?.value;
		if (typeof stored === 'string' && usable(stored)) return stored;
		const made = newDeviceId(cryptoRandom);
		await db.settings.put({ key: DEVICE_KEY, value: made });
		return made;
	});
	loaded = { db, device, maker: eventMaker(device, cryptoRandom) };
	return device;
}

function usable(id: string): boolean {
	try {
		eventMaker(id, cryptoRandom);
		return true;
	} catch {
		return false;
	}
}

/** The open database's event maker. */
export function maker(): EventMaker {
	if (!loaded) throw new Error('The device id is not loaded: open the database first');
	return loaded.maker;
}

/** An id for a rating or a quiz made at `at`: its row and its sync event share it. */
export function newEventId(at: number): string {
	return maker().id(at);
}

export function deviceId(): string {
	if (!loaded) throw new Error('The device id is not loaded: open the database first');
	return loaded.device;
}
