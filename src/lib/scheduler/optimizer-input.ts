/**
 * The review log as the FSRS optimizer reads it, converted the way Anki does
 * (fsrs-rs's anki_to_fsrs; Anki's rslib/src/scheduler/fsrs): per card, reviews in time
 * order from the last time the card was learned from new, each with the study days since
 * the previous review (0 for same-day reviews, which FSRS-6's short-term parameters learn
 * from). A training item is a card's history up to one review on a later day than the one
 * before it; the optimizer learns to predict that review's outcome.
 */
import { studyDay } from './time';
import { LEARNING, NEW } from './types';

/** What the conversion reads of a review-log row; any row may be malformed. */
export interface LogReview {
	cardId: unknown;
	review: unknown;
	rating: unknown;
	stateBefore: unknown;
}

/**
 * Cards' review sequences, flat: card k owns `cardLengths[k]` consecutive reviews.
 * Typed arrays, so a large log goes to the worker as a transfer, not a copy.
 */
export interface PackedCards {
	ratings: Uint8Array;
	/** Study days since the card's previous review (0 for its first). */
	deltaDays: Uint32Array;
	/** When each review was given (ms): the evaluation weights recent items more, as fsrs-rs does. */
	times: Float64Array;
	cardLengths: Uint32Array;
}

/**
 * Anki's threshold: its optimizer (since 24.04) refuses logs under 400 reviews it can learn
 * from, keeping the defaults; fewer are too few to move 21 parameters away from values
 * fitted to thousands of people without overfitting.
 */
export const MIN_TRAINING_REVIEWS = 400;

interface Usable {
	cardId: string;
	review: number;
	rating: number;
	learning: boolean;
}

function usable(row: LogReview): Usable | null {
	const { cardId, review, rating, stateBefore } = row;
	if (typeof cardId !== 'string' || typeof review !== 'number' || !Number.isFinite(review)) return null;
	if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) return null;
	return { cardId, review, rating, learning: stateBefore === NEW || stateBefore === LEARNING };
}

/**
 * fsrs-rs's remove_revlog_before_last_first_learn: the history starts at the last run of
 * learning reviews (a card reset to new starts again); a card never seen as new has no usable
 * start (its first reviews are missing, e.g. progress imported without its log).
 */
function fromLastLearning(reviews: Usable[]): Usable[] {
	let start = -1;
	for (let i = reviews.length - 1; i >= 0; i--) {
		if (reviews[i].learning) start = i;
		else if (start !== -1) break;
	}
	return start === -1 ? [] : reviews.slice(start);
}

/**
 * Packs the log per card. Cards with no review on a later study day than the one before it
 * are left out: they train nothing, and fsrs-browser's optimizer panics on them.
 */
export function packReviewLog(rows: Iterable<LogReview>, dayStartHour: number): PackedCards {
	const byCard = new Map<string, Usable[]>();
	for (const row of rows) {
		const review = usable(row);
		if (!review) continue;
		const list = byCard.get(review.cardId);
		if (list) list.push(review);
		else byCard.set(review.cardId, [review]);
	}
	const ratings: number[] = [];
	const deltas: number[] = [];
	const times: number[] = [];
	const lengths: number[] = [];
	// Map order is first-seen order; sorting by card id makes the packing independent of it.
	for (const cardId of [...byCard.keys()].sort()) {
		const history = fromLastLearning(byCard.get(cardId)!.sort((a, b) => a.review - b.review));
		const days = history.map((r) => studyDay(r.review, dayStartHour));
		const delta = days.map((day, i) => (i === 0 ? 0 : Math.max(0, day - days[i - 1])));
		if (!delta.some((d) => d > 0)) continue;
		history.forEach((r, i) => {
			ratings.push(r.rating);
			deltas.push(delta[i]);
			times.push(r.review);
		});
		lengths.push(history.length);
	}
	return {
		ratings: Uint8Array.from(ratings),
		deltaDays: Uint32Array.from(deltas),
		times: Float64Array.from(times),
		cardLengths: Uint32Array.from(lengths)
	};
}

/** One training item: a card's reviews [start, end), the last being the one predicted. */
export interface ItemSpan {
	start: number;
	end: number;
	/** When the predicted review was given (ms). */
	time: number;
}

/** Every training item, oldest predicted review first (fsrs-rs sorts by review id). */
export function trainingItems(cards: PackedCards): ItemSpan[] {
	const items: ItemSpan[] = [];
	let start = 0;
	for (const length of cards.cardLengths) {
		for (let i = start + 1; i < start + length; i++) {
			if (cards.deltaDays[i] > 0) items.push({ start, end: i + 1, time: cards.times[i] });
		}
		start += length;
	}
	// Stable: items of one instant keep card order.
	return items.sort((a, b) => a.time - b.time);
}

/** The flat form fsrs-browser's computeParameters takes: each item's reviews, one item after another. */
export interface OptimizerInput {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

export function optimizerInput(cards: PackedCards, items: readonly ItemSpan[]): OptimizerInput {
	const total = items.reduce((sum, item) => sum + item.end - item.start, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let at = 0;
	items.forEach((item, k) => {
		ratings.set(cards.ratings.subarray(item.start, item.end), at);
		deltaTs.set(cards.deltaDays.subarray(item.start, item.end), at);
		lengths[k] = item.end - item.start;
		at += lengths[k];
	});
	return { ratings, deltaTs, lengths };
}

/** A month, as the issue and Anki's guidance put it: re-optimize about monthly, not after every session. */
export const REMIND_AFTER_MS = 30 * 86_400_000;

/**
 * Whether Settings should suggest optimizing again: a month after the last run, once the
 * person has rated at least MIN_TRAINING_REVIEWS review cards since, enough to change the fit.
 */
export function optimizeReminderDue(lastRunAt: number | null, ratingsSince: number, now: number): boolean {
	return lastRunAt !== null && now - lastRunAt >= REMIND_AFTER_MS && ratingsSince >= MIN_TRAINING_REVIEWS;
}
