import { deckCounts, deckTree, latestReviewBefore, streakBefore, studiedBetween, todayStats, todayTotals } from '$lib/db';
import type { Deck } from '$lib/notes/types';
import { applyDailyLimits, dayStart, nextDayStart, type DueCounts, type SchedulerSettings } from '$lib/scheduler';

export interface DeckLine {
	deck: Deck;
	new: number;
	learning: number;
	review: number;
}

export interface HomeTotals {
	/** Today's numbers across every deck, daily limits applied. */
	totals: DueCounts;
	doneToday: number;
}

function studyDay(settings: SchedulerSettings, now: number) {
	const hour = settings.dayStartHour;
	return { hour, start: dayStart(now, hour), next: nextDayStart(now, hour) };
}

/**
 * The numbers at the top of the home screen. They read only as far as the daily limits let
 * them show (see todayTotals), so they are on screen before the per-deck lines, which need a
 * pass over every card's progress, and before the streak, which takes a lookup per day.
 */
export async function homeTotals(settings: SchedulerSettings, now = Date.now()): Promise<HomeTotals> {
	const { start, next } = studyDay(settings, now);
	const [raw, today] = await Promise.all([
		todayTotals(now, next, { new: settings.newPerDay, due: settings.reviewsPerDay }),
		todayStats(start, next, { introduced: settings.newPerDay, reviewed: settings.reviewsPerDay })
	]);
	const studied = { newIntroduced: today.introduced, reviewsDone: today.reviewed };
	const totals = applyDailyLimits({ new: raw.newAvailable, learning: raw.learning, review: raw.due }, settings, studied);
	return { totals, doneToday: today.ratings };
}

const STREAK_KEY = 'tabledeck.streakBefore';

interface StreakBefore {
	/** The study day (its start) the streak ends before. */
	day: number;
	/** The latest rating before that day when it was counted: undoing or adding one changes it. */
	latest: string | null;
	days: number;
}

/**
 * Study days in a row, ending today. The days before today take a lookup each (years of
 * them, seconds), and do not change during the day: they are counted once a day and kept
 * in localStorage, checked against the latest rating before today.
 */
export async function homeStreak(settings: SchedulerSettings, now = Date.now()): Promise<number> {
	const dayStartOf = (ms: number) => dayStart(ms, settings.dayStartHour);
	const today = dayStartOf(now);
	const [studiedToday, latest] = await Promise.all([studiedBetween(today, now + 1), latestReviewBefore(today)]);
	let before = storedStreak();
	if (before?.day !== today || before.latest !== latest) {
		before = { day: today, latest, days: await streakBefore(today, dayStartOf) };
		globalThis.localStorage?.setItem(STREAK_KEY, JSON.stringify(before));
	}
	return before.days + (studiedToday ? 1 : 0);
}

function storedStreak(): StreakBefore | null {
	try {
		return JSON.parse(globalThis.localStorage?.getItem(STREAK_KEY) ?? 'null') as StreakBefore | null;
	} catch {
		return null;
	}
}

/** Decks in tree order with today's counts (daily limits applied, sub-decks included). */
export async function deckLines(settings: SchedulerSettings, now = Date.now()): Promise<DeckLine[]> {
	const { start, next } = studyDay(settings, now);
	const limits = { introduced: settings.newPerDay, reviewed: settings.reviewsPerDay };
	const [decks, counts, today] = await Promise.all([deckTree(), deckCounts(now, next), todayStats(start, next, limits)]);
	const studied = { newIntroduced: today.introduced, reviewsDone: today.reviewed };
	return decks.map((deck) => {
		const raw = counts.get(deck.id) ?? { newAvailable: 0, learning: 0, due: 0 };
		return { deck, ...applyDailyLimits({ new: raw.newAvailable, learning: raw.learning, review: raw.due }, settings, studied) };
	});
}
