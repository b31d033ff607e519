/**
 * Storage-shaped scheduling types. Times are epoch milliseconds, never Dates, so rows go
 * into IndexedDB and JSON backups unchanged; only src/lib/scheduler maps them to ts-fsrs.
 */
import type { Rating } from './rating';

/** ts-fsrs's State numbers: New 0, Learning 1, Review 2, Relearning 3. */
export type CardStateKind = 0 | 1 | 2 | 3;
export const NEW = 0;
export const LEARNING = 1;
export const REVIEW = 2;
export const RELEARNING = 3;

// In a module of its own, so that only the pages that use its names download them.
export { Rating } from './rating';

/** The user's progress on one card. A card without a row is new. */
export interface CardProgress {
	cardId: string;
	/** When the card is next due (ms). */
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardStateKind;
	lastReview: number | null;
	/** 1 when suspended: IndexedDB cannot index booleans. */
	suspended: 0 | 1;
	/** Hidden from queues until this time (ms), e.g. the start of the next day. 0 when not buried. */
	buriedUntil: number;
}

/** One rating, appended to the review log. */
export interface ReviewLogEntry {
	/** Random, unique across devices, so backups merge by id. */
	id: string;
	cardId: string;
	rating: Rating;
	/** When the rating was given (ms). */
	review: number;
	stateBefore: CardStateKind;
	stateAfter: CardStateKind;
	/** Study days since the previous review (0 for a new card, or the same study day). */
	elapsedDays: number;
	/** Days until the new due date (0 while in (re)learning steps). */
	scheduledDays: number;
	/** The new due date (ms). */
	due: number;
	/** Stability after the rating (the value before is in `previous`). */
	stability: number;
	/** Difficulty after the rating. */
	difficulty: number;
	/** How long the person looked at the card before rating (ms). */
	durationMs: number;
	/** The exact progress before this rating (null for a new card): undo restores it. */
	previous: CardProgress | null;
}

export interface SchedulerSettings {
	desiredRetention: number;
	learningSteps: string[];
	relearningSteps: string[];
	maximumInterval: number;
	enableFuzz: boolean;
	newPerDay: number;
	reviewsPerDay: number;
	/** Local hour (0–23) at which the next study day begins. */
	dayStartHour: number;
	/** How far ahead learning cards may be shown when nothing else is left (minutes). */
	learnAheadMinutes: number;
	/**
	 * The person's own FSRS-6 parameters (21 numbers, from Settings → Optimize); absent or
	 * empty for FSRS's defaults. Only scheduler/fsrs.ts reads them, and only when valid.
	 */
	w?: number[];
}

export const DEFAULT_SETTINGS: SchedulerSettings = {
	desiredRetention: 0.9,
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	maximumInterval: 36500,
	enableFuzz: true,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	learnAheadMinutes: 20
};
