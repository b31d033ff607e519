/**
 * Per-deck totals of progress (schema version 5, `deckTotals`): what the deck tree and the
 * home screen count, kept beside progress so they read one row per deck instead of a key
 * per started card. Pure: a row's contribution, adding and taking it away and a tally from
 * scratch (how a shard row is stored, and the check it must pass to be believed: deck-totals-pack.ts).
 *
 * Due times are kept as a sparse histogram of 15-minute buckets per state: every time zone's
 * day starts on a 15-minute boundary, so "due before the next day starts" is a sum of whole
 * buckets. A boundary off the grid (a test's clock, a historic offset) leaves one bucket
 * that the reader counts on the index (see dueBefore).
 *
 * A deck's totals are kept per note of its rows (format 2), so the notes' root lines sum
 * them without reading a deck row. Every row the app writes for a deck names the deck's own
 * note, so a deck has one entry; a row naming another note (none of ours) makes a second.
 */
import { LEARNING, RELEARNING, REVIEW } from '$lib/scheduler/types';
import type { DeckTotalsRow, DueHistogram } from './rows';
import { fnv1a } from '$lib/hash';

export const BUCKET_MS = 15 * 60_000;

/** deckTotals' key for the row saying the totals are complete (no shard's). */
export const COMPLETE_KEY = -1;
/**
 * Totals written in another format than this one's are recounted (1: without noteId; 2: entries
 * as objects, each histogram two arrays of numbers; 3: packed, see deck-totals-pack.ts).
 */
export const TOTALS_FORMAT = 3;

/**
 * Decks' totals are kept in this many rows, each deck's in the one its id hashes to: reading
 * a row costs IndexedDB about as much as reading a deck's few bytes, so 5,000 decks read as
 * 64 rows, while a rating rewrites only its deck's row of ~1/64 of them.
 */
export const SHARDS = 64;

/** The deckTotals row holding a deck's totals (FNV-1a of the id's UTF-16 units). */
export function shardOf(deckId: string): number {
	return fnv1a(deckId) % SHARDS;
}

export type DueState = 'learning' | 'review' | 'relearning';
export const DUE_STATES: readonly DueState[] = ['learning', 'review', 'relearning'];
const STATE_NUMBER: Record<DueState, number> = { learning: LEARNING, review: REVIEW, relearning: RELEARNING };
export const stateNumber = (state: DueState) => STATE_NUMBER[state];

/** What one progress row adds to its deck's totals; null when it adds nothing. */
export interface Contribution {
	deckId: string;
	/** The row's note, null when it names none. */
	noteId: string | null;
	/** Counted by activeStarted: visible, unsuspended, learning/review/relearning. */
	started: 0 | 1;
	/** Suspended and in the notes, not already started: keeps a new card from being introduced. */
	suspended: 0 | 1;
	/** Counted by activeDueBefore(state, …) for a due before some time: its bucket. */
	due: { state: DueState; bucket: number } | null;
}

/**
 * A row's part of the totals, as the [active+state+due] index sees it: a row whose key
 * parts are not valid IndexedDB keys is in no range, so it counts nowhere. Rows of a deck
 * id that is not a string (no deck has one) are left out. Never throws, whatever the row.
 */
export function contribution(row: unknown): Contribution | null {
	if (row === null || typeof row !== 'object') return null;
	const { deckId, noteId, active, state, due, suspended, live } = row as Record<string, unknown>;
	if (typeof deckId !== 'string') return null;
	const started = active === 1 && typeof state === 'number' && state >= LEARNING && state <= RELEARNING && isKey(due) ? 1 : 0;
	const held = suspended === 1 && live === 1 && !started ? 1 : 0;
	const dueState = started && typeof due === 'number' ? DUE_STATES.find((s) => STATE_NUMBER[s] === state) : undefined;
	if (!started && !held) return null;
	const note = typeof noteId === 'string' ? noteId : null;
	return {
		deckId,
		noteId: note,
		started,
		suspended: held,
		due: dueState ? { state: dueState, bucket: Math.floor((due as number) / BUCKET_MS) } : null
	};
}

/** Whether IndexedDB accepts `value` as a key (so an index holds the row). */
export function isKey(value: unknown, depth = 0): boolean {
	if (typeof value === 'number') return !Number.isNaN(value);
	if (typeof value === 'string') return true;
	if (value instanceof Date) return !Number.isNaN(value.getTime());
	if (Array.isArray(value)) return depth < 8 && value.every((v) => isKey(v, depth + 1));
	return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** A histogram that can be added to (one read from a shard row is a view of its numbers). */
export interface Histogram extends DueHistogram {
	buckets: number[];
	counts: number[];
}

/** An entry being counted or changed: its histograms are its own arrays. */
export type WorkingTotals = DeckTotalsRow & Record<DueState, Histogram>;

export function emptyTotals(deckId: string, noteId: string | null = null): WorkingTotals {
	const none = (): Histogram => ({ buckets: [], counts: [] });
	return { deckId, noteId, started: 0, suspended: 0, learning: none(), review: none(), relearning: none() };
}

export const isEmptyTotals = (row: DeckTotalsRow) =>
	row.started === 0 && row.suspended === 0 && DUE_STATES.every((s) => row[s].buckets.length === 0);

/** An entry's copy that can be changed without touching the row it was read from. */
export function working(entry: DeckTotalsRow): WorkingTotals {
	const copy = (h: DueHistogram): Histogram => ({ buckets: Array.from(h.buckets), counts: Array.from(h.counts) });
	const { deckId, noteId, started, suspended, learning, review, relearning } = entry;
	return { deckId, noteId, started, suspended, learning: copy(learning), review: copy(review), relearning: copy(relearning) };
}

/** Index of the first bucket ≥ `bucket` (buckets are kept ascending). */
function search(buckets: ArrayLike<number>, bucket: number): number {
	let lo = 0;
	let hi = buckets.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (buckets[mid] < bucket) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Adds (sign 1) or takes away (sign -1) a contribution, in place. False when taking away
 * what the row does not hold: the totals no longer match progress and must be recounted.
 */
export function adjust(row: WorkingTotals, c: Contribution, sign: 1 | -1): boolean {
	row.started += sign * c.started;
	row.suspended += sign * c.suspended;
	if (row.started < 0 || row.suspended < 0) return false;
	if (!c.due) return true;
	const h = row[c.due.state];
	const at = search(h.buckets, c.due.bucket);
	if (h.buckets[at] === c.due.bucket) {
		h.counts[at] += sign;
		if (h.counts[at] === 0) {
			h.buckets.splice(at, 1);
			h.counts.splice(at, 1);
		}
		return true;
	}
	if (sign === -1) return false;
	h.buckets.splice(at, 0, c.due.bucket);
	h.counts.splice(at, 0, 1);
	return true;
}

/** What tells two entries of deckTotals apart: the deck and the note its rows name. */
export const entryKey = (deckId: string, noteId: string | null) => JSON.stringify([deckId, noteId]);

/** Entries in the order a shard row keeps them (any fixed order would do: a recount writes the same rows). */
export const byEntry = (a: DeckTotalsRow, b: DeckTotalsRow) => (entryKey(a.deckId, a.noteId) < entryKey(b.deckId, b.noteId) ? -1 : 1);

/** Every deck's totals from scratch, from every progress row (rows that add nothing have none). */
export function tally(rows: Iterable<unknown>): Map<string, WorkingTotals> {
	const totals = new Map<string, WorkingTotals>();
	for (const row of rows) {
		const c = contribution(row);
		if (!c) continue;
		const key = entryKey(c.deckId, c.noteId);
		let deck = totals.get(key);
		if (!deck) totals.set(key, (deck = emptyTotals(c.deckId, c.noteId)));
		adjust(deck, c, 1);
	}
	return totals;
}

/** A count as a row may hold it: a whole number, not negative. */
export const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Cards of `h` due before `before`: the sum of the whole buckets before it, and the bucket
 * `before` falls inside when it is off the 15-minute grid and holds cards (the caller counts
 * that one on the index), else null.
 */
export function dueBefore(h: DueHistogram, before: number): { whole: number; partial: number | null } {
	const edge = Math.floor(before / BUCKET_MS);
	const at = search(h.buckets, edge);
	let whole = 0;
	for (let i = 0; i < at; i++) whole += h.counts[i];
	const offGrid = Number.isFinite(before) && before !== edge * BUCKET_MS;
	return { whole, partial: offGrid && h.buckets[at] === edge ? edge : null };
}
