import { NEW, REVIEW, type CardProgress } from './types';

export type QueueKind = 'new' | 'learning' | 'review';

/** Cards left to study, as Anki's blue / red / green numbers. */
export interface DueCounts {
	new: number;
	learning: number;
	review: number;
}

/** The fields of a progress row that decide which queue a card is in. */
export type QueueFields = Pick<CardProgress, 'state' | 'due' | 'suspended' | 'buriedUntil'>;

/** Anything with `get`, such as a Map of progress rows by card id. */
export interface ProgressLookup<T extends QueueFields = CardProgress> {
	get(cardId: string): T | undefined;
}

/**
 * Which of today's queues a card belongs to, or null when it is suspended, buried or not
 * due before the next day starts. A card without a progress row is new. Learning cards
 * are due by the minute; whether one counts yet is up to the caller's learn-ahead cutoff.
 */
export function queueKindOf(progress: QueueFields | undefined, now: number, dayEnd: number): QueueKind | null {
	if (progress === undefined) return 'new';
	if (progress.suspended === 1 || progress.buriedUntil > now) return null;
	if (progress.state === NEW) return 'new';
	if (progress.due >= dayEnd) return null;
	return progress.state === REVIEW ? 'review' : 'learning';
}

/** What is left of today's limits, with one preset shared by every deck. */
export function remainingLimits(
	newPerDay: number,
	reviewsPerDay: number,
	newIntroducedToday: number,
	reviewsDoneToday: number
): { newLimit: number; reviewLimit: number } {
	return {
		newLimit: Math.max(0, newPerDay - newIntroducedToday),
		reviewLimit: Math.max(0, reviewsPerDay - reviewsDoneToday)
	};
}
