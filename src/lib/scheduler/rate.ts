import { formatInterval } from './format-interval';
import { outcomeOf, outcomesOf, recallProbability, type Outcome } from './fsrs';
import { DAY_MS } from './time';
import { NEW, Rating, type CardProgress, type ReviewLogEntry, type SchedulerSettings } from './types';

export interface RatingResult {
	progress: CardProgress;
	log: ReviewLogEntry;
}

export interface IntervalPreview {
	/** When the card would be due (ms). */
	due: number;
	/** The answer-button label, e.g. `10m` or `4d`. */
	label: string;
}

export const RATINGS: readonly Rating[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/**
 * Rates a card at `now`. `progress` null means a new card. The log keeps a copy of the
 * progress before, so undo can put it back exactly.
 */
export function rate(
	progress: CardProgress | null,
	cardId: string,
	rating: Rating,
	now: number,
	settings: SchedulerSettings,
	durationMs: number,
	logId: string
): RatingResult {
	const outcome = outcomeOf(progress, cardId, rating, now, settings);
	const next: CardProgress = {
		cardId,
		due: outcome.due,
		stability: outcome.stability,
		difficulty: outcome.difficulty,
		elapsedDays: outcome.elapsedDays,
		scheduledDays: outcome.scheduledDays,
		learningSteps: outcome.learningSteps,
		reps: outcome.reps,
		lapses: outcome.lapses,
		state: outcome.state,
		lastReview: now,
		suspended: progress?.suspended ?? 0,
		buriedUntil: progress?.buriedUntil ?? 0
	};
	const log: ReviewLogEntry = {
		id: logId,
		cardId,
		rating,
		review: now,
		stateBefore: progress?.state ?? NEW,
		stateAfter: outcome.state,
		elapsedDays: outcome.elapsedDays,
		scheduledDays: outcome.scheduledDays,
		due: outcome.due,
		stability: outcome.stability,
		difficulty: outcome.difficulty,
		durationMs: Math.max(0, Math.round(durationMs)),
		previous: progress ? { ...progress } : null
	};
	return { progress: next, log };
}

/**
 * For each rating, when the card would be due and the label for its button. Pass `cardId`
 * for a new card (null progress): fuzz is seeded by it, so without it Easy's label can be
 * a day off from what `rate` then gives.
 */
export function previewIntervals(
	progress: CardProgress | null,
	now: number,
	settings: SchedulerSettings,
	cardId: string = progress?.cardId ?? ''
): Record<Rating, IntervalPreview> {
	const outcomes = outcomesOf(progress, cardId, now, settings);
	const preview = (outcome: Outcome): IntervalPreview => ({
		due: outcome.due,
		label: formatInterval(outcome.due - now)
	});
	return {
		1: preview(outcomes[1]),
		2: preview(outcomes[2]),
		3: preview(outcomes[3]),
		4: preview(outcomes[4])
	};
}

/**
 * The chance (0–1) the card is recalled at `now`, on FSRS's forgetting curve with the time
 * since the last review in fractional days. 0 for a card never reviewed.
 */
export function retrievability(progress: CardProgress | null | undefined, now: number, w?: readonly number[]): number {
	if (!progress || progress.state === NEW || progress.lastReview === null) return 0;
	if (!(progress.stability > 0)) return 0;
	const days = Math.max(0, now - progress.lastReview) / DAY_MS;
	return recallProbability(progress.stability, days, w);
}
