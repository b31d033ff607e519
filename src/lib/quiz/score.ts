import { modelAnswerText } from './explain';
import type { Question, QuestionType, QuizResponse } from './types';

export type Outcome = 'correct' | 'partial' | 'wrong' | 'skipped';

export interface QuestionResult {
	questionId: string;
	type: QuestionType;
	prompt: string;
	given: string;
	expected: string;
	outcome: Outcome;
	/** A typed answer marked close or wrong that the person accepted. */
	overruled: boolean;
	cardIds: string[];
}

export interface QuizSummary {
	/** Right answers, out of `answered`: shown as `correct / answered`. */
	correct: number;
	answered: number;
	partial: number;
	skipped: number;
	total: number;
	results: QuestionResult[];
	/** Cards of wrong and partial answers, each once, in quiz order: for "Review the missed cards now". */
	missedCardIds: string[];
}

/** Whether a response answers its question rightly; `partial` only from an explain self-grade. */
export function gradeResponse(question: Question, response: QuizResponse | undefined): Outcome {
	if (!response) return 'skipped';
	if (question.type === 'explain') {
		if (response.type !== 'explain') return 'wrong';
		return response.grade === 'good' ? 'correct' : response.grade === 'partial' ? 'partial' : 'wrong';
	}
	if (question.type === 'typed') return response.type === 'typed' && response.match.accepted ? 'correct' : 'wrong';
	return response.type === 'choice' && response.chosenIndex === question.answerIndex ? 'correct' : 'wrong';
}

/** `responses[i]` answers `questions[i]`; missing entries are skipped questions and count neither way. */
export function summarizeQuiz(questions: readonly Question[], responses: readonly (QuizResponse | undefined)[]): QuizSummary {
	const results = questions.map((question, i) => resultOf(question, responses[i]));
	const count = (outcome: Outcome) => results.filter((result) => result.outcome === outcome).length;
	const missed = new Set(results.filter((r) => r.outcome === 'wrong' || r.outcome === 'partial').flatMap((r) => r.cardIds));
	const skipped = count('skipped');
	return {
		correct: count('correct'),
		answered: results.length - skipped,
		partial: count('partial'),
		skipped,
		total: results.length,
		results,
		missedCardIds: [...missed]
	};
}

function resultOf(question: Question, response: QuizResponse | undefined): QuestionResult {
	const outcome = gradeResponse(question, response);
	const result = {
		questionId: question.id,
		type: question.type,
		prompt: question.prompt,
		outcome,
		overruled: false,
		cardIds: question.cardIds
	};
	if (question.type === 'explain') {
		return { ...result, given: response?.type === 'explain' ? response.grade : '', expected: modelAnswerText(question.model) };
	}
	if (question.type === 'typed') {
		const typed = response?.type === 'typed' ? response : undefined;
		return { ...result, given: typed?.given ?? '', expected: question.expected, overruled: typed?.match.overruled ?? false };
	}
	const chosen = response?.type === 'choice' ? question.options[response.chosenIndex]?.text : undefined;
	return { ...result, given: chosen ?? '', expected: question.options[question.answerIndex].text };
}
