/**
 * The interview date as a setting: a local calendar date (`2026-12-20`) for every deck, and a
 * deck's own date, which covers its sub-decks too. Apart from the planner so that reading the
 * setting (home's counts, every session) loads no FSRS code while no date is set.
 */
import { dayStart, HOUR_MS, nextDayStart, studyDayStart } from './time';
import { REVIEW, type CardProgress } from './types';

export interface ExamSettings {
	/** For every deck without a date of its own; null: off. */
	date: string | null;
	/** The share of cards to recall on the date, 0.7–0.99. */
	target: number;
	/** A deck's own date, for it and its sub-decks (overrides `date`). */
	decks: Record<string, string>;
}

export const EXAM_KEY = 'exam';
export const DEFAULT_EXAM: ExamSettings = { date: null, target: 0.9, decks: {} };
export const TARGET_RULE = { min: 0.7, max: 0.99 };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written yyyy-mm-dd, from 2000 on. */
export function isExamDate(value: unknown): value is string {
	const m = typeof value === 'string' ? DATE.exec(value) : null;
	if (!m) return false;
	const at = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return at.getUTCFullYear() === +m[1] && at.getUTCMonth() === +m[2] - 1 && at.getUTCDate() === +m[3] && +m[1] >= 2000;
}

/** Whether a stored or synced value is a whole, valid exam setting. */
export function isExamSettings(value: unknown): value is ExamSettings {
	const v = value as Partial<ExamSettings> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		(v.date === null || isExamDate(v.date)) &&
		typeof v.target === 'number' &&
		v.target >= TARGET_RULE.min &&
		v.target <= TARGET_RULE.max &&
		typeof v.decks === 'object' &&
		v.decks !== null &&
		!Array.isArray(v.decks) &&
		Object.values(v.decks).every(isExamDate)
	);
}

/** The stored row read tolerantly: anything malformed is the default (no date, off). */
export function examFrom(value: unknown): ExamSettings {
	return isExamSettings(value) ? { date: value.date, target: value.target, decks: { ...value.decks } } : structuredClone(DEFAULT_EXAM);
}

/** When the interview is taken to be: eight hours into its study day (noon with the 04:00 start). */
export function examAtOf(date: string, dayStartHour: number): number {
	const [y, m, d] = date.split('-').map(Number);
	return studyDayStart(Date.UTC(y, m - 1, d) / 86_400_000, dayStartHour) + 8 * HOUR_MS;
}

/** The date covering `deckId`: its own, a parent's (nearest first), or the one for every deck. */
export function dateOfDeck(deckId: string, parentOf: ReadonlyMap<string, string | null>, exam: ExamSettings): string | null {
	for (let id: string | null | undefined = deckId; id; id = parentOf.get(id)) if (exam.decks[id]) return exam.decks[id];
	return exam.date;
}

/** Whether any date is set. */
export function examOn(exam: ExamSettings): boolean {
	return exam.date !== null || Object.keys(exam.decks).length > 0;
}

/**
 * A planned card not yet due is a review today, unless it is suspended, buried, not in review,
 * or already reviewed today (then the plan's work for it is done).
 */
export function isPlannedToday(row: CardProgress | undefined, now: number, dayStartHour: number): row is CardProgress {
	return (
		row !== undefined &&
		row.state === REVIEW &&
		row.suspended === 0 &&
		row.buriedUntil <= now &&
		row.due >= nextDayStart(now, dayStartHour) &&
		(row.lastReview ?? 0) < dayStart(now, dayStartHour)
	);
}
