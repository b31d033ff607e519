/**
 * A slow open while an upgrade moves the stored data says "upgrading", not "reload": the app
 * asks upgradingData() once OPEN_PATIENCE_MS have passed, and again every so often until the
 * open settles. The open and the flag are stand-ins the test moves by hand (fake timers).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageUnavailableError } from '$lib/db';
import { app, OPEN_PATIENCE_MS } from './app.svelte';

const held = vi.hoisted(() => ({ upgrading: false, fail: (_error: Error) => {} }));

vi.mock('$lib/db', async (original) => ({
	...(await original<typeof import('$lib/db')>()),
	openDatabase: () => new Promise((_resolve, reject) => (held.fail = reject))
}));

vi.mock('$lib/db/database', async (original) => ({
	...(await original<typeof import('$lib/db/database')>()),
	upgradingData: () => held.upgrading
}));

afterEach(() => vi.useRealTimers());

describe('app while the database opens', () => {
	it('says it is upgrading only while an upgrade moves data, and stops asking once the open settles', async () => {
		vi.useFakeTimers();
		held.upgrading = true;
		const started = app.start();
		await vi.advanceTimersByTimeAsync(OPEN_PATIENCE_MS - 1);
		expect([app.slowOpen, app.upgrading]).toEqual([false, false]);

		await vi.advanceTimersByTimeAsync(1);
		expect([app.status, app.slowOpen, app.upgrading]).toEqual(['loading', true, true]);

		// The move is done but the open still waits (another tab, say): back to the slow-open notice.
		held.upgrading = false;
		await vi.advanceTimersByTimeAsync(1000);
		expect([app.slowOpen, app.upgrading]).toEqual([true, false]);
		held.upgrading = true;
		await vi.advanceTimersByTimeAsync(1000);
		expect(app.upgrading).toBe(true);

		held.fail(new StorageUnavailableError('quota', 'full'));
		await started;
		expect([app.status, app.slowOpen, app.upgrading]).toEqual(['unavailable', false, false]);
		expect(vi.getTimerCount()).toBe(0);
	});
});
