/**
 * The plan for every deck an interview date covers (exam-settings.ts): cards of decks with
 * different dates are planned apart (planForDate) and their days laid together.
 */
import { planForDate, type DeckReadiness, type ExamCard } from './exam';
import { examAtOf, type ExamSettings } from './exam-settings';
import { studyDay } from './time';
import type { SchedulerSettings } from './types';

export interface DatedPlan {
	/** Study day → cards to review that day, over every date. */
	days: Map<number, string[]>;
	/** Per deck (as the cards' deckId says): predicted recall without and with the plan. */
	decks: Map<string, DeckReadiness>;
	/** Reviews a day the plan asks for, at most. */
	perDay: number;
}

/**
 * Plans every card under the date that covers it (`dateOf` its deck); cards with no date are
 * left out. Dates that have come give no days: after the date, scheduling is plain FSRS.
 */
export function planExams(
	cards: readonly ExamCard[],
	dateOf: (deckId: string) => string | null,
	exam: ExamSettings,
	now: number,
	settings: SchedulerSettings
): DatedPlan {
	const byDate = new Map<string, ExamCard[]>();
	for (const card of cards) {
		const date = dateOf(card.deckId);
		if (date) byDate.set(date, [...(byDate.get(date) ?? []), card]);
	}
	const days = new Map<number, string[]>();
	const decks = new Map<string, DeckReadiness>();
	for (const [date, group] of byDate) {
		const plan = planForDate(group, now, examAtOf(date, settings.dayStartHour), exam.target, settings);
		for (const { day, cardIds } of plan.days) days.set(day, [...(days.get(day) ?? []), ...cardIds]);
		for (const [deckId, readiness] of plan.decks) decks.set(deckId, readiness);
	}
	return { days, decks, perDay: Math.max(0, ...[...days.values()].map((ids) => ids.length)) };
}

/** The plan's cards for the study day `now` falls in. */
export function plannedOn(plan: DatedPlan, now: number, dayStartHour: number): string[] {
	return plan.days.get(studyDay(now, dayStartHour)) ?? [];
}

/** Readiness of several decks as one (a deck and its sub-decks), weighted by their cards. */
export function mergeReadiness(parts: readonly DeckReadiness[]): DeckReadiness {
	const cards = parts.reduce((sum, part) => sum + part.cards, 0);
	const mean = (field: 'recall' | 'planned') => (cards === 0 ? 0 : parts.reduce((sum, p) => sum + p[field] * p.cards, 0) / cards);
	return { cards, recall: mean('recall'), planned: mean('planned') };
}
