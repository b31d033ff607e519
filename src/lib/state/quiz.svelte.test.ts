import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addQuizResult, closeDatabase, quizHistory, resetProgress, sentToReviewToday } from '$lib/db';
import { NOW, openTestDatabase, scenario, storedRatingCount } from '$lib/db/testing';
import { DEFAULT_QUIZ_SETUP, type QuizSetup, type TypedQuestion } from '$lib/quiz';
import { QuizSession, quizHistoryOf } from './quiz.svelte';

let factory: IDBFactory;

beforeEach(async () => {
	factory = new IDBFactory();
	await openTestDatabase(factory);
	await scenario();
});
afterEach(closeDatabase);

const typedAll: QuizSetup = { ...DEFAULT_QUIZ_SETUP, deckIds: ['n1'], length: 'all', types: ['typed'] };

async function session(setup: QuizSetup): Promise<QuizSession> {
	const quiz = new QuizSession(4);
	await quiz.load(setup);
	return quiz;
}

describe('QuizSession', () => {
	it('drops decks that are gone from the notes', async () => {
		const quiz = await session({ ...typedAll, deckIds: ['svc', 'gone', 'logs'] });
		expect(quiz.setup.deckIds).toEqual(['svc', 'logs']);
		expect(quiz.decks).toHaveLength(6);
	});

	it('picks a seed when it starts, and the same seed asks the same quiz', async () => {
		const quiz = await session(typedAll);
		await quiz.start(NOW, () => 1234);
		expect(quiz.phase).toBe('asking');
		expect(quiz.setup.seed).toBe(1234);
		const asked = quiz.run!.questions.map((q) => q.id);
		expect(asked).toHaveLength(7);
		const again = await session({ ...typedAll, seed: 1234 });
		await again.start(NOW, () => 99);
		expect(again.run!.questions.map((q) => q.id)).toEqual(asked);
		again.change({ ...again.setup, length: 10 });
		expect(again.setup.seed).toBeUndefined();
	});

	it('keeps the finished quiz in history, not in the review log, and sends the missed cards to review', async () => {
		const logRows = await storedRatingCount();
		const quiz = await session({ ...typedAll, deckIds: ['probe'] });
		await quiz.start(NOW, () => 7);
		const [first, second] = quiz.run!.questions as TypedQuestion[];
		quiz.run!.submitTyped(first.expected);
		await quiz.next(NOW + 1000);
		quiz.run!.submitTyped('no idea');
		await quiz.next(NOW + 65_000);
		expect(quiz.phase).toBe('results');
		const [saved] = await quizHistory('probe');
		expect(saved).toMatchObject({ deckIds: ['probe'], score: 1, total: 2, durationMs: 65_000, at: NOW + 65_000 });
		expect(saved.answers.map((a) => a.outcome)).toEqual(['correct', 'wrong']);
		expect(await storedRatingCount()).toBe(logRows);

		await quiz.sendMissed(NOW + 70_000);
		// p1 is new (its bury is lifted), p2 a review card now due.
		const newCard = second.cardId === 'p1';
		expect(quiz.sent).toEqual({ due: newCard ? 0 : 1, fresh: newCard ? 1 : 0, skipped: 0 });
		expect(await sentToReviewToday(NOW + 70_000)).toEqual(newCard ? ['p1'] : []);
	});

	it('says why a due or weak quiz is empty, and stays on the setup', async () => {
		const quiz = await session({ ...typedAll, deckIds: ['logs'], source: 'weak' });
		await quiz.start(NOW);
		expect(quiz).toMatchObject({ phase: 'setup', empty: 'weak', run: null });
		const due = await session({ ...typedAll, deckIds: ['probe'], source: 'due' });
		await due.start(NOW);
		// p2 is due in 30 days: not soon.
		expect(due).toMatchObject({ phase: 'setup', empty: 'due' });
		const weak = await session({ ...typedAll, source: 'weak' });
		await weak.start(NOW);
		expect(weak.run!.questions.map((q) => q.cardId).sort()).toEqual(['e1', 'p2', 's1', 's3']);
	});

	it('ranks each weak quiz on fresh progress', async () => {
		const quiz = await session({ ...typedAll, deckIds: ['svc'], source: 'weak' });
		await quiz.start(NOW);
		expect(quiz.run!.questions.map((q) => q.cardId).sort()).toEqual(['e1', 's1', 's3']);
		// Forgotten in the deck page after the quiz: s1 is new again, so no longer ranked.
		await resetProgress('s1');
		quiz.newQuiz();
		await quiz.start(NOW);
		expect(quiz.run!.questions.map((q) => q.cardId).sort()).toEqual(['e1', 's3']);
	});

	it('reads the cards while the setup is shown, and reports a failed read instead of starting', async () => {
		const quiz = await session(typedAll);
		closeDatabase();
		// Read before the database closed.
		await quiz.start(NOW);
		expect(quiz.phase).toBe('asking');
		quiz.newQuiz();
		quiz.change({ ...quiz.setup, deckIds: ['svc'] });
		await quiz.start(NOW);
		expect(quiz).toMatchObject({ phase: 'setup', run: null });
		expect(quiz.error).toMatch(/not open/);
		// The failed read is not kept: once storage is back, the quiz starts.
		await openTestDatabase(factory);
		await quiz.start(NOW);
		expect(quiz).toMatchObject({ phase: 'asking', error: '' });
	});
});

describe('quizHistoryOf', () => {
	it('merges the history of several decks, newest first, each quiz once', async () => {
		const result = (id: string, at: number, deckIds: string[]) => ({ id, at, deckIds, score: 1, total: 2, durationMs: 1, answers: [] });
		await addQuizResult(result('a', NOW, ['svc']));
		await addQuizResult(result('b', NOW + 2, ['svc', 'logs']));
		await addQuizResult(result('c', NOW + 1, ['logs']));
		await addQuizResult(result('d', NOW + 3, []));
		const ids = (results: { id: string }[]) => results.map((r) => r.id);
		expect(ids(await quizHistoryOf(['svc', 'logs']))).toEqual(['b', 'c', 'a']);
		expect(ids(await quizHistoryOf([]))).toEqual(['d', 'b', 'c', 'a']);
		expect(ids(await quizHistoryOf(['svc', 'logs'], 2))).toEqual(['b', 'c']);
	});
});
