import { queueKindOf, remainingLimits, type DueCounts, type ProgressLookup, type QueueFields } from './queue-kind';
import { dayStart, MINUTE_MS, nextDayStart } from './time';
import { NEW, REVIEW, type ReviewLogEntry, type SchedulerSettings } from './types';

/** A deck and the cards that sit in it directly (not in the decks below it). */
export interface DeckCards {
	id: string;
	parentId: string | null;
	cardIds: readonly string[];
}

/** What today's limits have used up so far, across the whole collection. */
export interface StudiedToday {
	newIntroduced: number;
	reviewsDone: number;
}

/**
 * What has counted against today's limits, from the review log: a rating of a new card
 * introduces it, a rating of a card in review state is a review (learning steps count
 * against neither, as in Anki). Pass the log rows of today, or more: older ones are skipped.
 */
export function studiedToday(
	log: Iterable<Pick<ReviewLogEntry, 'review' | 'stateBefore'>>,
	now: number,
	dayStartHour: number
): StudiedToday {
	const from = dayStart(now, dayStartHour);
	const to = nextDayStart(now, dayStartHour);
	let newIntroduced = 0;
	let reviewsDone = 0;
	for (const entry of log) {
		if (entry.review < from || entry.review >= to) continue;
		if (entry.stateBefore === NEW) newIntroduced++;
		else if (entry.stateBefore === REVIEW) reviewsDone++;
	}
	return { newIntroduced, reviewsDone };
}

/**
 * Per-deck counts for the home screen, as Anki's deck list shows them: each deck counts
 * its own cards and every deck's below it, new and review capped by what is left of the
 * day's limits, learning cards due within the learn-ahead window uncapped. With one preset
 * for every deck, capping a parent's sum equals Anki's capping child by child. One pass
 * over the cards, then one walk up the tree per deck.
 */
export function deckCounts(
	decks: readonly DeckCards[],
	progress: ProgressLookup<QueueFields>,
	now: number,
	settings: SchedulerSettings,
	studied: StudiedToday
): Map<string, DueCounts> {
	const dayEnd = nextDayStart(now, settings.dayStartHour);
	const learnCutoff = now + settings.learnAheadMinutes * MINUTE_MS;
	const deckCount = decks.length;
	const newRaw = new Float64Array(deckCount);
	const learningRaw = new Float64Array(deckCount);
	const reviewRaw = new Float64Array(deckCount);
	const indexById = new Map<string, number>();
	decks.forEach((deck, i) => indexById.set(deck.id, i));

	for (let d = 0; d < deckCount; d++) {
		let fresh = 0;
		let learning = 0;
		let review = 0;
		for (const cardId of decks[d].cardIds) {
			const row = progress.get(cardId);
			const kind = queueKindOf(row, now, dayEnd);
			if (kind === 'new') fresh++;
			else if (kind === 'review') review++;
			else if (kind === 'learning' && (row as QueueFields).due <= learnCutoff) learning++;
		}
		// Add this deck's own cards to itself and to every deck above it; the step bound
		// stops a malformed parent cycle.
		for (let at: number | undefined = d, steps = 0; at !== undefined && steps <= deckCount; steps++) {
			newRaw[at] += fresh;
			learningRaw[at] += learning;
			reviewRaw[at] += review;
			const parentId: string | null = decks[at].parentId;
			at = parentId === null ? undefined : indexById.get(parentId);
		}
	}

	const counts = new Map<string, DueCounts>();
	for (let d = 0; d < deckCount; d++) {
		const raw = { new: newRaw[d], learning: learningRaw[d], review: reviewRaw[d] };
		counts.set(decks[d].id, applyDailyLimits(raw, settings, studied));
	}
	return counts;
}

/**
 * Caps a deck's raw counts (its cards and every deck's below it) by what is left of the
 * day's limits; learning cards are never capped. For callers that count on indexes
 * instead of calling `deckCounts`.
 */
export function applyDailyLimits(raw: DueCounts, settings: SchedulerSettings, studied: StudiedToday): DueCounts {
	const { newLimit, reviewLimit } = remainingLimits(settings.newPerDay, settings.reviewsPerDay, studied.newIntroduced, studied.reviewsDone);
	return {
		new: Math.min(raw.new, newLimit),
		learning: raw.learning,
		review: Math.min(raw.review, reviewLimit)
	};
}

/**
 * New cards a quiz sent to today's review come on top of the new-card limit: the review
 * session takes them first, past the limit, and the home counts must promise what a session
 * will show. `sent` is how many of them the deck or session holds.
 */
export function liftNewLimit(settings: SchedulerSettings, sent: number): SchedulerSettings {
	return sent === 0 ? settings : { ...settings, newPerDay: settings.newPerDay + sent };
}
