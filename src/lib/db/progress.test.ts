import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEARNING, NEW, RELEARNING, REVIEW } from '$lib/scheduler/types';
import { IDBFactory } from 'fake-indexeddb';
import { closeDatabase } from './database';
import { RatingConflictError, UndoConflictError, UnknownCardError } from './errors';
import {
	buryUntil,
	cardReviewLog,
	getProgress,
	latestReviewId,
	recordReview,
	resetProgress,
	setSuspended,
	undoLastReview,
	undoReview
} from './progress';
import { syncDecks } from './sync';
import { DAY, k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from './testing';

let factory: IDBFactory;

beforeEach(async () => {
	factory = new IDBFactory();
	await openTestDatabase(factory);
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

const first = progressOf('s1', { state: LEARNING, due: NOW + 60_000, reps: 1, scheduledDays: 0 });
const second = progressOf('s1', { state: REVIEW, due: NOW + 3 * DAY, reps: 2, scheduledDays: 3 });
const third = progressOf('s1', { state: RELEARNING, due: NOW + 4 * DAY, reps: 3, lapses: 1 });

describe('recordReview and undo', () => {
	it('writes the new state and appends the log row', async () => {
		const log = logOf(first, null, NOW);
		await recordReview(first, log);
		expect(await getProgress('s1')).toEqual(first);
		expect(await cardReviewLog('s1')).toEqual([log]);
	});

	it('undoes ratings one after another back to a new card, from the database alone', async () => {
		await recordReview(first, logOf(first, null, NOW));
		await recordReview(second, logOf(second, first, NOW + 1000));
		await recordReview(third, logOf(third, second, NOW + 2000));
		// As after a page reload: a new connection, nothing kept in memory.
		closeDatabase();
		await openTestDatabase(factory);

		expect((await undoLastReview())?.review).toBe(NOW + 2000);
		expect(await getProgress('s1')).toEqual(second);
		await undoLastReview();
		expect(await getProgress('s1')).toEqual(first);
		await undoLastReview();
		expect(await getProgress('s1')).toBeNull();
		expect(await cardReviewLog('s1')).toEqual([]);
		expect(await undoLastReview()).toBeNull();
	});

	it('undoes a chosen rating only while it is its card’s latest', async () => {
		const one = logOf(first, null, NOW);
		const two = logOf(second, first, NOW + 1000);
		const other = progressOf('p1');
		await recordReview(first, one);
		await recordReview(second, two);
		await recordReview(other, logOf(other, null, NOW + 2000));
		await expect(undoReview(one.id)).rejects.toBeInstanceOf(UndoConflictError);
		expect(await undoReview(two.id)).toEqual(two);
		expect(await getProgress('s1')).toEqual(first);
		expect(await getProgress('p1')).toEqual(other);
	});

	it('refuses to undo a rating made before a reset', async () => {
		await recordReview(first, logOf(first, null, NOW));
		await resetProgress('s1');
		await expect(undoLastReview()).rejects.toBeInstanceOf(UndoConflictError);
		expect(await cardReviewLog('s1')).toHaveLength(1);
	});

	it('applies nothing of a rating whose log row cannot be written', async () => {
		const log = logOf(first, null, NOW);
		await recordReview(first, log);
		await expect(recordReview(second, { ...logOf(second, first, NOW + 1000), id: log.id })).rejects.toThrow(/already in the review log/);
		expect(await getProgress('s1')).toEqual(first);
		expect(await cardReviewLog('s1')).toEqual([log]);
	});

	it('refuses a card it knows nothing about', async () => {
		const ghost = progressOf('ghost');
		await expect(recordReview(ghost, logOf(ghost, null, NOW))).rejects.toBeInstanceOf(UnknownCardError);
		expect(await getProgress('ghost')).toBeNull();
	});

	it('refuses a rating made from a stale copy of the card, so another tab cannot rate it twice', async () => {
		await recordReview(first, logOf(first, null, NOW));
		// A second tab still showing the card as new rates it too.
		await expect(recordReview(second, logOf(second, null, NOW + 1000))).rejects.toBeInstanceOf(RatingConflictError);
		await setSuspended('s1', true);
		await expect(recordReview(second, logOf(second, first, NOW + 2000))).rejects.toBeInstanceOf(RatingConflictError);
		expect(await getProgress('s1')).toEqual({ ...first, suspended: 1 });
		expect(await cardReviewLog('s1')).toHaveLength(1);
	});

	it('names the latest rating by review time, and the one before after an undo', async () => {
		expect(await latestReviewId()).toBeNull();
		const one = logOf(first, null, NOW);
		const two = logOf(second, first, NOW + 1000);
		await recordReview(first, one);
		await recordReview(second, two);
		expect(await latestReviewId()).toBe(two.id);
		await undoLastReview();
		expect(await latestReviewId()).toBe(one.id);
	});

	it('stores exactly the CardProgress fields, whatever else the object carries', async () => {
		const extra = { ...first, label: 'not stored' };
		await recordReview(extra, logOf(extra, null, NOW));
		expect(await getProgress('s1')).toEqual(first);
	});
});

describe('suspend, bury, reset', () => {
	it('suspends a new card by creating its row, and drops the row again on unsuspend', async () => {
		await setSuspended('s2', true);
		expect(await getProgress('s2')).toMatchObject({ state: NEW, suspended: 1, reps: 0 });
		await setSuspended('s2', false);
		expect(await getProgress('s2')).toBeNull();
	});

	it('suspends and unsuspends a studied card, keeping its state', async () => {
		await recordReview(second, logOf(second, null, NOW));
		await setSuspended('s1', true);
		expect(await getProgress('s1')).toEqual({ ...second, suspended: 1 });
		await setSuspended('s1', false);
		expect(await getProgress('s1')).toEqual(second);
	});

	it('buries until a time and unburies with 0', async () => {
		await buryUntil('s2', NOW + DAY);
		expect(await getProgress('s2')).toMatchObject({ state: NEW, buriedUntil: NOW + DAY });
		await buryUntil('s2', 0);
		expect(await getProgress('s2')).toBeNull();
		await recordReview(second, logOf(second, null, NOW));
		await buryUntil('s1', NOW + DAY);
		expect(await getProgress('s1')).toEqual({ ...second, buriedUntil: NOW + DAY });
	});

	it('resets a card to new and keeps its review log; a suspended card stays suspended', async () => {
		await recordReview(second, logOf(second, null, NOW));
		await resetProgress('s1');
		expect(await getProgress('s1')).toBeNull();
		expect(await cardReviewLog('s1')).toHaveLength(1);

		await recordReview(third, logOf(third, null, NOW + 1000));
		await setSuspended('s1', true);
		await resetProgress('s1');
		expect(await getProgress('s1')).toMatchObject({ state: NEW, suspended: 1, reps: 0, lapses: 0, lastReview: null });
	});

	it('refuses unknown cards', async () => {
		await expect(setSuspended('ghost', true)).rejects.toBeInstanceOf(UnknownCardError);
	});
});
