import {
	cardPlaces,
	deviceNotes,
	type DeckCounts,
	getExam,
	homeRead,
	limitsUsedToday,
	logFingerprint,
	noteDeckCounts,
	sentToReviewToday,
	streakBefore,
	studiedBetween
} from '$lib/db';
import { DATABASE_NAME } from '$lib/db/name';
import { examOn, type ExamSettings } from '$lib/scheduler/exam-settings';
import type { Deck } from '$lib/notes/types';
import { applyDailyLimits, dayStart, liftNewLimit, nextDayStart, type DueCounts, type SchedulerSettings } from '$lib/scheduler';

export interface DeckLine {
	deck: Deck;
	new: number;
	learning: number;
	review: number;
	/** A note's root deck that was added in the app rather than built from decks/. */
	addedHere?: boolean;
	/** A root line whose sub-decks are read only when it is opened (see noteLines). */
	more?: boolean;
}

export interface HomeTotals {
	/** Today's numbers across every deck, daily limits applied. */
	totals: DueCounts;
	doneToday: number;
	/** Reviews the interview plan brings forward to today, still to do (counted in totals.review). */
	planned: number;
}

function studyDay(settings: SchedulerSettings, now: number) {
	const hour = settings.dayStartHour;
	return { hour, start: dayStart(now, hour), next: nextDayStart(now, hour) };
}

/** Forgets the kept counts, after a change to the log that is not a new rating (a restored backup). */
export function forgetKeptCounts() {
	globalThis.localStorage?.removeItem(STREAK_KEY);
}

/**
 * The interview plan's reviews still to do today; its code loads apart (most people set no
 * date). Promise.resolve keeps a live query following the reads after the import (Dexie's rule
 * for other async calls inside one).
 */
async function plannedToday(settings: SchedulerSettings, now: number, exam?: ExamSettings) {
	if (!examOn(exam ?? (await getExam()))) return [];
	return (await Promise.resolve(import('./exam'))).extraToday(settings, now);
}

/** Where today's sent cards that are still in the notes are. */
async function sentCards(now: number) {
	const sent = await sentToReviewToday(now);
	return sent.length === 0 ? [] : cardPlaces(sent);
}

const STREAK_KEY = `${DATABASE_NAME}.streakBefore`;

interface StreakBefore {
	/** The study day (its start) the streak ends before. */
	day: number;
	/** The log before that day when it was counted (see logFingerprint): undoing or adding a rating changes it. */
	log: { latest: number; ratings: number } | null;
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
	const [studiedToday, log] = await Promise.all([studiedBetween(today, now + 1), logFingerprint(today)]);
	let before = readStored<StreakBefore>(STREAK_KEY);
	if (before?.day !== today || JSON.stringify(before.log) !== JSON.stringify(log)) {
		before = { day: today, log, days: await streakBefore(today, dayStartOf) };
		globalThis.localStorage?.setItem(STREAK_KEY, JSON.stringify(before));
	}
	return before.days + (studiedToday ? 1 : 0);
}

function readStored<T>(key: string): T | null {
	try {
		return JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null') as T | null;
	} catch {
		return null;
	}
}

export interface HomeScreen extends HomeTotals {
	/** Home's first deck lines: each note's root deck with its whole note's counts (its decks are read when it is opened, see noteLines). */
	lines: DeckLine[];
}

/**
 * The home screen's numbers and its first deck lines, the notes' root lines, at once: both are
 * sums of the same totals rows, read once with everything else both need (sent cards, the
 * interview date, today's ratings) in one transaction (homeRead). A
 * note's lines are its root deck's, read without the other deck rows (thousands of them in a
 * big collection).
 */
export async function homeScreen(settings: SchedulerSettings, now = Date.now()): Promise<HomeScreen> {
	const { start, next } = studyDay(settings, now);
	const limits = (sent: number) => ({ new: liftNewLimit(settings, sent).newPerDay, due: settings.reviewsPerDay });
	const home = await homeRead(now, start, next, limits);
	const planned = await plannedToday(settings, now, home.exam);
	const lifted = liftNewLimit(settings, home.sent.length);
	const studied = { newIntroduced: home.used.introduced, reviewsDone: home.used.reviewed };
	const raw = home.today;
	const totals = applyDailyLimits({ new: raw.newAvailable, learning: raw.learning, review: raw.due + planned.length }, lifted, studied);
	// A root's note holds every card and planned review of its note: the root deck's id is its note's.
	const byNote = (places: { noteId: string }[]) => places.map((place) => ({ deckId: place.noteId }));
	const { roots } = home;
	const lines = linesOf(
		roots.map((root) => root.deck),
		new Map(roots.map((root) => [root.deck.id, root.counts])),
		settings,
		{ sent: byNote(home.sent), planned: byNote(planned), addedHere: home.deviceNotes, studied }
	).map((line, i) => (roots[i].hasSubDecks ? { ...line, more: true } : line));
	return { totals, doneToday: home.used.ratings, planned: planned.length, lines };
}

/** The decks of one opened note, root included, in tree order with today's counts. */
export async function noteLines(settings: SchedulerSettings, noteId: string, now = Date.now()): Promise<DeckLine[]> {
	const [{ decks, counts }, context] = await Promise.all([
		noteDeckCounts(noteId, now, studyDay(settings, now).next),
		lineContext(settings, now)
	]);
	return linesOf(decks, counts, settings, context);
}

interface LineContext {
	sent: { deckId: string }[];
	planned: { deckId: string }[];
	addedHere: Set<string>;
	studied: { newIntroduced: number; reviewsDone: number };
}

/** What every deck line needs besides its counts: today's sent cards, planned reviews and limits used. */
async function lineContext(settings: SchedulerSettings, now: number) {
	const { start, next } = studyDay(settings, now);
	const [sent, planned, added] = await Promise.all([sentCards(now), plannedToday(settings, now), deviceNotes()]);
	const limits = { introduced: liftNewLimit(settings, sent.length).newPerDay, reviewed: settings.reviewsPerDay };
	const today = await limitsUsedToday(start, next, limits);
	const studied = { newIntroduced: today.introduced, reviewsDone: today.reviewed };
	return { sent, planned, addedHere: new Set(added.map((note) => note.id)), studied };
}

function linesOf(decks: Deck[], counts: Map<string, DeckCounts>, settings: SchedulerSettings, context: LineContext): DeckLine[] {
	// A sent card lifts the limit of its deck and of every deck above it; a planned review is due today in each of them.
	const parentOf = new Map(decks.map((deck) => [deck.id, deck.parentId]));
	const perDeck = (places: { deckId: string }[]) => {
		const n = new Map<string, number>();
		for (const place of places) {
			for (let id: string | null | undefined = place.deckId; id; id = parentOf.get(id)) n.set(id, (n.get(id) ?? 0) + 1);
		}
		return n;
	};
	const [sentIn, plannedIn] = [perDeck(context.sent), perDeck(context.planned)];
	return decks.map((deck) => {
		const raw = counts.get(deck.id) ?? { newAvailable: 0, learning: 0, due: 0 };
		const limited = applyDailyLimits(
			{ new: raw.newAvailable, learning: raw.learning, review: raw.due + (plannedIn.get(deck.id) ?? 0) },
			liftNewLimit(settings, sentIn.get(deck.id) ?? 0),
			context.studied
		);
		return context.addedHere.has(deck.id) ? { deck, ...limited, addedHere: true } : { deck, ...limited };
	});
}
