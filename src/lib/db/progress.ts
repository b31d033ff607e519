import { NEW, type CardProgress, type ReviewLogEntry } from '$lib/scheduler/types';
import { isSeq, latestRating } from './counts';
import { eventIdOf, type CardEvent } from '$lib/sync/events';
import { CARD_TABLES, placeById } from './card-store';
import { read, write, type Tables } from './database';
import { addRatings, cardRatings, findRating, lastWritten, LOG_TABLES, nextSeq, removeRating, type LogTables } from './log-store';
import { maker } from './device';
import { journal, ratingEvent } from './journal';
import { RatingConflictError, UndoConflictError, UnknownCardError } from './errors';
import {
	fromProgressRow,
	fromReviewLogRow,
	newProgress,
	pickProgress,
	progressKey,
	toProgressRow,
	toReviewLogRow,
	type Placement,
	type ProgressRow,
	type ReviewLogRow
} from './rows';

export async function findProgressRow(db: Pick<Tables, 'progress'>, cardId: string): Promise<ProgressRow | undefined> {
	return db.progress.where('cardId').equals(cardId).first();
}

/** Where a card's progress goes: its existing row's place, else its card's deck. */
function placementOf(cardId: string, row: ProgressRow | undefined, card: Pick<Placement, 'deckId' | 'noteId'> | undefined): Placement {
	if (row) return { deckId: row.deckId, noteId: row.noteId, live: row.live };
	if (!card) throw new UnknownCardError(cardId);
	return { deckId: card.deckId, noteId: card.noteId, live: 1 };
}

/** The stored progress of a card; null when it has none (a new card). */
export function getProgress(cardId: string): Promise<CardProgress | null> {
	return read(['progress'], async (db) => {
		const row = await findProgressRow(db, cardId);
		return row ? fromProgressRow(row) : null;
	});
}

/** Every CardProgress field is equal; null stands for a card without a row. */
function sameProgress(a: CardProgress | null, b: CardProgress | null): boolean {
	if (a === null || b === null) return a === b;
	const x = pickProgress(a);
	const y = pickProgress(b);
	return (Object.keys(x) as (keyof CardProgress)[]).every((key) => x[key] === y[key]);
}

/**
 * One rating: the card's new state and its review-log row, both or neither. The stored
 * state must still be `log.previous`: a rating made from a stale copy (another tab rated
 * or changed the card meanwhile) throws RatingConflictError instead of rating it twice.
 *
 * A tab closed before the transaction commits loses the rating, so it takes as few round
 * trips to the database as it can: every read at once, then both writes at once.
 */
export async function recordReview(progress: CardProgress, log: ReviewLogEntry): Promise<void> {
	if (progress.cardId !== log.cardId) {
		throw new Error(`Review log ${log.id} is for card ${log.cardId}, not ${progress.cardId}`);
	}
	await write([...CARD_TABLES, ...LOG_TABLES, 'progress', 'events'], async (db) => {
		const [row, card, reused, seq] = await Promise.all([
			findProgressRow(db, progress.cardId),
			placeById(db, progress.cardId),
			findRating(db, log.id, log.cardId),
			nextSeq(db)
		]);
		if (!sameProgress(row ? fromProgressRow(row) : null, log.previous)) {
			throw new RatingConflictError(`Card ${log.cardId} changed since it was shown; rating ${log.id} was not saved`);
		}
		// The log is history: a reused id is refused, never rewritten.
		if (reused) throw new Error(`Rating ${log.id} is already in the review log; it was not saved again`);
		// Shown before a deck update took it out of the notes: a skipped card, not a rating
		// kept in its hidden progress row.
		if (!card) throw new UnknownCardError(progress.cardId);
		const place = placementOf(progress.cardId, row, card);
		await Promise.all([
			db.progress.put(toProgressRow(progress, place)),
			addRatings(db, [{ ...toReviewLogRow(log, place.deckId), seq }]),
			journal(db, [ratingEvent(log)])
		]);
	});
}

/** The id of the latest rating written here (see latestRating), null when there is none: a cheap "did the log change" probe. */
export async function latestReviewId(): Promise<string | null> {
	return (await latestRating())?.id ?? null;
}

/**
 * Undoes the latest rating made in this database — the last written (see lastWritten), not
 * the latest review time: a row dated 9999 by a bad backup or clock is nobody's last rating.
 * Restores the card's state from before it and deletes the log row. Returns the undone
 * entry, or null when the log has nothing to undo.
 */
export function undoLastReview(now = Date.now()): Promise<ReviewLogEntry | null> {
	return write([...LOG_TABLES, 'progress', 'events'], async (db) => {
		const last = await lastWritten(db, now);
		if (!last) return null;
		await undo(db, last, now);
		return fromReviewLogRow(last);
	});
}

/** Undoes one rating, which must be its card's latest. */
export function undoReview(logId: string, now = Date.now()): Promise<ReviewLogEntry> {
	return write([...LOG_TABLES, 'progress', 'events'], async (db) => {
		const log = await findRating(db, logId);
		if (!log) throw new UndoConflictError(`No rating ${logId} to undo`);
		if (await ratedAfter(db, log)) throw new UndoConflictError(`Card ${log.cardId} was rated again after ${logId}`);
		await undo(db, log, now);
		return fromReviewLogRow(log);
	});
}

/**
 * Whether the card has a rating written after `log`: any numbered one after a numbered
 * `log`; for a row without a number (older or restored), any numbered one, or one with a
 * later review time.
 */
async function ratedAfter(db: LogTables, log: ReviewLogRow): Promise<boolean> {
	const rows = await cardRatings(db, log.cardId);
	// Numbered as the seq index read them: any number from 1 to MAX_SAFE_INTEGER.
	const numbered = (seq: unknown): seq is number => typeof seq === 'number' && seq >= 1 && seq <= Number.MAX_SAFE_INTEGER;
	const after = (row: ReviewLogRow) => row.id !== log.id && numbered(row.seq) && (!isSeq(log.seq) || row.seq > log.seq);
	if (rows.some(after)) return true;
	if (isSeq(log.seq)) return false;
	const latest = rows.at(-1);
	return latest !== undefined && latest.id !== log.id && !(latest.review <= log.review);
}

async function undo(db: Tables, log: ReviewLogRow, now: number): Promise<void> {
	const row = await findProgressRow(db, log.cardId);
	// A reset (or an import) since the rating means log.previous no longer precedes the current state.
	if (!row || row.state !== log.stateAfter || row.due !== log.due) {
		throw new UndoConflictError(`Card ${log.cardId} changed after rating ${log.id}; it cannot be undone`);
	}
	await removeRating(db, log.cardId, log.id);
	// The rating's event stays (events are never taken back); this one says to leave it out.
	await journal(db, [maker().undo({ id: eventIdOf(log.id), cardId: log.cardId }, now)]);
	if (log.previous === null) await db.progress.delete(progressKey(row));
	else await db.progress.put(toProgressRow(log.previous, row));
}

/**
 * Changes one card's progress in a transaction, creating a new-card row when it has none,
 * and journals the event that says what was done.
 */
async function updateProgress(cardId: string, event: CardEvent, change: (p: CardProgress) => CardProgress | null): Promise<void> {
	await write([...CARD_TABLES, 'progress', 'events'], async (db) => {
		const row = await findProgressRow(db, cardId);
		const place = placementOf(cardId, row, row ? undefined : await placeById(db, cardId));
		const next = change(row ? fromProgressRow(row) : newProgress(cardId));
		if (next) await db.progress.put(toProgressRow(next, place));
		else if (row) await db.progress.delete(progressKey(row));
		await journal(db, [event]);
	});
}

/** A row that says no more than "new card" is dropped: a card without a row is new. */
function unlessPlainNew(p: CardProgress): CardProgress | null {
	return p.state === NEW && p.suspended === 0 && p.buriedUntil === 0 && p.reps === 0 ? null : p;
}

export function setSuspended(cardId: string, suspended: boolean, now = Date.now()): Promise<void> {
	const event = suspended ? maker().suspend(cardId, now) : maker().unsuspend(cardId, now);
	return updateProgress(cardId, event, (p) => unlessPlainNew({ ...p, suspended: suspended ? 1 : 0 }));
}

/** Hides the card from queues until `until` (ms); 0 unburies it. */
export function buryUntil(cardId: string, until: number, now = Date.now()): Promise<void> {
	const event = until > 0 ? maker().bury(cardId, now, until) : maker().unbury(cardId, now);
	return updateProgress(cardId, event, (p) => unlessPlainNew({ ...p, buriedUntil: until }));
}

/** Makes the card new again (like Anki's Forget); its review log stays, suspension too. */
export function resetProgress(cardId: string, now = Date.now()): Promise<void> {
	return updateProgress(cardId, maker().reset(cardId, now), (p) => unlessPlainNew({ ...newProgress(cardId), suspended: p.suspended }));
}

/**
 * A card's ratings, oldest first, for its history. A row whose time no date can show (1e300,
 * a string: a bad backup or an older version wrote it) has no place in a dated history and
 * would break its formatting; it stays in the log and in backups.
 */
export function cardReviewLog(cardId: string): Promise<ReviewLogEntry[]> {
	return read(LOG_TABLES, async (db) =>
		(await cardRatings(db, cardId))
			.filter((row) => typeof row.review === 'number' && !Number.isNaN(new Date(row.review).getTime()))
			.map(fromReviewLogRow)
	);
}
