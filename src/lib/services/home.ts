import { deckCounts, deckTree, studyStreak, todayStats } from '$lib/db';
import type { Deck } from '$lib/notes/types';
import { applyDailyLimits, dayStart, nextDayStart, type SchedulerSettings } from '$lib/scheduler';

export interface DeckLine {
	deck: Deck;
	new: number;
	learning: number;
	review: number;
}

export interface HomeData {
	/** Decks in tree order with today's counts (daily limits applied, sub-decks included). */
	lines: DeckLine[];
	totals: { new: number; learning: number; review: number };
	doneToday: number;
	streak: number;
}

/** Everything the home screen shows, read in one go (a live query re-runs it on changes). */
export async function homeData(settings: SchedulerSettings, now = Date.now()): Promise<HomeData> {
	const hour = settings.dayStartHour;
	const start = dayStart(now, hour);
	const next = nextDayStart(now, hour);
	const [decks, counts, today, streak] = await Promise.all([
		deckTree(),
		deckCounts(now, next),
		todayStats(start, next),
		studyStreak(now, (ms) => dayStart(ms, hour))
	]);
	const studied = { newIntroduced: today.introduced, reviewsDone: today.reviewed };
	const limited = (raw: { newAvailable: number; learning: number; due: number }) =>
		applyDailyLimits({ new: raw.newAvailable, learning: raw.learning, review: raw.due }, settings, studied);
	const lines = decks.map((deck) => {
		const raw = counts.get(deck.id) ?? { cards: 0, newAvailable: 0, learning: 0, due: 0 };
		return { deck, ...limited(raw) };
	});
	const roots = decks.filter((deck) => deck.parentId === null).map((deck) => counts.get(deck.id));
	const sum = { cards: 0, newAvailable: 0, learning: 0, due: 0 };
	for (const raw of roots) {
		if (!raw) continue;
		sum.newAvailable += raw.newAvailable;
		sum.learning += raw.learning;
		sum.due += raw.due;
	}
	return { lines, totals: limited(sum), doneToday: today.ratings, streak };
}
