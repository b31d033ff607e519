import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database } from './database';
import { getProgress } from './progress';
import { queueSource } from './queue';
import { sendToReview } from './quiz-review';
import { sentToReviewToday } from './sent';
import { DAY, NEXT_DAY, NOW, openTestDatabase, scenario, storedRatingCount } from './testing';

beforeEach(async () => {
	await openTestDatabase();
	await scenario();
});
afterEach(closeDatabase);

const window = { now: NOW, dayStart: NEXT_DAY - DAY, nextDayStart: NEXT_DAY };

describe('sendToReview', () => {
	it('makes studied cards due now without touching their memory state or the review log', async () => {
		const before = await getProgress('p2');
		const logRows = await storedRatingCount();
		const report = await sendToReview(['p2', 's1', 's3'], NOW, NEXT_DAY);
		expect(report).toEqual({ due: 3, fresh: 0, skipped: 0 });
		expect(await getProgress('p2')).toEqual({ ...before, due: NOW });
		// Already due earlier: stays as it was.
		expect((await getProgress('s1'))?.due).toBe(NOW - DAY);
		expect((await getProgress('s3'))?.due).toBe(NOW);
		expect(await storedRatingCount()).toBe(logRows);
		const source = await queueSource(null, window);
		expect(source.progress.map((row) => row.cardId)).toContain('p2');
	});

	it('lists new cards for today, lifting a bury, and leaves suspended, hidden and unknown cards alone', async () => {
		const report = await sendToReview(['s2', 'p1', 'e2', 'l1', 'no-such-card', 's2'], NOW, NEXT_DAY);
		expect(report).toEqual({ due: 0, fresh: 2, skipped: 3 });
		expect(await sentToReviewToday(NOW)).toEqual(['s2', 'p1']);
		// p1's row only held its bury: without it, p1 is a plain new card again.
		expect(await getProgress('p1')).toBeNull();
		expect((await getProgress('e2'))?.suspended).toBe(1);
		expect((await queueSource(null, window)).newCardIds).toEqual(['s2', 'p1', 'l0', 'l2']);
	});

	it('adds to the day’s list, and starts a new list the next study day', async () => {
		await sendToReview(['s2'], NOW, NEXT_DAY);
		await sendToReview(['l0', 's2'], NOW + 1000, NEXT_DAY);
		expect(await sentToReviewToday(NOW + 2000)).toEqual(['s2', 'l0']);
		expect(await sentToReviewToday(NEXT_DAY)).toEqual([]);
		await sendToReview(['l2'], NEXT_DAY + 1000, NEXT_DAY + DAY);
		expect(await sentToReviewToday(NEXT_DAY + 2000)).toEqual(['l2']);
	});

	it('ignores a damaged list instead of failing', async () => {
		await database().settings.put({ key: 'quiz.sentToReview', value: { until: 'soon', cardIds: 3 } });
		expect(await sentToReviewToday(NOW)).toEqual([]);
		await database().settings.put({ key: 'quiz.sentToReview', value: { until: NEXT_DAY, cardIds: ['s2', 7] } });
		expect(await sentToReviewToday(NOW)).toEqual(['s2']);
		await sendToReview(['l0'], NOW, NEXT_DAY);
		expect(await sentToReviewToday(NOW)).toEqual(['s2', 'l0']);
	});
});
