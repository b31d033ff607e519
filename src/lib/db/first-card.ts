/**
 * The first card of a review session over every deck, read from indexes before the queue is
 * built (issue #20): the session needs every card id and every started card's key, which
 * takes seconds at 100k cards, while the card it shows first is one of a few index heads.
 * The choice is the session's own (ReviewSession.next, MainQueue.head), on the same rows
 * queueSource gives it, so the queue built afterwards starts with the same card.
 */
import { MainQueue } from '$lib/scheduler/main-queue';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardProgress, type CardStateKind } from '$lib/scheduler/types';
import { CARD_TABLES, cardIdsOfNote, placesById, type CardPlace } from './card-store';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import type { StudyWindow } from './queue';
import { activeDueBefore, activeNew, suspendedRows } from './ranges';

import { fromProgressRow, type ProgressRow } from './rows';

export interface SessionHead {
	cardId: string;
	/** The row the session would hold for it; null for a card it treats as never studied. */
	progress: CardProgress | null;
}

export interface HeadLimits {
	/** What is left of today's limits (remainingLimits). */
	newLimit: number;
	reviewLimit: number;
	learnAheadMs: number;
}

/** A card's place in the session's scope: notes in index order, then the note's card order. */
type Rank = [note: number, pos: number, id: string];

interface Ranked {
	row: ProgressRow;
	due: number;
	rank: Rank;
}

function compareRanked(a: Ranked, b: Ranked): number {
	const [an, ap, ai] = a.rank;
	const [bn, bp, bi] = b.rank;
	return a.due - b.due || an - bn || ap - bp || (ai < bi ? -1 : ai > bi ? 1 : 0);
}

/**
 * The card a session over every deck shows first at `window.now`, or null when it would
 * show none now. Reads the heads of the learning and review ranges of [active+state+due]
 * (as many reviews as decide whether a new card comes first: at most the new-card limit),
 * and only when a new card may come first, card ids in note order until enough new ones
 * are found. Not for a session with cards sent to today's review or an interview plan.
 */
export function sessionHead(window: StudyWindow, limits: HeadLimits): Promise<SessionHead | null> {
	return read(['notes', ...CARD_TABLES, 'progress'], async (db) => {
		const { now } = window;
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		const noteRank = new Map(notes.map((note, i) => [note.id, i]));
		const heads = new RangeHeads(db, window, noteRank);

		const learning = (await Promise.all(([LEARNING, RELEARNING] as const).map((state) => heads.earliest(state, 1))))
			.flat()
			.sort(compareRanked)[0];
		if (learning && learning.due <= now) return headOf(learning.row);

		// Counted up to the new-card limit: past it, a review comes first whatever the new cards.
		const enough = Math.max(1, Math.min(limits.reviewLimit, limits.newLimit));
		const reviews = limits.reviewLimit > 0 ? (await heads.earliest(REVIEW, enough)).slice(0, enough) : [];
		const newWanted = limits.newLimit > reviews.length ? reviews.length + 1 : 0;
		const news = newWanted > 0 ? await firstNew(db, notes, now, newWanted) : [];
		const main = new MainQueue(
			reviews.map((r) => r.row.cardId),
			news.map((n) => n.cardId)
		).head();
		if (main) return main.kind === 'review' ? headOf(reviews[0].row) : news[0];

		if (learning && learning.due <= now + limits.learnAheadMs) return headOf(learning.row);
		return null;
	});
}

function headOf(row: ProgressRow): SessionHead {
	return { cardId: row.cardId, progress: fromProgressRow(row) };
}

/** Reads the start of a due range in index order, a few rows at a time. */
class RangeHeads {
	constructor(
		private db: Tables,
		private window: StudyWindow,
		private noteRank: Map<string, number>
	) {}

	/**
	 * The first `count` rows of `state` the session would queue (not buried, card in the
	 * notes), earliest due first, plus every row due at the same time as the last of them:
	 * equal due times go in note order, which the index does not know.
	 */
	async earliest(state: CardStateKind, count: number): Promise<Ranked[]> {
		const found: Ranked[] = [];
		// Growing batches: a long run of equal due times (or of buried rows) is read in few steps.
		for (let offset = 0, batch = count + 4; ; offset += batch, batch *= 2) {
			const rows = await activeDueBefore(this.db, state, this.window.nextDayStart).offset(offset).limit(batch).toArray();
			const places = await placesById(
				this.db,
				rows.map((row) => row.cardId)
			);
			for (let i = 0; i < rows.length; i++) {
				const row = rows[i];
				if (found.length >= count && row.due > found[found.length - 1].due) return found.sort(compareRanked);
				const rank = this.rankOf(row.cardId, places[i]);
				if (rank && row.buriedUntil <= this.window.now) found.push({ row, due: row.due, rank });
			}
			if (rows.length < batch) return found.sort(compareRanked);
		}
	}

	private rankOf(cardId: string, place: CardPlace | undefined): Rank | null {
		const note = place && this.noteRank.get(place.noteId);
		return place && note !== undefined ? [note, place.pos, cardId] : null;
	}
}

/**
 * Cards whose row may not block them, key-only: new-state rows (reset, unburied) and
 * inactive unsuspended rows (kept for a card that left the notes): few. `judge` decides.
 */
async function unblocking(db: Tables): Promise<Set<string>> {
	const [fresh, inactive, suspended] = await Promise.all([
		activeNew(db).primaryKeys(),
		db.progress.where('[active+state+due]').between([0, MIN_KEY, MIN_KEY], [0, MAX_KEY, MAX_KEY]).primaryKeys(),
		suspendedRows(db).primaryKeys()
	]);
	const stopped = new Set(suspended.map(([, cardId]) => cardId));
	return new Set([...fresh, ...inactive].map(([, cardId]) => cardId).filter((cardId) => !stopped.has(cardId)));
}

/** Cards judged one by one at the start of each note, before its keys are read whole. */
const NOTE_HEAD = 64;

/**
 * The first `count` cards in note order a session may introduce: no row, or a row that does
 * not block it (queueSource's rule: started, suspended or buried blocks). A note's first
 * NOTE_HEAD cards are looked up one by one, so a new card near the start of a note costs the
 * same in any collection; past them, the note's progress keys are read key-only (a studied
 * stretch costs a key per card, not a row) and only cards that may be new are looked up. The
 * note's card ids are its card directory (card-store.ts), one row. A lookup is by card id, so a row kept under another deck is judged too.
 */
async function firstNew(db: Tables, notes: { id: string }[], now: number, count: number): Promise<SessionHead[]> {
	const found: SessionHead[] = [];
	const judge = async (ids: string[]) => {
		const rows = await Promise.all(ids.map((id) => db.progress.where('cardId').equals(id).first()));
		ids.forEach((cardId, i) => {
			const row = rows[i];
			if (found.length >= count || (row && (row.suspended === 1 || row.buriedUntil > now || (row.active === 1 && row.state !== NEW))))
				return;
			// An inactive row (kept under no deck) is not in the session: it sees a new card.
			found.push({ cardId, progress: row && row.active === 1 ? fromProgressRow(row) : null });
		});
	};
	let open: Set<string> | null = null;
	for (const note of notes) {
		// The note's card ids come from its directory row (card-store.ts), no card is read.
		const ids = await cardIdsOfNote(db, note.id);
		const head = ids.slice(0, NOTE_HEAD);
		for (let at = 0; at < head.length && found.length < count;) await judge(head.slice(at, (at += count - found.length)));
		if (found.length >= count) break;
		if (head.length < NOTE_HEAD) continue;
		open ??= await unblocking(db);
		const cardIds = ids.slice(NOTE_HEAD);
		const rowKeys = await db.progress.where('noteId').equals(note.id).primaryKeys();
		const withRow = new Set(rowKeys.map(([, cardId]) => cardId));
		const maybe = cardIds.filter((id) => !withRow.has(id) || open!.has(id));
		for (let at = 0; at < maybe.length && found.length < count;) await judge(maybe.slice(at, (at += count - found.length)));
		if (found.length >= count) break;
	}
	return found;
}
