import type { CardProgress } from './types';

/**
 * Anki's leech threshold: a card forgotten this many times is worth a look (its table row may
 * need rewriting); it is said again every half of it after, as Anki does. Nothing is suspended.
 */
export const LEECH_LAPSES = 8;

const isLeech = (lapses: number) => lapses >= LEECH_LAPSES && (lapses - LEECH_LAPSES) % (LEECH_LAPSES / 2) === 0;

/** Whether a rating that turned `before` (null: a new card) into `after` is the lapse that makes the card a leech. */
export function madeLeech(before: Pick<CardProgress, 'lapses'> | null, after: Pick<CardProgress, 'lapses'>): boolean {
	return after.lapses > (before?.lapses ?? 0) && isLeech(after.lapses);
}
