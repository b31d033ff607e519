import type { StudyStrings } from '$lib/i18n/study';
import { LEARNING, RELEARNING, REVIEW, type CardProgress } from '$lib/scheduler/types';

/** A card's state in a word, as a deck page or a search result says it. */
export function cardStateName(p: CardProgress | null, now: number, t: StudyStrings): string {
	if (!p) return t.deck.new;
	if (p.suspended) return t.deck.suspended;
	if (p.buriedUntil > now) return t.deck.buried;
	if (p.state === LEARNING) return t.deck.learning;
	if (p.state === RELEARNING) return t.deck.relearning;
	if (p.state === REVIEW) return t.deck.review;
	return t.deck.new;
}
