/**
 * Checks that join the columns of one row, made once each value alone is known to be in range
 * (./schema): a card's memory state is one FSRS could give, its due date does not precede its
 * last review, a review agrees with the state it started from, a quiz's score fits its answers.
 * Each returns the first problem as [column, message, value found], or null.
 */
import { REVIEW_SLACK, type PreviousTuple, type ProgressTuple, type ReviewLogTuple } from './format';
import { DIFFICULTY_MIN, STABILITY_MIN } from './schema';
import type { QuizResult } from '$lib/db';

export type Problem = [column: string, message: string, found: unknown];

/** A card's progress, as a progress row (without its id) or a review's `previous`. */
function progressProblem(t: PreviousTuple, prefix: string): Problem | null {
	const [due, stability, difficulty, , , , reps, lapses, state, lastReview] = t;
	if (!(stability === 0 && difficulty === 0) && !(stability >= STABILITY_MIN && difficulty >= DIFFICULTY_MIN)) {
		return [
			`${prefix}stability`,
			`and difficulty must both be 0 (never rated) or at least ${STABILITY_MIN} and ${DIFFICULTY_MIN}`,
			[stability, difficulty]
		];
	}
	if (due === 0 && state !== 0) return [`${prefix}due`, 'must be a time: only a new card has none', due];
	// A day's slack: "send to review" makes a card due now, and another device's clock may have been ahead.
	if (lastReview !== null && due < lastReview - REVIEW_SLACK) return [`${prefix}due`, `is before the last review (${lastReview})`, due];
	if (lapses > reps) return [`${prefix}lapses`, `cannot exceed reps (${reps})`, lapses];
	return null;
}

export function progressRowProblem(t: ProgressTuple): Problem | null {
	return progressProblem(t.slice(1) as PreviousTuple, '');
}

/** A review is the step from `previous` (null: a card never rated) to the state it logs. */
export function reviewProblem(t: ReviewLogTuple): Problem | null {
	const [, , , review, stateBefore, stateAfter, , , due, stability, difficulty, , previous] = t;
	if (stateAfter === 0) return ['stateAfter', 'cannot be new: a rating always leaves a card learning or reviewed', stateAfter];
	if (!(stability >= STABILITY_MIN && difficulty >= DIFFICULTY_MIN)) {
		return ['stability', `and difficulty after a rating must be at least ${STABILITY_MIN} and ${DIFFICULTY_MIN}`, [stability, difficulty]];
	}
	if (due < review) return ['due', `is before the review itself (${review})`, due];
	if (previous === null) return stateBefore === 0 ? null : ['stateBefore', 'must be 0 (new) when there is no previous state', stateBefore];
	if (previous[8] !== stateBefore) return ['stateBefore', `must be the previous state's (${previous[8]})`, stateBefore];
	return progressProblem(previous, 'previous.');
}

export function quizProblem(q: QuizResult): Problem | null {
	if (q.total > q.answers.length) return ['total', `cannot exceed the ${q.answers.length} answers`, q.total];
	if (q.score > q.total) return ['score', `cannot exceed the total (${q.total})`, q.score];
	return null;
}
