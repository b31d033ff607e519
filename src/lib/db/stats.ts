/**
 * Reads for the statistics page, in two steps. The overview reads counts only (key counts,
 * primary keys, the log's counts by quarter hour) and is meant to be on screen at once. The details need row values:
 * true retention (ratings of a year of reviews) and recall now (every studied card's
 * stability); for the whole collection, finished days of retention are cached (see
 * stats-cache.ts) so that only the days since the last visit are read again. Streaks come
 * from the year's day counts: an all-time walk costs one IndexedDB step per day ever studied.
 */
import { LEARNING, RELEARNING, REVIEW, studyDay, studyDayStart, type CardStateKind } from '$lib/scheduler';
import { RecallSums, rollUp } from '$lib/stats/deck-progress';
import { dayBounds, FORECAST_DAYS } from '$lib/stats/forecast';
import { RetentionDays, retentionTable, type RetentionRow, type RetentionWindow } from '$lib/stats/retention';
import { streaks, type Streaks } from '$lib/stats/heatmap';
import { cmp, type Collection } from 'dexie';
import { CARD_TABLES, cardIdsOfDeck } from './card-store';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { countRanges, LOG_TABLES, ratingsOfCards } from './log-store';
import { subtreeDecks } from './content';
import { fromProgressRow, studyTime, type DeckRow, type ProgressKey, type ProgressRow, type ReviewLogRow } from './rows';
import { suspendedRows } from './ranges';
import { collectionRetention } from './stats-cache';

export const HEATMAP_DAYS = 365;

export interface CardStates {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	suspended: number;
}

export interface DeckSize {
	deckId: string;
	title: string;
	/** Cards in the notes, in this deck and below. */
	cards: number;
}

export interface StatsOverview {
	/** The study day of `now`. */
	today: number;
	/** Reviews per study day over the last HEATMAP_DAYS days. */
	heatmap: Map<number, number>;
	/** Within the heatmap's year; a current streak of the whole year may be longer. */
	streaks: Streaks;
	todayReviews: number;
	todayMs: number;
	/** Cards due on each of the next FORECAST_DAYS study days (overdue ones today). */
	forecast: number[];
	states: CardStates;
	/** The filter deck's sub-decks (or the deck itself when it has none); the notes without a filter. */
	decks: DeckSize[];
}

export interface StatsDetails {
	retention: Record<RetentionWindow, RetentionRow>;
	/** Per deck of the overview: cards in the review state (learnt, not lapsed since; suspended ones too). */
	known: Map<string, number>;
	/** Mean chance of recall now per deck of the overview; null for a deck never studied. */
	recall: Map<string, number | null>;
}

interface Scope {
	decks: DeckRow[];
	/** Deck ids covered, null for everything (hidden progress included). */
	ids: Set<string> | null;
	shown: DeckRow[];
	parentOf: Map<string, string | null>;
}

async function scope(db: Tables, deckId: string | null): Promise<Scope> {
	const decks = deckId === null ? await db.decks.toArray() : await subtreeDecks(db, deckId);
	const children = decks.filter((deck) => deck.parentId === deckId);
	const shown = deckId !== null && children.length === 0 ? decks.filter((d) => d.id === deckId) : children;
	return {
		decks,
		ids: deckId === null ? null : new Set(decks.map((d) => d.id)),
		shown,
		parentOf: new Map(decks.map((deck) => [deck.id, deck.parentId]))
	};
}

const yearStart = (today: number, hour: number) => studyDayStart(today - HEATMAP_DAYS + 1, hour);

export function statsOverview(deckId: string | null, now: number, hour: number): Promise<StatsOverview> {
	return read(['decks', ...CARD_TABLES, ...LOG_TABLES, 'progress'], async (db) => {
		const s = await scope(db, deckId);
		const ids = s.ids;
		const inScope = ids === null ? null : (id: string) => ids.has(id);
		const today = studyDay(now, hour);
		const [history, forecast, states] = await Promise.all([
			s.ids === null ? countedHistory(db, today, hour) : filteredHistory(db, s, today, now, hour),
			forecastCounts(db, inScope, now, hour),
			cardStates(db, s.decks, inScope)
		]);
		const decks = s.shown.map((d) => ({ deckId: d.id, title: d.title, cards: d.cardCount }));
		const days = [...history.heatmap.keys()].sort((a, b) => a - b);
		return {
			today,
			heatmap: history.heatmap,
			streaks: streaks(days, today),
			todayReviews: history.heatmap.get(today) ?? 0,
			todayMs: history.todayMs,
			forecast,
			states,
			decks
		};
	});
}

/**
 * How many keys of `range` are in scope: a key count for the whole collection (nothing
 * crosses into JavaScript), else the primary keys ([deckId, cardId]) filtered by deck.
 */
async function countIn(range: Collection<ProgressRow, ProgressKey>, inScope: ((deckId: string) => boolean) | null): Promise<number> {
	if (inScope === null) return range.count();
	return (await range.primaryKeys()).filter(([deckId]) => inScope(deckId)).length;
}

/** The whole collection: the log's counts per study day, today's answer times with them. */
async function countedHistory(db: Tables, today: number, hour: number) {
	const starts = Array.from({ length: HEATMAP_DAYS + 1 }, (_, i) => studyDayStart(today - HEATMAP_DAYS + 1 + i, hour));
	const counts = await countRanges(db, starts);
	const heatmap = new Map<number, number>();
	counts.forEach((day, i) => day.ratings > 0 && heatmap.set(today - HEATMAP_DAYS + 1 + i, day.ratings));
	return { heatmap, todayMs: counts.at(-1)!.ms };
}

/**
 * A year of a deck's reviews: the log has no deck index, so log-store's ratingsOfCards reads the
 * year once for the scope's cards (reading each card's shard in turn took 100k reads for 100k
 * cards; a small deck reads only its cards' shards).
 * Grouped by card, in scope order, each card's rows as [cardId+review] ordered them (retention
 * counts a card's first review of a day).
 */
async function deckYear(db: Tables, s: Scope, today: number, now: number, hour: number): Promise<ReviewLogRow[][]> {
	const decks = s.ids === null ? [] : s.decks;
	const [cardIds, progressKeys] = await Promise.all([
		Promise.all(decks.map((deck) => cardIdsOfDeck(db, deck))),
		Promise.all(decks.map(({ id }) => db.progress.where('[deckId+cardId]').between([id, MIN_KEY], [id, MAX_KEY]).primaryKeys()))
	]);
	const ids = [...cardIds.flat(), ...progressKeys.flat().map(([, cardId]) => cardId)];
	if (ids.length === 0) return [];
	const byCard = new Map<unknown, ReviewLogRow[]>(ids.map((id) => [id, []]));
	// The year ends with `now` included; ratingsOfCards' end is not.
	for (const row of await ratingsOfCards(db, ids, yearStart(today, hour), Infinity)) {
		if (row.review <= now) byCard.get(row.cardId)?.push(row);
	}
	const year = [...byCard.values()].filter((rows) => rows.length > 0);
	for (const rows of year) rows.sort((a, b) => cmp(a.review, b.review) || cmp(a.id, b.id));
	return year;
}

async function filteredHistory(db: Tables, s: Scope, today: number, now: number, hour: number) {
	const heatmap = new Map<number, number>();
	let todayMs = 0;
	for (const rows of await deckYear(db, s, today, now, hour)) {
		for (const row of rows) {
			const day = studyDay(row.review, hour);
			heatmap.set(day, (heatmap.get(day) ?? 0) + 1);
			if (day === today) todayMs += studyTime(row);
		}
	}
	return { heatmap, todayMs };
}

async function forecastCounts(db: Tables, inScope: ((deckId: string) => boolean) | null, now: number, hour: number) {
	const bounds = dayBounds(now, hour, FORECAST_DAYS);
	const perState = (state: CardStateKind) =>
		Promise.all(
			bounds
				.slice(0, -1)
				.map((lower, i) =>
					countIn(
						db.progress.where('[active+state+due]').between([1, state, i === 0 ? MIN_KEY : lower], [1, state, bounds[i + 1]], true, false),
						inScope
					)
				)
		);
	const [learning, review, relearning] = await Promise.all(([LEARNING, REVIEW, RELEARNING] as const).map(perState));
	return review.map((n, i) => n + learning[i] + relearning[i]);
}

async function cardStates(db: Tables, decks: DeckRow[], inScope: ((deckId: string) => boolean) | null): Promise<CardStates> {
	const inState = (state: CardStateKind) =>
		countIn(db.progress.where('[active+state+due]').between([1, state, MIN_KEY], [1, state, MAX_KEY]), inScope);
	const [learning, review, relearning, suspendedList] = await Promise.all([
		inState(LEARNING),
		inState(REVIEW),
		inState(RELEARNING),
		suspendedRows(db).toArray()
	]);
	const suspended = suspendedList.filter((row) => row.live === 1 && (inScope === null || inScope(row.deckId))).length;
	const cards = decks.reduce((sum, deck) => sum + deck.ownCards, 0);
	return { new: Math.max(0, cards - learning - review - relearning - suspended), learning, review, relearning, suspended };
}

export async function statsDetails(deckId: string | null, now: number, hour: number): Promise<StatsDetails> {
	const today = studyDay(now, hour);
	const [collection, local] = await Promise.all([
		deckId === null ? collectionRetention(now, hour) : null,
		read(['decks', ...CARD_TABLES, ...LOG_TABLES, 'progress'], async (db) => {
			const s = await scope(db, deckId);
			const recall = new RecallSums(now);
			const known = new Map<string, number>();
			const rows =
				s.ids === null
					? await db.progress.toArray()
					: (
							await Promise.all(
								s.decks.map((d) => db.progress.where('[deckId+cardId]').between([d.id, MIN_KEY], [d.id, MAX_KEY]).toArray())
							)
						).flat();
			for (const row of rows) {
				if (row.live !== 1) continue;
				recall.add(row.deckId, fromProgressRow(row));
				if (row.state === REVIEW) known.set(row.deckId, (known.get(row.deckId) ?? 0) + 1);
			}
			const shown = s.shown.map((d) => d.id);
			const perDeck = { recall: recall.means(shown, s.parentOf), known: rollUp(known, shown, s.parentOf) };
			if (s.ids === null) return { ...perDeck, cells: null };
			const retention = new RetentionDays();
			for (const cardRows of await deckYear(db, s, today, now, hour)) {
				for (const row of cardRows) {
					if (row.stateBefore === REVIEW) {
						retention.add({
							cardId: row.cardId,
							day: studyDay(row.review, hour),
							rating: row.rating,
							lastInterval: row.previous?.scheduledDays ?? 0
						});
					}
				}
			}
			return { ...perDeck, cells: retention.cells };
		})
	]);
	return { retention: retentionTable(collection ?? local.cells ?? new Map(), today), known: local.known, recall: local.recall };
}
