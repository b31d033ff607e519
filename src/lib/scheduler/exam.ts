/**
 * Ready by a date: the share of cards a person is predicted to recall on an interview day (the
 * FSRS forgetting curve at that date), and a plan that brings forward the cards that would be
 * below a target then, spread evenly over the days left. The plan fakes nothing: it says which
 * cards to review on which day; the reviews themselves are real ratings.
 */
import { outcomeOf, parametersOf } from './fsrs';
import { retrievability } from './rate';
import { HOUR_MS, studyDay, studyDayStart } from './time';
import { NEW, Rating, type CardProgress, type SchedulerSettings } from './types';

export interface ExamCard {
	cardId: string;
	deckId: string;
	progress: CardProgress | null;
}

export interface DeckReadiness {
	cards: number;
	/** Mean predicted recall on the date without the plan (new cards count as 0). */
	recall: number;
	/** The same after the plan's reviews, each taken as Good. */
	planned: number;
}

export interface ExamPlan {
	/** Study days from today to the day before the date, each with the cards to review then. */
	days: { day: number; cardIds: string[] }[];
	/** Reviews a day the plan asks for, at most. */
	perDay: number;
	decks: Map<string, DeckReadiness>;
}

/** The chance of recalling the card at `at` if it is reviewed as Good at `reviewAt`. */
function recallAfterReview(card: ExamCard, reviewAt: number, at: number, settings: SchedulerSettings): number {
	const next = outcomeOf(card.progress, card.cardId, Rating.Good, reviewAt, settings);
	return retrievability({ ...(card.progress as CardProgress), ...next, lastReview: reviewAt }, at, parametersOf(settings));
}

/**
 * Plans reviews so that every studied card is recalled with at least `target` at `examAt`.
 * Each card gets a window of days in which a review reaches the target (the latest days reach
 * it best); cards are placed, tightest window first, on the least loaded day of their window,
 * the later day on a tie, so no day carries a pile. New cards are not planned: they have no
 * memory to predict, and come through the daily new-card limit.
 */
export function planForDate(
	cards: readonly ExamCard[],
	now: number,
	examAt: number,
	target: number,
	settings: SchedulerSettings
): ExamPlan {
	const hour = settings.dayStartHour;
	const today = studyDay(now, hour);
	const last = studyDay(examAt, hour) - 1;
	const days = Array.from({ length: Math.max(0, last - today + 1) }, (_, i) => ({ day: today + i, cardIds: [] as string[] }));
	// A planned review is taken eight hours into its study day (noon with the 04:00 start), or now.
	const reviewTime = (day: number) => Math.max(now, studyDayStart(day, hour) + 8 * HOUR_MS);
	const decks = new Map<string, DeckReadiness>();
	const windows: { card: ExamCard; from: number; recall: number }[] = [];
	for (const card of cards) {
		const deck = decks.get(card.deckId) ?? { cards: 0, recall: 0, planned: 0 };
		decks.set(card.deckId, deck);
		deck.cards++;
		const studied = card.progress !== null && card.progress.state !== NEW && card.progress.stability > 0;
		const recall = studied ? retrievability(card.progress, examAt, parametersOf(settings)) : 0;
		deck.recall += recall;
		if (!studied || recall >= target || days.length === 0) {
			deck.planned += recall;
			continue;
		}
		let from = last;
		for (let day = today; day < last; day++) {
			if (recallAfterReview(card, reviewTime(day), examAt, settings) >= target) {
				from = day;
				break;
			}
		}
		windows.push({ card, from, recall });
	}
	windows.sort((a, b) => b.from - a.from);
	for (const { card, from } of windows) {
		let best = days[days.length - 1];
		for (let i = days.length - 1; i >= from - today; i--) if (days[i].cardIds.length < best.cardIds.length) best = days[i];
		best.cardIds.push(card.cardId);
		(decks.get(card.deckId) as DeckReadiness).planned += recallAfterReview(card, reviewTime(best.day), examAt, settings);
	}
	for (const deck of decks.values()) {
		deck.recall /= deck.cards;
		deck.planned /= deck.cards;
	}
	return { days, perDay: Math.max(0, ...days.map((d) => d.cardIds.length)), decks };
}

/** Whole days left before `examAt` counted in study days (0 on the day itself). */
export function daysLeft(now: number, examAt: number, settings: SchedulerSettings): number {
	return Math.max(0, studyDay(examAt, settings.dayStartHour) - studyDay(now, settings.dayStartHour));
}
