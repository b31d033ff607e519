// liveQuery only runs where Dexie found a global indexedDB when it loaded.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deckCounts } from './counts';
import { closeDatabase, database } from './database';
import { TOTALS_FORMAT } from './deck-totals';
import { deckCards } from './content';
import { recordReview, setSuspended } from './progress';
import { queueSource } from './queue';
import { syncDecks } from './sync';
import { DAY, k8sNote, logOf, NEXT_DAY, NOW, openTestDatabase, progressOf, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

/** Subscribes to `query` through liveQuery and resolves with its first `count` results. */
function emissions<T>(query: () => Promise<T>, count: number, afterFirst: () => Promise<unknown>): Promise<T[]> {
	return new Promise((resolve, reject) => {
		const seen: T[] = [];
		const subscription = liveQuery(query).subscribe({
			next(value) {
				seen.push(value);
				if (seen.length === 1) afterFirst().catch(reject);
				if (seen.length === count) {
					subscription.unsubscribe();
					resolve(seen);
				}
			},
			error: reject
		});
	});
}

it('re-runs the home counts when a rating is recorded', async () => {
	const progress = progressOf('s2', { due: NOW - DAY });
	const [before, after] = await emissions(
		() => deckCounts(NOW, NEXT_DAY),
		2,
		() => recordReview(progress, logOf(progress, null, NOW))
	);
	expect(before.get('svc')).toMatchObject({ due: 0, newAvailable: 5 });
	expect(after.get('svc')).toMatchObject({ due: 1, newAvailable: 4 });
});

it('counts deck totals missing in a live query, stores them after it, and runs again from them', async () => {
	const progress = progressOf('s2', { due: NOW - DAY });
	await recordReview(progress, logOf(progress, null, NOW));
	// As after the upgrade from version 4: no totals yet. A live query cannot write them itself.
	await database().deckTotals.clear();
	const [counted, stored] = await emissions(
		() => deckCounts(NOW, NEXT_DAY),
		2,
		() => Promise.resolve()
	);
	expect(counted.get('svc')).toMatchObject({ due: 1, newAvailable: 4 });
	expect(stored).toEqual(counted);
	expect(await database().deckTotals.get(-1)).toEqual({ shard: -1, format: TOTALS_FORMAT });
});

it('re-runs a deck’s queue source when one of its cards is rated', async () => {
	const progress = progressOf('e1', { due: NOW - DAY });
	const window = { now: NOW, dayStart: NEXT_DAY - DAY, nextDayStart: NEXT_DAY };
	const [before, after] = await emissions(
		() => queueSource('svc', window),
		2,
		() => recordReview(progress, logOf(progress, null, NOW))
	);
	expect(before.newCardIds).toContain('e1');
	expect(after.newCardIds).not.toContain('e1');
	expect(after.today.ratings).toBe(1);
});

it("re-runs a deck page's cards when a card's progress changes", async () => {
	const [before, after] = await emissions(
		() => deckCards('svc'),
		2,
		() => setSuspended('s2', true)
	);
	expect(before.find((c) => c.card.id === 's2')?.progress).toBeNull();
	expect(after.find((c) => c.card.id === 's2')?.progress).toMatchObject({ suspended: 1 });
});

it("re-runs a deck page's cards when a deck update changes a card (a live query observes the card pages)", async () => {
	const edited = k8sNote('h1b');
	const [before, after] = await emissions(
		() => deckCards('svc'),
		2,
		() =>
			syncDecks(serve([{ ...edited, cards: edited.cards.map((card) => (card.id === 's1' ? { ...card, back: 'new' } : card)) }]).fetchJson)
	);
	expect(before.find((c) => c.card.id === 's1')?.card.back).toBe('answer s1');
	expect(after.find((c) => c.card.id === 's1')?.card.back).toBe('new');
});
