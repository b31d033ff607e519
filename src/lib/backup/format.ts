/**
 * The backup file, version 1. One JSON object; the big sections hold rows as arrays in the
 * column order named in `columns` (half the size of objects, and much faster to read back):
 *
 * {"format":"tabledeck-backup","version":1,"exportedAt":"2025-03-10T12:00:00.000Z",
 *  "columns":{"progress":[…],"reviewLog":[…],"previous":[…]},
 *  "settings":{"scheduler.newPerDay":20,…},"preferences":{"theme":"dark","locale":"system"},
 *  "progress":[
 *  ["3f0c…",1741608000000,…],
 *  …],
 *  "reviewLog":[…],"quizHistory":[{…}],
 *  "counts":{"progress":2,"reviewLog":3,"quizHistory":0}}
 *
 * `progress` lists every card the file knows, including cards reset to new (state 0, no
 * last review), so every review-log row names a card listed there. A log row's `previous`
 * is the card's progress before the rating (progress columns without the card id), or null.
 */
import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';

export const BACKUP_FORMAT = 'tabledeck-backup';
export const BACKUP_VERSION = 1;

export const PROGRESS_COLUMNS = [
	'cardId',
	'due',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'state',
	'lastReview',
	'suspended',
	'buriedUntil'
] as const;

export const PREVIOUS_COLUMNS = PROGRESS_COLUMNS.slice(1);

export const REVIEW_LOG_COLUMNS = [
	'id',
	'cardId',
	'rating',
	'review',
	'stateBefore',
	'stateAfter',
	'elapsedDays',
	'scheduledDays',
	'due',
	'stability',
	'difficulty',
	'durationMs',
	'previous'
] as const;

/** Sections written as one array element per line, and read back in batches. */
export const ROW_SECTIONS = ['progress', 'reviewLog', 'quizHistory'] as const;
export type RowSection = (typeof ROW_SECTIONS)[number];

export type ProgressTuple = [
	cardId: string,
	due: number,
	stability: number,
	difficulty: number,
	elapsedDays: number,
	scheduledDays: number,
	learningSteps: number,
	reps: number,
	lapses: number,
	state: CardProgress['state'],
	lastReview: number | null,
	suspended: 0 | 1,
	buriedUntil: number
];

type Rest<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
export type PreviousTuple = Rest<ProgressTuple>;

export type ReviewLogTuple = [
	id: string,
	cardId: string,
	rating: ReviewLogEntry['rating'],
	review: number,
	stateBefore: ReviewLogEntry['stateBefore'],
	stateAfter: ReviewLogEntry['stateAfter'],
	elapsedDays: number,
	scheduledDays: number,
	due: number,
	stability: number,
	difficulty: number,
	durationMs: number,
	previous: PreviousTuple | null
];

export function toProgressTuple(p: CardProgress): ProgressTuple {
	return [p.cardId, ...toPreviousTuple(p)];
}

function toPreviousTuple(p: CardProgress): PreviousTuple {
	return [
		p.due,
		p.stability,
		p.difficulty,
		p.elapsedDays,
		p.scheduledDays,
		p.learningSteps,
		p.reps,
		p.lapses,
		p.state,
		p.lastReview,
		p.suspended,
		p.buriedUntil
	];
}

export function fromProgressTuple(t: ProgressTuple): CardProgress {
	return fromPreviousTuple(t[0], t.slice(1) as PreviousTuple);
}

function fromPreviousTuple(cardId: string, t: PreviousTuple): CardProgress {
	const [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil] = t;
	return { cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil };
}

export function toReviewLogTuple(log: ReviewLogEntry): ReviewLogTuple {
	return [
		log.id,
		log.cardId,
		log.rating,
		log.review,
		log.stateBefore,
		log.stateAfter,
		log.elapsedDays,
		log.scheduledDays,
		log.due,
		log.stability,
		log.difficulty,
		log.durationMs,
		log.previous === null ? null : toPreviousTuple(log.previous)
	];
}

export function fromReviewLogTuple(t: ReviewLogTuple): ReviewLogEntry {
	const [id, cardId, rating, review, stateBefore, stateAfter, elapsedDays, scheduledDays, due, stability, difficulty, durationMs, previous] = t;
	return {
		id,
		cardId,
		rating,
		review,
		stateBefore,
		stateAfter,
		elapsedDays,
		scheduledDays,
		due,
		stability,
		difficulty,
		durationMs,
		previous: previous === null ? null : fromPreviousTuple(cardId, previous)
	};
}
