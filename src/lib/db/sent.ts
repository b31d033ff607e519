// Its own module, with no import of the progress code: the home screen reads it on every visit.
import { read } from './database';

/**
 * New cards sent to today's review (a quiz's missed cards, or "Learn 10 more" at the end of a
 * session), kept as a settings row: new cards have no due date to move, so the review session
 * reads this list and shows them first, past the daily new-card limit. The list ends with the
 * study day it was made in.
 */
export const SENT_KEY = 'quiz.sentToReview';

export interface SentList {
	/** The end of the study day the cards were sent in (ms). */
	until: number;
	cardIds: string[];
}

export function sentList(value: unknown, now: number): string[] {
	const list = value as Partial<SentList> | undefined;
	if (!list || typeof list.until !== 'number' || list.until <= now || !Array.isArray(list.cardIds)) return [];
	return list.cardIds.filter((id): id is string => typeof id === 'string');
}

/** The new cards sent to review during the study day that contains `now`, oldest first. */
export function sentToReviewToday(now: number): Promise<string[]> {
	return read(['settings'], async (db) => sentList((await db.settings.get(SENT_KEY))?.value, now));
}
