import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from './database';
import { rate } from '$lib/scheduler/rate';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import { importProgress } from './bulk';
import { buryUntil, recordReview } from './progress';
import { queueSource, withoutRating } from './queue';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, NEXT_DAY, NOW, openTestDatabase, progressOf, scenario, serve } from './testing';

const window = { now: NOW, dayStart: NEXT_DAY - DAY, nextDayStart: NEXT_DAY };
const ids = (rows: { cardId: string }[]) => rows.map((row) => row.cardId).sort();

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('queueSource', () => {
	it('gives every deck’s cards in note order, the new ones, and what is due today', async () => {
		await scenario();
		const source = await queueSource(null, window);
		expect(source.cardIds).toEqual(['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l0', 'l2']);
		expect(source.newCardIds).toEqual(['s2', 'l0', 'l2']);
		expect(ids(source.progress)).toEqual(['e1', 's1', 's3']);
		expect(source.today).toEqual({ ratings: 6, introduced: 6, reviewed: 0 });
	});

	it('narrows everything to a deck and its sub-decks', async () => {
		await scenario();
		const svc = await queueSource('svc', window);
		expect(svc.cardIds).toEqual(['s1', 's2', 's3', 'e1', 'e2']);
		expect(svc.newCardIds).toEqual(['s2']);
		expect(ids(svc.progress)).toEqual(['e1', 's1', 's3']);
		expect(svc.today.ratings).toBe(6);

		const ext = await queueSource('ext', window);
		// Today's ratings are the whole collection's: daily limits apply across the tree.
		expect(ext).toMatchObject({ cardIds: ['e1', 'e2'], newCardIds: [], today: { ratings: 6 } });
		expect(ids(ext.progress)).toEqual(['e1']);
		expect(await queueSource('nowhere', window)).toMatchObject({ cardIds: [], newCardIds: [], progress: [] });
	});

	it('keeps note order when a deck’s cards are interleaved with its sub-deck’s', async () => {
		const note = k8sNote();
		const byId = new Map(note.cards.map((card) => [card.id, card]));
		note.cards = ['e1', 's1', 'e2', 's2', 's3', 'p1', 'p2'].map((id) => byId.get(id)!);
		await syncDecks(serve([note]).fetchJson);
		expect((await queueSource('svc', window)).cardIds).toEqual(['e1', 's1', 'e2', 's2', 's3']);
	});

	it('gives the row of a new card whose bury ran out, and leaves buried cards out', async () => {
		await scenario();
		await buryUntil('s2', NOW - 1);
		await buryUntil('s1', NEXT_DAY);
		const source = await queueSource('svc', window);
		expect(source.newCardIds).toEqual(['s2']);
		expect(ids(source.progress)).toEqual(['e1', 's2', 's3']);
	});

	it('reads a subtree from its own rows and every deck from indexes, with the same answer', async () => {
		await scenario();
		await buryUntil('s2', NOW - 1);
		await buryUntil('s1', NEXT_DAY);
		const [all, n1] = await Promise.all([queueSource(null, window), queueSource('n1', window)]);
		const inN1 = new Set(n1.cardIds);
		expect(all.cardIds.filter((id) => inN1.has(id))).toEqual(n1.cardIds);
		expect(all.newCardIds.filter((id) => inN1.has(id))).toEqual(n1.newCardIds);
		expect(ids(all.progress.filter((p) => inN1.has(p.cardId)))).toEqual(ids(n1.progress));
		expect(ids(n1.progress)).toEqual(['e1', 's2', 's3']);
	});
});

describe('withoutRating', () => {
	it('gives the source as it was before a stored rating of a new, a learning or a review card', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		await importProgress([progressOf('e1', { due: NOW - DAY }), progressOf('p1', { state: 1, due: NOW - HOUR, scheduledDays: 0 })]);
		const sorted = (source: Awaited<ReturnType<typeof queueSource>>) => ({
			...source,
			progress: [...source.progress].sort((a, b) => a.cardId.localeCompare(b.cardId))
		});
		let at = NOW;
		for (const cardId of ['s1', 'e1', 'p1', 's1']) {
			const before = await queueSource(null, { ...window, now: at });
			const previous = before.progress.find((row) => row.cardId === cardId) ?? null;
			at += 1000;
			const { progress, log } = rate(previous, cardId, 3, at, DEFAULT_SETTINGS, 1000, `r-${at}`);
			await recordReview(progress, log);
			const after = await queueSource(null, { ...window, now: at });
			expect(after.latestReviewId).toBe(log.id);
			expect(sorted(withoutRating(after, log, before.latestReviewId, window)), cardId).toEqual(sorted(before));
		}
	});
});
