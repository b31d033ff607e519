/**
 * A seeded, plausible review log for the optimizer's tests, e2e seeding and benchmark: each
 * card is learned (a same-day step, an Again repeated), then reviewed at about its stability,
 * remembered with the default model's recall odds, lapses relearned the same day.
 */
import { DEFAULT_PARAMETERS, memoryModel, type Memory } from './fsrs';
import { mulberry32 } from '$lib/quiz/rng';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardStateKind, type Rating } from './types';

export interface SeededReview {
	cardId: string;
	review: number;
	rating: Rating;
	stateBefore: CardStateKind;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * About `reviews` reviews over cards learned within `days` before `now`, all in the hours
 * after local noon, so no review falls near the day-start hour. `memory` is the person's
 * true memory model (FSRS's defaults unless given), which decides what they recall.
 */
export function seededLog(
	reviews: number,
	seed: number,
	now: number,
	days = 365,
	memory: readonly number[] = DEFAULT_PARAMETERS
): SeededReview[] {
	const rng = mulberry32(seed);
	const model = memoryModel(memory);
	const noon = new Date(now - days * DAY);
	noon.setHours(12, 0, 0, 0);
	const log: SeededReview[] = [];
	for (let c = 0; log.length < reviews; c++) {
		const cardId = `card-${c}`;
		let day = Math.floor(rng() * (days - 1));
		let minute = 0;
		let state: Memory | null = null;
		let lastDay = day;
		const push = (rating: Rating, stateBefore: CardStateKind) => {
			state = model.next(state, state ? day - lastDay : 0, rating);
			log.push({ cardId, review: noon.getTime() + day * DAY + minute * MINUTE, rating, stateBefore });
			lastDay = day;
			minute += 10;
		};
		const first = rng();
		push(first < 0.2 ? 1 : first < 0.3 ? 2 : first < 0.9 ? 3 : 4, NEW);
		if (first < 0.3) push(3, LEARNING);
		while (log.length < reviews) {
			const stability: number = (state as Memory | null)?.stability ?? 1;
			day += Math.max(1, Math.round(stability * (0.6 + 0.8 * rng())));
			minute = Math.floor(rng() * 300);
			if (day >= days) break;
			const recalled = rng() < model.recall(day - lastDay, stability);
			const odds = rng();
			push(recalled ? (odds < 0.1 ? 2 : odds < 0.9 ? 3 : 4) : 1, REVIEW);
			if (!recalled) push(3, RELEARNING);
		}
	}
	return log;
}
