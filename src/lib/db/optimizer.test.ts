import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEARNING, NEW, REVIEW } from '$lib/scheduler/types';
import { closeDatabase, database } from './database';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readReviewLog } from './log-reader';
import { MIN_TRAINING_REVIEWS, REMIND_AFTER_MS } from '$lib/scheduler/optimizer-input';
import { dismissOptimizeReminder, lastOptimization, markOptimized, optimizeReminderShown, reviewCardRatingsSince } from './optimizer';
import { QUARTER } from './log-store';
import { openTestDatabase, storeRatings } from './testing';

let factory: IDBFactory;
beforeEach(async () => {
	factory = new IDBFactory();
	await openTestDatabase(factory);
});
afterEach(closeDatabase);

const row = (id: string, review: number, stateBefore: number) =>
	({
		id,
		cardId: 'c',
		rating: 3,
		review,
		stateBefore,
		stateAfter: REVIEW,
		elapsedDays: 0,
		scheduledDays: 1,
		due: review,
		stability: 1,
		difficulty: 5,
		durationMs: 0,
		previous: null
	}) as never;

describe('the optimizer’s storage', () => {
	it('reads every rating with what the conversion needs, and counts review-card ratings after a time', async () => {
		// A quarter hour apart: ratings are counted by quarter hours (log-store's QUARTER).
		const [t1, t2, t3, t4] = [1, 2, 3, 4].map((n) => n * QUARTER);
		await storeRatings([row('a', t1, NEW), row('b', t2, LEARNING), row('c', t3, REVIEW), row('d', t4, REVIEW)]);
		expect(await readReviewLog('tabledeck-test', factory, IDBKeyRange)).toEqual([
			{ cardId: 'c', review: t1, rating: 3, stateBefore: NEW },
			{ cardId: 'c', review: t2, rating: 3, stateBefore: LEARNING },
			{ cardId: 'c', review: t3, rating: 3, stateBefore: REVIEW },
			{ cardId: 'c', review: t4, rating: 3, stateBefore: REVIEW }
		]);
		expect(await reviewCardRatingsSince(0)).toBe(2);
		// A time off the grid is rounded up to the next quarter hour.
		expect(await reviewCardRatingsSince(t3 + 1)).toBe(1);
	});

	it('reads a log larger than one batch, every row once', async () => {
		const rows = Array.from({ length: 25_001 }, (_, i) => row(`r${String(i).padStart(6, '0')}`, i, REVIEW));
		await storeRatings(rows);
		const read = await readReviewLog('tabledeck-test', factory, IDBKeyRange);
		expect(read).toHaveLength(25_001);
		expect(new Set(read.map((r) => r.review)).size).toBe(25_001);
		// 25k rows through fake-indexeddb take seconds on a loaded machine: a wait limit, not a timed assertion.
	}, 60_000);

	it('remembers the last run, and reads a malformed note as none', async () => {
		expect(await lastOptimization()).toBeNull();
		await markOptimized({ at: 5000, reviews: 812 });
		expect(await lastOptimization()).toEqual({ at: 5000, reviews: 812 });
		await database().settings.put({ key: 'optimizer.lastRun', value: 'yesterday' });
		expect(await lastOptimization()).toBeNull();
	});

	it('reminds a month after the last run with enough ratings since, and again a month after "Not now"', async () => {
		const now = 100 * REMIND_AFTER_MS;
		expect(await optimizeReminderShown(now)).toBe(false);
		const ran = now - 2 * REMIND_AFTER_MS;
		await markOptimized({ at: ran, reviews: 500 });
		const since = (n: number, from: number) => Array.from({ length: n }, (_, i) => row(`x${from}-${i}`, from + 1 + i, REVIEW));
		await storeRatings(since(MIN_TRAINING_REVIEWS - 1, ran));
		expect(await optimizeReminderShown(now)).toBe(false);
		await storeRatings(since(1, ran + 1000));
		expect(await optimizeReminderShown(now)).toBe(true);
		await dismissOptimizeReminder(now);
		expect(await optimizeReminderShown(now + REMIND_AFTER_MS)).toBe(false);
	});
});
