import { describe, expect, it } from 'vitest';
import { buildQuiz, mulberry32, QuizIndex, type ChoiceQuestion, type Question, type TypedQuestion } from '$lib/quiz';
import { deployStrategies, logLevels } from '$lib/quiz/fixtures';
import { QuizRun } from './quiz-run.svelte';

const index = new QuizIndex([...deployStrategies, ...logLevels]);
const quiz = (types: Question['type'][], length: 10 | 'all' = 10) =>
	buildQuiz(index, { deckIds: [], source: 'decks', length, types }, mulberry32(3));

describe('QuizRun', () => {
	it('takes one answer per question and scores the quiz', () => {
		const questions = quiz(['mcq']) as ChoiceQuestion[];
		const run = new QuizRun(questions, 1000);
		expect(run.choose(questions[0].answerIndex)).toBe(true);
		expect(run.answered).toBe(true);
		// A second pick does not change the first.
		expect(run.choose((questions[0].answerIndex + 1) % 4)).toBe(false);
		run.next(2000);
		expect(run.choose(9)).toBe(false);
		run.choose((questions[1].answerIndex + 1) % questions[1].options.length);
		for (let i = 1; i < questions.length; i++) run.next(3000 + i);
		expect(run.finished).toBe(true);
		expect(run.durationMs).toBe(3000 + questions.length - 1 - 1000);
		expect(run.summary()).toMatchObject({ correct: 1, answered: 2, skipped: questions.length - 2 });
	});

	it('refuses a blank typed answer, checks the rest forgivingly, and lets a wrong verdict be overruled', () => {
		const questions = quiz(['typed']) as TypedQuestion[];
		const run = new QuizRun(questions, 0);
		expect(run.submitTyped('   ')).toBe(false);
		expect(run.answered).toBe(false);
		expect(run.submitTyped(` ${questions[0].expected.toUpperCase()} `)).toBe(true);
		expect(run.response).toMatchObject({ type: 'typed', match: { accepted: true } });
		run.next(1);
		run.submitTyped('something else entirely');
		expect(run.response).toMatchObject({ match: { verdict: 'wrong', accepted: false } });
		run.overrule();
		expect(run.response).toMatchObject({ match: { verdict: 'wrong', accepted: true, overruled: true } });
		expect(run.summary()).toMatchObject({ correct: 2, answered: 2 });
	});

	it('leaves a close typed answer to the person: wrong until counted, and kept wrong on their word (issue #16)', () => {
		const questions = quiz(['typed']) as TypedQuestion[];
		const run = new QuizRun(questions, 0);
		const almost = (expected: string) => `${expected}를`;
		run.submitTyped(almost(questions[0].expected));
		expect(run.response).toMatchObject({ match: { verdict: 'close', accepted: false, kept: false } });
		run.keepWrong();
		expect(run.response).toMatchObject({ match: { verdict: 'close', accepted: false, kept: true } });
		run.next(1);
		run.submitTyped(almost(questions[1].expected));
		run.overrule();
		expect(run.response).toMatchObject({ match: { verdict: 'close', accepted: true, overruled: true } });
		run.next(2);
		run.submitTyped(almost(questions[2].expected));
		expect(run.summary()).toMatchObject({ correct: 1, answered: 3 });
	});

	it('grades an explain question only once its model answer is shown', () => {
		const questions = quiz(['explain']);
		const run = new QuizRun(questions, 0);
		expect(run.grade('good')).toBe(false);
		run.reveal();
		expect(run.revealed).toBe(true);
		expect(run.grade('partial')).toBe(true);
		run.next(1);
		expect(run.revealed).toBe(false);
		expect(run.summary()).toMatchObject({ partial: 1, correct: 0, answered: 1 });
		expect(run.summary().missedCardIds).toEqual(questions[0].cardIds);
	});

	it('answers nothing of the wrong kind', () => {
		const run = new QuizRun(quiz(['typed']), 0);
		expect(run.choose(0)).toBe(false);
		run.reveal();
		expect(run.revealed).toBe(false);
		expect(run.grade('good')).toBe(false);
	});
});
