// liveQuery only runs where Dexie found a global indexedDB when it loaded.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeDatabase, latestReviewId, recordReview, syncDecks } from '$lib/db';
import { k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { LiveResult } from './live.svelte';

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

/** Resolves once `check` holds, looking after each task (liveQuery answers asynchronously). */
async function until(check: () => boolean) {
	while (!check()) await new Promise((resolve) => setTimeout(resolve, 0));
}

const rate = (cardId: string, at: number) => {
	const progress = progressOf(cardId, { due: at });
	const log = logOf(progress, null, at);
	return recordReview(progress, log).then(() => log.id);
};

it('follows the query: a write re-runs it, and nothing comes after stop', async () => {
	const result = new LiveResult<string | null>();
	let runs = 0;
	const stop = result.follow(() => (runs++, latestReviewId()));
	await until(() => runs === 1 && result.current === null);
	const first = await rate('s1', NOW);
	await until(() => result.current === first);
	stop();
	const runsBefore = runs;
	// A second follower of the same query sees the next write: by then the stopped one would have too.
	const control = new LiveResult<string | null>();
	const stopControl = control.follow(() => latestReviewId());
	const second = await rate('s2', NOW + 1000);
	await until(() => control.current === second);
	stopControl();
	expect(runs).toBe(runsBefore);
	expect(result.current).toBe(first);
	expect(result.error).toBeNull();
});

it('keeps the last result through a failure, and the next result clears the failure', async () => {
	const result = new LiveResult<string | null>();
	let fail = false;
	const stop = result.follow(async () => {
		const id = await latestReviewId();
		if (fail) throw new Error('read failed');
		return id;
	});
	await until(() => result.current === null);
	fail = true;
	const first = await rate('s1', NOW);
	await until(() => result.error !== null);
	expect((result.error as Error).message).toBe('read failed');
	expect(result.current).toBeNull();
	fail = false;
	const second = await rate('s2', NOW + 1000);
	await until(() => result.current === second);
	expect(second).not.toBe(first);
	expect(result.error).toBeNull();
	stop();
});
