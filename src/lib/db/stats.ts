/**
 * Reads for the statistics page. Everything is counted on indexes or read in bounded
 * slices: the review log is read one month at a time and only for the last year, and
 * all-time study days come from a key cursor that jumps from day to day.
 */
import { LEARNING, RELEARNING, REVIEW, studyDay, studyDayStart, type CardStateKind } from '$lib/scheduler';
import { dayBounds, FORECAST_DAYS } from '$lib/stats/forecast';
import { DeckProgressCounter, type DeckProgress } from '$lib/stats/deck-progress';
import { streaks, type Streaks } from '$lib/stats/heatmap';
import { RetentionCounter, type RetentionRow, type RetentionWindow } from '$lib/stats/retention';
import { database, MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { subtreeDecks } from './content';
import { fromProgressRow, type DeckRow } from './rows';
import { suspendedRows } from './ranges';

export const HEATMAP_DAYS = 365;
const MONTH_DAYS = 31;

export interface CardStates {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	suspended: number;
}

export interface StatsData {
	/** The study day of `now`. */
	today: number;
	/** Reviews per study day over the last HEATMAP_DAYS days. */
	heatmap: Map<number, number>;
	todayReviews: number;
	todayMs: number;
	/** All decks, all time: a streak is a habit, not a deck's. */
	streaks: Streaks;
	retention: Record<RetentionWindow, RetentionRow>;
	/** Cards due on each of the next FORECAST_DAYS study days (overdue ones today). */
	forecast: number[];
	states: CardStates;
	/** The filter deck's sub-decks (or the deck itself when it has none); the notes without a filter. */
	decks: (DeckProgress & { title: string })[];
}

/** Which decks a filter covers: null for everything (hidden progress included). */
async function scope(db: Tables, deckId: string | null): Promise<{ decks: DeckRow[]; ids: Set<string> | null }> {
	if (deckId === null) return { decks: await db.decks.toArray(), ids: null };
	const decks = await subtreeDecks(db, deckId);
	return { decks, ids: new Set(decks.map((d) => d.id)) };
}

export async function statsData(deckId: string | null, now: number, dayStartHour: number): Promise<StatsData> {
	// The day cursor runs in a native transaction of its own, beside Dexie's.
	const [data, days] = await Promise.all([
		read(['decks', 'progress', 'reviewLog'], async (db) => {
			const { decks, ids } = await scope(db, deckId);
			const inScope = (id: string) => ids === null || ids.has(id);
			const [history, forecast, states, progress] = await Promise.all([
				yearOfReviews(db, inScope, now, dayStartHour),
				forecastCounts(db, inScope, now, dayStartHour),
				cardStates(db, decks, inScope),
				deckProgress(db, deckId, decks, now)
			]);
			return { ...history, forecast, states, decks: progress };
		}),
		studyDays(now, dayStartHour)
	]);
	return { ...data, streaks: streaks(days, data.today) };
}

async function yearOfReviews(db: Tables, inScope: (deckId: string) => boolean, now: number, hour: number) {
	const today = studyDay(now, hour);
	const heatmap = new Map<number, number>();
	const retention = new RetentionCounter(today);
	let todayReviews = 0;
	let todayMs = 0;
	const end = studyDayStart(today + 1, hour);
	// Oldest first, a month at a time: retention counts a card's first review of each day.
	for (let from = today - HEATMAP_DAYS + 1; from <= today; from += MONTH_DAYS) {
		const lower = studyDayStart(from, hour);
		const upper = Math.min(end, studyDayStart(from + MONTH_DAYS, hour));
		const rows = await db.reviewLog.where('review').between(lower, upper, true, false).toArray();
		for (const row of rows) {
			if (!inScope(row.deckId)) continue;
			const day = studyDay(row.review, hour);
			heatmap.set(day, (heatmap.get(day) ?? 0) + 1);
			if (day === today) {
				todayReviews++;
				todayMs += row.durationMs;
			}
			if (row.stateBefore === REVIEW) {
				retention.add({ cardId: row.cardId, day, rating: row.rating, lastInterval: row.previous?.scheduledDays ?? 0 });
			}
		}
	}
	return { today, heatmap, todayReviews, todayMs, retention: retention.result() };
}

async function forecastCounts(db: Tables, inScope: (deckId: string) => boolean, now: number, hour: number) {
	const bounds = dayBounds(now, hour, FORECAST_DAYS);
	const perState = (state: CardStateKind) =>
		Promise.all(
			bounds.slice(0, -1).map(async (lower, i) => {
				const keys = await db.progress
					.where('[active+state+due]')
					.between([1, state, i === 0 ? MIN_KEY : lower], [1, state, bounds[i + 1]], true, false)
					.primaryKeys();
				return keys.filter(([deckId]) => inScope(deckId)).length;
			})
		);
	const [learning, review, relearning] = await Promise.all(([LEARNING, REVIEW, RELEARNING] as const).map(perState));
	return review.map((n, i) => n + learning[i] + relearning[i]);
}

async function cardStates(db: Tables, decks: DeckRow[], inScope: (deckId: string) => boolean): Promise<CardStates> {
	const inState = async (state: CardStateKind) =>
		(await db.progress.where('[active+state+due]').between([1, state, MIN_KEY], [1, state, MAX_KEY]).primaryKeys()).filter(
			([deckId]) => inScope(deckId)
		).length;
	const [learning, review, relearning, suspendedList] = await Promise.all([
		inState(LEARNING),
		inState(REVIEW),
		inState(RELEARNING),
		suspendedRows(db).toArray()
	]);
	const suspended = suspendedList.filter((row) => row.live === 1 && inScope(row.deckId)).length;
	const cards = decks.reduce((sum, deck) => sum + deck.ownCards, 0);
	return { new: Math.max(0, cards - learning - review - relearning - suspended), learning, review, relearning, suspended };
}

async function deckProgress(db: Tables, deckId: string | null, decks: DeckRow[], now: number) {
	const children = decks.filter((deck) => deck.parentId === deckId);
	const shown = deckId !== null && children.length === 0 ? decks.filter((d) => d.id === deckId) : children;
	const counter = new DeckProgressCounter(now);
	const rows =
		deckId === null
			? await db.progress.toArray()
			: (
					await Promise.all(
						decks.map((deck) => db.progress.where('[deckId+cardId]').between([deck.id, MIN_KEY], [deck.id, MAX_KEY]).toArray())
					)
				).flat();
	for (const row of rows) if (row.live === 1) counter.add(row.deckId, fromProgressRow(row));
	const parentOf = new Map(decks.map((deck) => [deck.id, deck.parentId]));
	const titles = new Map(shown.map((deck) => [deck.id, deck.title]));
	return counter
		.result(shown.map((deck) => ({ id: deck.id, cards: deck.cardCount })), parentOf)
		.map((p) => ({ ...p, title: titles.get(p.deckId) ?? '' }));
}

/**
 * Every study day with a review before `now`, ascending: a key-only cursor on the review
 * index that jumps to the next day start after each hit, so it costs one step per day
 * studied, not per review. Native IndexedDB: Dexie cannot continue a cursor to a key.
 */
function studyDays(now: number, hour: number): Promise<number[]> {
	return new Promise((resolve, reject) => {
		const request = database().backendDB().transaction('reviewLog', 'readonly').objectStore('reviewLog').index('review').openKeyCursor();
		const days: number[] = [];
		request.onerror = () => reject(request.error);
		request.onsuccess = () => {
			const cursor = request.result;
			const key = cursor?.key as number | undefined;
			if (!cursor || key === undefined || key > now) return resolve(days);
			const day = studyDay(key, hour);
			days.push(day);
			cursor.continue(Math.max(key + 1, studyDayStart(day + 1, hour)));
		};
	});
}

/** Study days with reviews from `since` (ms) up to `now`, at most `limit` of them. */
export function studyDaysSince(since: number, now: number, hour: number, limit: number): Promise<number> {
	return read(['reviewLog'], async (db) => {
		let found = 0;
		let from = since;
		while (found < limit) {
			const next = await db.reviewLog.where('review').between(from, now, true, true).first();
			if (!next) break;
			found++;
			from = studyDayStart(studyDay(next.review, hour) + 1, hour);
		}
		return found;
	});
}
