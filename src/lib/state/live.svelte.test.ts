// liveQuery only runs where Dexie found a global indexedDB when it loaded.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeDatabase, latestReviewId, recordReview, syncDecks } from '$lib/db';
import { k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { follow } from './live.svelte';

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

/** Follows `query`, keeping every result and failure in order. */
function record<T>(query: () => Promise<T>) {
	const seen: ({ value: T } | { error: unknown })[] = [];
	const stop = follow(
		query,
		(value) => seen.push({ value }),
		(error) => seen.push({ error })
	);
	return { seen, stop };
}

it('follows the query: a write re-runs it, and nothing comes after stop', async () => {
	let runs = 0;
	const followed = record(() => (runs++, latestReviewId()));
	await until(() => followed.seen.length === 1);
	const first = await rate('s1', NOW);
	await until(() => followed.seen.length === 2);
	expect(followed.seen).toEqual([{ value: null }, { value: first }]);
	followed.stop();
	const runsBefore = runs;
	// A second follower of the same query sees the next write: by then the stopped one would have too.
	const control = record(() => latestReviewId());
	const second = await rate('s2', NOW + 1000);
	await until(() => control.seen.some((s) => 'value' in s && s.value === second));
	control.stop();
	expect(runs).toBe(runsBefore);
	expect(followed.seen).toHaveLength(2);
});

it('goes on after a failed run: the next write brings a result again', async () => {
	let fail = false;
	const followed = record(async () => {
		const id = await latestReviewId();
		if (fail) throw new Error('read failed');
		return id;
	});
	await until(() => followed.seen.length === 1);
	fail = true;
	await rate('s1', NOW);
	await until(() => followed.seen.length === 2);
	expect((followed.seen[1] as { error: Error }).error.message).toBe('read failed');
	fail = false;
	const second = await rate('s2', NOW + 1000);
	await until(() => followed.seen.length === 3);
	expect(followed.seen[2]).toEqual({ value: second });
	followed.stop();
});
