import {
	checkTypedAnswer,
	keepTypedMatchWrong,
	overruleTypedMatch,
	summarizeQuiz,
	type Question,
	type QuizResponse,
	type QuizSummary,
	type SelfGrade
} from '$lib/quiz';

/**
 * One quiz being taken: the question on screen, the answers so far, and the time. Answers
 * live here only; the page saves the finished quiz (see quiz.svelte.ts). A question is
 * answered once: after that only `overrule` and `keepWrong` (typed) can change its verdict.
 */
export class QuizRun {
	readonly questions: Question[];
	readonly startedAt: number;
	responses = $state<(QuizResponse | undefined)[]>([]);
	/** The position of the question on screen. */
	at = $state(0);
	/** Explain questions: the model answer is shown. */
	revealed = $state(false);
	/** The question on screen has been answered (a skipped one never is). */
	answered = $derived(this.responses[this.at] !== undefined);
	finishedAt = $state<number | null>(null);
	response = $derived(this.responses[this.at]);

	constructor(questions: Question[], startedAt: number) {
		this.questions = questions;
		this.startedAt = startedAt;
	}

	get question(): Question | undefined {
		return this.questions[this.at];
	}

	get isLast(): boolean {
		return this.at >= this.questions.length - 1;
	}

	get finished(): boolean {
		return this.finishedAt !== null;
	}

	/** Multiple choice: the option at `index` (0-based). */
	choose(index: number): boolean {
		const question = this.question;
		if (this.answered || this.finished || !question || question.type === 'explain' || question.type === 'typed') return false;
		if (index < 0 || index >= question.options.length) return false;
		return this.answer({ type: 'choice', chosenIndex: index });
	}

	/** Typed answers: false (nothing recorded) for a blank one. */
	submitTyped(given: string): boolean {
		const question = this.question;
		if (this.answered || this.finished || question?.type !== 'typed' || !given.trim()) return false;
		return this.answer({ type: 'typed', given, match: checkTypedAnswer(given, question.expected) });
	}

	/** The person says a typed answer marked close or wrong was right. */
	overrule(): void {
		const response = this.response;
		if (response?.type !== 'typed' || response.match.accepted) return;
		this.responses[this.at] = { ...response, match: overruleTypedMatch(response.match) };
	}

	/** The person says a close typed answer stays wrong. */
	keepWrong(): void {
		const response = this.response;
		if (response?.type !== 'typed') return;
		this.responses[this.at] = { ...response, match: keepTypedMatchWrong(response.match) };
	}

	reveal(): void {
		if (this.question?.type === 'explain' && !this.finished) this.revealed = true;
	}

	grade(grade: SelfGrade): boolean {
		if (this.answered || this.finished || this.question?.type !== 'explain' || !this.revealed) return false;
		return this.answer({ type: 'explain', grade });
	}

	next(now: number): void {
		if (this.finished) return;
		if (this.isLast) {
			this.finishedAt = now;
			return;
		}
		this.at++;
		this.revealed = false;
	}

	get durationMs(): number {
		return Math.max(0, (this.finishedAt ?? this.startedAt) - this.startedAt);
	}

	summary(): QuizSummary {
		return summarizeQuiz(this.questions, this.responses);
	}

	private answer(response: QuizResponse): boolean {
		this.responses[this.at] = response;
		return true;
	}
}
