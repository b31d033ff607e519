import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from './database';
import { addQuizResult, quizHistory } from './quiz';
import { NOW, openTestDatabase, quizResult as quiz, storedRatingCount } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('quiz history', () => {
	it('lists quizzes newest first, all or those of one deck, and keeps them out of the review log', async () => {
		await addQuizResult(quiz('a', NOW, ['svc']));
		await addQuizResult(quiz('b', NOW + 2, ['svc', 'probe']));
		await addQuizResult(quiz('c', NOW + 1, []));
		expect((await quizHistory()).map((q) => q.id)).toEqual(['b', 'c', 'a']);
		expect((await quizHistory('svc')).map((q) => q.id)).toEqual(['b', 'a']);
		expect((await quizHistory('probe', 1))[0]).toEqual(quiz('b', NOW + 2, ['svc', 'probe']));
		expect(await quizHistory(undefined, 2)).toHaveLength(2);
		expect(await storedRatingCount()).toBe(0);
	});
});
