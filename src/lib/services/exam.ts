/**
 * Today's share of the interview plan, for the queue and the counts. The plan takes a pass
 * over every started card, so it is made once per study day (and again when the setting or
 * the scheduler settings change) and its list for today kept in localStorage: a reload, or a
 * review of a planned card, does not move today's cards. The planner (and FSRS) loads only
 * while a date is set.
 */
import { activeRows, getExam } from '$lib/db/exam';
import { DATABASE_NAME } from '$lib/db/name';
import { examOn, isPlannedToday, type ExamSettings } from '$lib/scheduler/exam-settings';
import { dayStart } from '$lib/scheduler/time';
import type { CardProgress, SchedulerSettings } from '$lib/scheduler/types';

const TODAY_KEY = `${DATABASE_NAME}.examToday`;

interface KeptToday {
	/** The study day (its start) the list is for. */
	day: number;
	/** The exam and scheduler settings it was planned with. */
	key: string;
	cardIds: string[];
}

/** Ids of the cards the plan gives today, planned or read from today's list. */
export async function plannedIds(settings: SchedulerSettings, now = Date.now(), exam?: ExamSettings): Promise<string[]> {
	exam ??= await getExam();
	if (!examOn(exam)) return [];
	const day = dayStart(now, settings.dayStartHour);
	const key = JSON.stringify([exam, settings]);
	const kept = readKept();
	if (kept?.day === day && kept.key === key && Array.isArray(kept.cardIds)) return kept.cardIds;
	// Promise.resolve: inside a live query, Dexie keeps following reads only through its own promises.
	const { planToday } = await Promise.resolve(import('./exam-plan'));
	const cardIds = await planToday(exam, settings, now);
	globalThis.localStorage?.setItem(TODAY_KEY, JSON.stringify({ day, key, cardIds } satisfies KeptToday));
	return cardIds;
}

/**
 * The planned cards still to review today: in review, not due today anyway, not reviewed
 * today, not suspended or buried (isPlannedToday). These are the extra reviews.
 */
export async function extraToday(
	settings: SchedulerSettings,
	now = Date.now()
): Promise<{ deckId: string; noteId: string; progress: CardProgress }[]> {
	const rows = await activeRows(await plannedIds(settings, now));
	return rows.filter((row) => isPlannedToday(row.progress, now, settings.dayStartHour));
}

/** Forgets today's list (tests, and a restored backup that brings other progress). */
export function forgetPlannedToday() {
	globalThis.localStorage?.removeItem(TODAY_KEY);
}

function readKept(): KeptToday | null {
	try {
		return JSON.parse(globalThis.localStorage?.getItem(TODAY_KEY) ?? 'null') as KeptToday | null;
	} catch {
		return null;
	}
}
