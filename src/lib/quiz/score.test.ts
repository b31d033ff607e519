import { describe, expect, it } from 'vitest';
import { buildQuiz } from './build-quiz';
import { deployStrategies, logLevels } from './fixtures';
import { checkTypedAnswer, overruleTypedMatch } from './match';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';
import { gradeResponse, summarizeQuiz } from './score';
import type { ChoiceQuestion, ExplainQuestion, Question, QuizResponse, TypedQuestion } from './types';

const index = new QuizIndex([...deployStrategies, ...logLevels]);
const quiz = (types: Question['type'][]) => buildQuiz(index, { deckIds: [], source: 'decks', length: 10, types }, mulberry32(11));

describe('scoring', () => {
	it('grades choices by index', () => {
		const [question] = quiz(['mcq']) as ChoiceQuestion[];
		expect(gradeResponse(question, { type: 'choice', chosenIndex: question.answerIndex })).toBe('correct');
		expect(gradeResponse(question, { type: 'choice', chosenIndex: (question.answerIndex + 1) % question.options.length })).toBe('wrong');
		expect(gradeResponse(question, undefined)).toBe('skipped');
	});

	it('summarises score, given and expected answers, and the missed cards', () => {
		const questions = quiz(['typed']) as TypedQuestion[];
		const responses: (QuizResponse | undefined)[] = questions.map((question, i) => {
			if (i === 0) return { type: 'typed', given: question.expected, match: checkTypedAnswer(question.expected, question.expected) };
			if (i === 1) return { type: 'typed', given: 'no idea', match: checkTypedAnswer('no idea', question.expected) };
			if (i === 2) return { type: 'typed', given: 'my words', match: overruleTypedMatch(checkTypedAnswer('my words', question.expected)) };
			return undefined;
		});
		const summary = summarizeQuiz(questions, responses);
		expect(summary).toMatchObject({ correct: 2, answered: 3, partial: 0, skipped: 7, total: 10 });
		expect(summary.results[1]).toMatchObject({ given: 'no idea', expected: questions[1].expected, outcome: 'wrong', overruled: false });
		expect(summary.results[2]).toMatchObject({ outcome: 'correct', overruled: true });
		expect(summary.missedCardIds).toEqual([questions[1].cardId]);
	});

	it('counts explain self-grades, sending partial and again to review', () => {
		const questions = quiz(['explain']) as ExplainQuestion[];
		const grades = ['good', 'partial', 'again'] as const;
		const responses = questions.slice(0, 3).map((_, i): QuizResponse => ({ type: 'explain', grade: grades[i] }));
		const summary = summarizeQuiz(questions.slice(0, 3), responses);
		expect(summary).toMatchObject({ correct: 1, partial: 1, answered: 3 });
		expect(summary.results[1].given).toBe('partial');
		expect(summary.results[0].expected).toContain(' — ');
		expect(summary.missedCardIds).toEqual([...new Set([...questions[1].cardIds, ...questions[2].cardIds])]);
	});

	it('treats a response of the wrong kind as wrong', () => {
		const [question] = quiz(['typed']);
		expect(gradeResponse(question, { type: 'choice', chosenIndex: 0 })).toBe('wrong');
	});
});
