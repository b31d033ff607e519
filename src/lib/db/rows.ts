/**
 * The shapes stored in IndexedDB and the one place that maps them to and from the app's
 * types. Rows add fields that only exist for indexing (positions, deck and note ids, flags
 * as 0/1 because IndexedDB cannot index booleans); the app's types never see them.
 */
import type { Card, Deck } from '$lib/notes/types';
import type { QuestionResult } from '$lib/quiz/score';
import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';
import type { SyncEvent } from '$lib/sync/events';

export interface NoteRow {
	/** The note's root deck id, as `deckId` in index.json. */
	id: string;
	file: string;
	json: string;
	hash: string;
	/** Place in index.json: notes are shown and studied in this order. */
	pos: number;
	/**
	 * 'device': added in the app (src/lib/db/device-notes.ts), not from the built decks, so a
	 * deck refresh leaves it alone. Absent on bundled notes. Not indexed: no schema change.
	 */
	source?: 'device';
	/** A device note's markdown as added, so it can be exported or re-imported later. */
	markdown?: string;
	/**
	 * Each card's digest (db/card-digest.ts) in the note's card order, 16 hex digits a card,
	 * so a deck update finds changed cards without reading them. Absent on rows stored before
	 * it existed and on device notes; then the old cards are read once. Not indexed.
	 */
	cardDigests?: string;
}

export interface DeckRow extends Deck {
	noteId: string;
	/** Place in the note's deck list (parents before children). */
	pos: number;
	/** Cards in this deck alone, without sub-decks. */
	ownCards: number;
}

export interface CardRow extends Card {
	noteId: string;
	/** Place in the note's card list, so new cards are introduced in note order. */
	pos: number;
}

/**
 * A note's card directory (db/card-store.ts): its card ids in card order, each card's deck as
 * a number into `decks`. Indexed on `ids` (multi-entry): a card id finds its note.
 */
export interface CardNoteRow {
	noteId: string;
	ids: string[];
	decks: string[];
	deckOf: number[];
}

/**
 * Cards `page * PAGE_SIZE` … of a note, in card order (db/card-store.ts), as the JSON of a
 * CardRow[]: IndexedDB copies one string whole, where a list of cards is cloned field by field.
 */
export interface CardPageRow {
	noteId: string;
	page: number;
	json: string;
}

/** Where a card's progress belongs; fixed for a card id, except `live`. */
export interface Placement {
	deckId: string;
	noteId: string;
	/** 0 while the card is not in the notes: its progress is kept but hidden. */
	live: 0 | 1;
}

/** Primary key [deckId, cardId], so key-only reads group progress by deck for free. */
export interface ProgressRow extends CardProgress, Placement {
	/** live and not suspended: the only rows counted or queued (buried ones are few and checked apart). */
	active: 0 | 1;
}

export type ProgressKey = [deckId: string, cardId: string];

export interface ReviewLogRow extends ReviewLogEntry {
	deckId: string;
	/**
	 * Write order of the ratings made in this database (1, 2, …); absent on rows written
	 * before schema version 3 and on rows restored from a backup, which are nobody's latest.
	 */
	seq?: number;
}

/**
 * Page `page` of a shard of the review log (db/log-page.ts, schema 7): up to PAGE_CAP ratings of
 * the cards whose ids hash to `shard`, in write order. `rows` is the JSON of those JSON holds
 * exactly, `odd` the others as written (structured clones).
 */
export interface LogPageRow {
	shard: number;
	page: number;
	/** Highest whole-number seq in the page, 0 when none (indexed: the next seq, the last rating). */
	seq: number;
	/** Highest finite numeric review in the page, -1 when none or lower (indexed: the latest review time). */
	last: number;
	count: number;
	rows: string;
	odd?: ReviewLogRow[];
}

/**
 * The ratings of UTC day `t` (review in [t, t + 1) days) by quarter hour: slot i of each list
 * counts the quarter hour t * 96 + i. Kept with every page write (db/log-store.ts, schema 8).
 */
export interface LogDayRow {
	t: number;
	ratings: number[];
	/** Ratings whose stateBefore is NEW. */
	fresh: number[];
	/** Ratings whose stateBefore is REVIEW. */
	reviewed: number[];
	/** Answer times, each clamped to [0, a day] (a bad one counts as 0). */
	ms: number[];
}

/** Every day row summed: the row keyed `'total'` (strings sort after every number, so no day range reads it). */
export interface LogTotalRow {
	t: 'total';
	ratings: number;
	fresh: number;
	reviewed: number;
	ms: number;
}

export type LogTimeRow = LogDayRow | LogTotalRow;

/** Schema 7's row: the ratings of quarter hour `t` (review in [t, t + 1) * 15 min); the upgrade to 8 turns them into day rows. */
export interface LogQuarterRow {
	t: number;
	ratings: number;
	fresh: number;
	reviewed: number;
	ms: number;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export function toDeckRow(deck: Deck, noteId: string, pos: number, ownCards: number): DeckRow {
	const { id, title, parentId, path, file, cardCount, hash } = deck;
	return { id, title, parentId, path, file, cardCount, hash, noteId, pos, ownCards };
}

export function fromDeckRow(row: DeckRow): Deck {
	const { id, title, parentId, path, file, cardCount, hash } = row;
	return { id, title, parentId, path, file, cardCount, hash };
}

export function toCardRow(card: Card, noteId: string, pos: number): CardRow {
	return { ...fromCardRow(card), noteId, pos };
}

/** Exactly the Card fields (also strips a CardRow's extras). */
export function fromCardRow(row: Card): Card {
	const { id, deckId, front, back, frontText, backText, source, tableId, rowKey, column, direction, kind } = row;
	const place = { file: source.file, line: source.line };
	const card: Card = { id, deckId, front, back, frontText, backText, source: place, tableId, rowKey, column, direction };
	if (kind === 'keys' || kind === 'order') card.kind = kind;
	return card;
}

/** Copies exactly the CardProgress fields, so stray properties never reach the database. */
export function pickProgress(p: CardProgress): CardProgress {
	return {
		cardId: p.cardId,
		due: p.due,
		stability: p.stability,
		difficulty: p.difficulty,
		elapsedDays: p.elapsedDays,
		scheduledDays: p.scheduledDays,
		learningSteps: p.learningSteps,
		reps: p.reps,
		lapses: p.lapses,
		state: p.state,
		lastReview: p.lastReview,
		suspended: p.suspended,
		buriedUntil: p.buriedUntil
	};
}

export function toProgressRow(p: CardProgress, place: Placement): ProgressRow {
	const { deckId, noteId, live } = place;
	const active = live === 1 && p.suspended === 0 ? 1 : 0;
	return { ...pickProgress(p), deckId, noteId, live, active };
}

export const fromProgressRow: (row: ProgressRow) => CardProgress = pickProgress;

export function progressKey(row: Pick<ProgressRow, 'deckId' | 'cardId'>): ProgressKey {
	return [row.deckId, row.cardId];
}

/** The progress of a card never studied, as stored when it must exist (e.g. suspended). */
export function newProgress(cardId: string): CardProgress {
	return {
		cardId,
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		state: 0,
		lastReview: null,
		suspended: 0,
		buriedUntil: 0
	};
}

export function toReviewLogRow(log: ReviewLogEntry, deckId: string): ReviewLogRow {
	return { ...fromReviewLogRow(log), deckId };
}

/** Exactly the ReviewLogEntry fields (also strips a row's deckId). */
export function fromReviewLogRow(row: ReviewLogEntry): ReviewLogEntry {
	return {
		id: row.id,
		cardId: row.cardId,
		rating: row.rating,
		review: row.review,
		stateBefore: row.stateBefore,
		stateAfter: row.stateAfter,
		elapsedDays: row.elapsedDays,
		scheduledDays: row.scheduledDays,
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		durationMs: row.durationMs,
		// Anything but an object (a row of an older version or a bad backup) says "no state before".
		previous: row.previous !== null && typeof row.previous === 'object' ? pickProgress(row.previous) : null
	};
}

/** A rating's answer time; one no rating can take (NaN, negative, over a day: a bad row) counts as none. */
export function studyTime(row: Pick<ReviewLogEntry, 'durationMs'>): number {
	const ms = row.durationMs;
	return typeof ms === 'number' && ms >= 0 && ms <= 86_400_000 ? ms : 0;
}

/** One finished quiz. Kept apart from the review log: quiz answers never touch FSRS state. */
export interface QuizResult {
	/** Random, unique across devices, like review-log ids. */
	id: string;
	/** When the quiz ended (ms). */
	at: number;
	/** The decks it drew from (each with its sub-decks); empty for all decks. */
	deckIds: string[];
	score: number;
	total: number;
	durationMs: number;
	answers: QuestionResult[];
}

/** A sync event as this device keeps it: `pushed` is 1 once the server confirmed it has it. */
export type EventRow = SyncEvent & { pushed: 0 | 1 };

/**
 * Cards per 15-minute bucket of due time (bucket = floor(due / 15 min)), buckets ascending, no zero
 * counts. Read from a shard row they are views of its one typed array (see deck-totals-pack.ts).
 */
export interface DueHistogram {
	buckets: ArrayLike<number>;
	counts: ArrayLike<number>;
}

/** One deck's totals of its progress rows (see deck-totals.ts), an entry of a shard row; kept in step by every progress write. */
export interface DeckTotalsRow {
	deckId: string;
	/** The note its progress rows name (format 2): the notes' root lines sum their decks' totals by it. */
	noteId: string | null;
	started: number;
	suspended: number;
	learning: DueHistogram;
	review: DueHistogram;
	relearning: DueHistogram;
}

/**
 * A deckTotals row: the totals of the decks whose ids hash to `shard` (see shardOf), few rows for
 * thousands of decks, packed (format 3, see deck-totals-pack.ts): the entries' [deckId, noteId]
 * pairs as one JSON string, and all their numbers in one typed array.
 */
export interface TotalsShardRow {
	shard: number;
	keys: string;
	data: Int32Array | Float64Array;
}

/** deckTotals' row under COMPLETE_KEY: present when every deck's totals are there, in `format`. */
export interface TotalsCompleteRow {
	shard: -1;
	format: number;
}
