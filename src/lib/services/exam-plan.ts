/**
 * The interview plan over the stored progress (loaded lazily: it brings the planner and FSRS).
 */
import { examSource, getExam, type ExamSource } from '$lib/db/exam';
import { getSettings } from '$lib/db/settings';
import type { DeckReadiness } from '$lib/scheduler/exam';
import { mergeReadiness, planExams, plannedOn, type DatedPlan } from '$lib/scheduler/exam-plan';
import { daysLeft } from '$lib/scheduler/exam';
import { dateOfDeck, examAtOf, type ExamSettings } from '$lib/scheduler/exam-settings';
import { parametersOf } from '$lib/scheduler/fsrs';
import { retrievability } from '$lib/scheduler/rate';
import type { SchedulerSettings } from '$lib/scheduler/types';

function plan(source: ExamSource, exam: ExamSettings, settings: SchedulerSettings, now: number): DatedPlan {
	return planExams(source.started, (deckId) => dateOfDeck(deckId, source.parentOf, exam), exam, now, settings);
}

/** Today's cards of the plan over every deck a date covers. */
export async function planToday(exam: ExamSettings, settings: SchedulerSettings, now: number): Promise<string[]> {
	return plannedOn(plan(await examSource(), exam, settings, now), now, settings.dayStartHour);
}

export interface Readiness extends DeckReadiness {
	date: string;
	target: number;
	/** Study days left before the date (0 on the day and after). */
	daysLeft: number;
	/** Reviews a day the plan asks of this deck and its sub-decks, at most. */
	perDay: number;
	/** Cards not studied yet: they count as not recalled. */
	unstudied: number;
}

/** Readiness of a deck and its sub-decks for the date that covers it; null when none does. */
export async function deckReadiness(deckId: string, settings: SchedulerSettings, now = Date.now()): Promise<Readiness | null> {
	const [exam, source] = await Promise.all([getExam(), examSource()]);
	const date = dateOfDeck(deckId, source.parentOf, exam);
	if (!date) return null;
	const inside = (id: string) => within(id, [deckId], source.parentOf);
	const decks = [...source.parentOf.keys()].filter(inside);
	const started = source.started.filter((card) => inside(card.deckId));
	// The deck's own date for all of it: a sub-deck with another date is shown on its own page.
	const dated = planExams(started, () => date, exam, now, settings);
	const total = decks.reduce((sum, id) => sum + (source.ownCards.get(id) ?? 0), 0);
	const merged = mergeReadiness([...dated.decks.values()]);
	// Cards never studied count as 0 on the date.
	const share = (mean: number) => (total === 0 ? 0 : (mean * merged.cards) / total);
	return {
		date,
		target: exam.target,
		daysLeft: daysLeft(now, examAtOf(date, settings.dayStartHour), settings),
		cards: total,
		recall: share(merged.recall),
		planned: share(merged.planned),
		perDay: dated.perDay,
		unstudied: Math.max(0, total - merged.cards)
	};
}

/** Whether `deckId` is one of `roots` or below one. */
function within(deckId: string, roots: readonly string[], parentOf: ReadonlyMap<string, string | null>): boolean {
	for (let at: string | null | undefined = deckId; at; at = parentOf.get(at)) if (roots.includes(at)) return true;
	return false;
}

/**
 * The quiz's "weakest on interview day": each studied card of `deckIds` (every deck when empty)
 * that a date covers, ranked by its predicted recall on that date, lowest first.
 */
export async function examRanking(deckIds: readonly string[]): Promise<Map<string, number>> {
	const [exam, source, settings] = await Promise.all([getExam(), examSource(), getSettings()]);
	const ranking = new Map<string, number>();
	for (const { cardId, deckId, progress } of source.started) {
		if (deckIds.length > 0 && !within(deckId, deckIds, source.parentOf)) continue;
		const date = dateOfDeck(deckId, source.parentOf, exam);
		if (date) ranking.set(cardId, retrievability(progress, examAtOf(date, settings.dayStartHour), parametersOf(settings)));
	}
	return ranking;
}
