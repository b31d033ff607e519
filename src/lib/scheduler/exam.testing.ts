/** Shared by the interview-date tests (exam.test.ts, exam-plan.test.ts). */
import { DAY_MS, HOUR_MS } from './time';
import { REVIEW, type CardProgress } from './types';

/** A review card of `stability` days, last reviewed `daysAgo` study days before `now` (three hours earlier in the day). */
export function reviewedCard(now: number, cardId: string, stability: number, daysAgo: number): CardProgress {
	const lastReview = now - daysAgo * DAY_MS - 3 * HOUR_MS;
	return {
		cardId,
		due: lastReview + Math.max(1, Math.round(stability)) * DAY_MS,
		stability,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: Math.max(1, Math.round(stability)),
		learningSteps: 0,
		reps: 4,
		lapses: 0,
		state: REVIEW,
		lastReview,
		suspended: 0,
		buriedUntil: 0
	};
}
