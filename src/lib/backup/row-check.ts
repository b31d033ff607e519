/**
 * The import's fast path: a hand-written yes/no for one progress or review-log row, the same
 * rules as ./schema's valibot tuples plus ./meaning, in plain comparisons (valibot builds a
 * copy and a result object per value; a million reviews took it ~10 s). It never words a
 * problem: a batch with a row it refuses goes through valibot and ./meaning, which find the
 * row and word the message, so a bad file gets the same message either way. The reader trusts
 * a "yes" alone, so this must refuse every row valibot or ./meaning refuses (row-check.test.ts
 * compares them on many generated rows); refusing more would only cost time.
 */
import { DUE_HORIZON, EARLIEST, PREVIOUS_COLUMNS, PROGRESS_COLUMNS, REVIEW_LOG_COLUMNS, REVIEW_SLACK } from './format';
import { progressRowProblem, reviewProblem } from './meaning';
import { CARD_ID, DIFFICULTY_MAX, MAX_DAYS, ROW_ID, STABILITY_MAX } from './schema';
import type { ProgressTuple, ReviewLogTuple } from './format';

/** valibot's `count`: a finite, whole, non-negative number (-0 passes, as it does there). */
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isAtMost = (x: unknown, max: number) => typeof x === 'number' && x >= 0 && x <= max;
const isState = (x: unknown) => x === 0 || x === 1 || x === 2 || x === 3;
const isMaxDays = (x: unknown) => isAtMost(x, MAX_DAYS);

/** Times the schema's `time()` accepts: whole ms from 2000 up to `latest`, or 0 where `orZero`. */
const isTime = (x: unknown, latest: number) => isCount(x) && x >= EARLIEST && x <= latest;
const isTimeOrZero = (x: unknown, latest: number) => x === 0 || isTime(x, latest);

/** The twelve columns after a progress row's card id, from `at` in `row` (a `previous` is them alone). */
function progressColumnsOk(row: unknown[], at: number, reviewLatest: number, dueLatest: number): boolean {
	return (
		isTimeOrZero(row[at], dueLatest) && // due
		isAtMost(row[at + 1], STABILITY_MAX) &&
		isAtMost(row[at + 2], DIFFICULTY_MAX) &&
		isMaxDays(row[at + 3]) && // elapsedDays
		isMaxDays(row[at + 4]) && // scheduledDays
		isCount(row[at + 5]) && // learningSteps
		isCount(row[at + 6]) && // reps
		isCount(row[at + 7]) && // lapses
		isState(row[at + 8]) &&
		(row[at + 9] === null || isTime(row[at + 9], reviewLatest)) && // lastReview
		(row[at + 10] === 0 || row[at + 10] === 1) && // suspended
		isTimeOrZero(row[at + 11], dueLatest) // buriedUntil
	);
}

const isCardId = (x: unknown) => typeof x === 'string' && CARD_ID.test(x);

/** Whether a progress row passes every check of the schema and ./meaning, against `now`. */
export function progressRowOk(now: number): (row: unknown) => boolean {
	const reviewLatest = now + REVIEW_SLACK;
	const dueLatest = now + DUE_HORIZON;
	return (row) =>
		Array.isArray(row) &&
		row.length === PROGRESS_COLUMNS.length &&
		isCardId(row[0]) &&
		progressColumnsOk(row, 1, reviewLatest, dueLatest) &&
		progressRowProblem(row as ProgressTuple) === null;
}

/** Whether a review-log row passes every check of the schema and ./meaning, against `now`. */
export function reviewRowOk(now: number): (row: unknown) => boolean {
	const reviewLatest = now + REVIEW_SLACK;
	const dueLatest = now + DUE_HORIZON;
	return (row) => {
		if (!Array.isArray(row) || row.length !== REVIEW_LOG_COLUMNS.length) return false;
		const rating = row[2];
		const previous: unknown = row[12];
		return (
			typeof row[0] === 'string' &&
			ROW_ID.test(row[0]) &&
			isCardId(row[1]) &&
			(rating === 1 || rating === 2 || rating === 3 || rating === 4) &&
			isTime(row[3], reviewLatest) && // review
			isState(row[4]) && // stateBefore
			isState(row[5]) && // stateAfter
			isMaxDays(row[6]) && // elapsedDays
			isMaxDays(row[7]) && // scheduledDays
			isTime(row[8], dueLatest) && // due
			isAtMost(row[9], STABILITY_MAX) &&
			isAtMost(row[10], DIFFICULTY_MAX) &&
			isCount(row[11]) && // durationMs
			(previous === null ||
				(Array.isArray(previous) &&
					previous.length === PREVIOUS_COLUMNS.length &&
					progressColumnsOk(previous, 0, reviewLatest, dueLatest))) &&
			reviewProblem(row as ReviewLogTuple) === null
		);
	};
}
