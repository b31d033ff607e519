/**
 * Everything the home screen's first view reads, in one read-only transaction: the settings
 * rows it depends on (cards sent to today's review, the interview date), the note rows, the
 * notes' root deck rows, the deck totals and the (few) buried rows, and today's ratings (the
 * log's counts of the day, see log-store). No card content (the sent cards' places come from their
 * notes' card directories), no other deck row. Its requests are all asked at once, so IndexedDB
 * answers them back to back instead of one transaction after another.
 */
import type { Deck } from '$lib/notes/types';
import { examFrom, EXAM_KEY, type ExamSettings } from '$lib/scheduler/exam-settings';
import { NEW } from '$lib/scheduler/types';
import { CARD_TABLES, placesById } from './card-store';
import { todayFrom, type TodayStats } from './counts';
import { read, type Tables } from './database';
import { contribution } from './deck-totals';
import { countBetween, LOG_TABLES } from './log-store';
import { dueBy, loadTotals, type DueCounts } from './deck-totals-store';
import { buriedAfter } from './ranges';
import { fromDeckRow, type DeckRow, type DeckTotalsRow, type ProgressRow } from './rows';
import { SENT_KEY, sentList } from './sent';

/** Collection-wide numbers for the home screen's totals, daily limits not yet applied. */
export interface TodayTotals {
	/** Review cards due before the next day starts, counted up to `max.due`. */
	due: number;
	/** Learning and relearning cards due before the next day starts. */
	learning: number;
	/** New cards that could be introduced, counted up to `max.new`. */
	newAvailable: number;
}

/** A note's root deck for the home screen's first lines: its counts summed from totals kept by note. */
export interface RootCounts {
	deck: Deck;
	/** As deckCounts gives them for the root deck (see rootsFrom for the one difference). */
	counts: { cards: number; newAvailable: number; learning: number; due: number };
	/** Whether it has decks below it (with cards), read when the note is opened (noteDeckCounts). */
	hasSubDecks: boolean;
}

export interface HomeRead {
	today: TodayTotals;
	/** The notes' root decks in index order, each with its whole note's counts. */
	roots: RootCounts[];
	/** Where today's sent cards that are still in the notes are. */
	sent: { deckId: string; noteId: string }[];
	exam: ExamSettings;
	/** Notes added on this device (their ids, which are their root decks'). */
	deviceNotes: Set<string>;
	/** Ratings given today; those of new cards and of review cards each counted up to its limit. */
	used: TodayStats;
}

/**
 * The home screen's rows (see the top of this file). `dayStart`..`nextDayStart` is the study
 * day; `limits(sent)` gives the day's limits once the number of sent cards still in the notes
 * is known (a sent card lifts the new-card limit): counts stop there.
 */
export function homeRead(
	now: number,
	dayStart: number,
	nextDayStart: number,
	limits: (sent: number) => { new: number; due: number }
): Promise<HomeRead> {
	return read(['settings', ...CARD_TABLES, ...LOG_TABLES, 'notes', 'decks', 'deckTotals', 'progress'], async (db) => {
		const settings = db.settings.bulkGet([SENT_KEY, EXAM_KEY]);
		const rows = readHome(db, now);
		const day = countBetween(db, dayStart, nextDayStart);
		const [sentRow, examRow] = await settings;
		const sentIds = sentList(sentRow?.value, now);
		const sent = sentIds.length === 0 ? [] : (await placesById(db, sentIds)).filter((place) => place !== undefined);
		const max = limits(sent.length);
		const [counts, home] = await Promise.all([day, rows]);
		const used = todayFrom(counts, { introduced: max.new, reviewed: max.due });
		return {
			...(await countsFrom(db, home, nextDayStart, max)),
			sent: sent.map(({ deckId, noteId }) => ({ deckId, noteId })),
			exam: examFrom(examRow?.value),
			deviceNotes: home.deviceNotes,
			used
		};
	});
}

interface HomeRows {
	/** The notes' root decks, notes in index order (undefined for a note without one). */
	roots: (DeckRow | undefined)[];
	deviceNotes: Set<string>;
	totals: DeckTotalsRow[];
	buried: ProgressRow[];
}

async function readHome(db: Tables, now: number): Promise<HomeRows> {
	const notes = db.notes.toArray().then((rows) => rows.sort((a, b) => a.pos - b.pos));
	const roots = notes.then((rows) => db.decks.bulkGet(rows.map((note) => note.id)));
	const [noteRows, rootRows, totals, buried] = await Promise.all([notes, roots, loadTotals(db), buriedAfter(db, now).toArray()]);
	const deviceNotes = new Set(noteRows.filter((row) => row.source === 'device').map((row) => row.id));
	return { roots: rootRows, deviceNotes, totals, buried };
}

/** dueBy's key for the totals of rows that name no note (none the app writes): counted in the totals, in no root line. */
const NO_NOTE = '';

/**
 * Today's totals and the root lines from one walk of the totals, by note. Rows of every deck id
 * count in the totals, as the review queue's ranges count them; new cards are those of the
 * notes' root decks less the started, suspended and buried ones (but for a day starting off the
 * 15-minute grid, see dueBy, no other progress row is read).
 */
async function countsFrom(
	db: Tables,
	{ roots, totals, buried }: HomeRows,
	nextDayStart: number,
	max: { new: number; due: number }
): Promise<{ today: TodayTotals; roots: RootCounts[] }> {
	const due = await dueBy(db, totals, nextDayStart, (entry) => entry.noteId ?? NO_NOTE);
	const today = { due: 0, learning: 0, blocked: 0 };
	for (const counts of due.values()) {
		today.due += counts.review;
		today.learning += counts.learning;
	}
	const blocked = new Map<string, number>();
	const block = (noteId: string | null, n: number) => noteId !== null && blocked.set(noteId, (blocked.get(noteId) ?? 0) + n);
	for (const row of totals) {
		today.blocked += row.started + row.suspended;
		block(row.noteId, row.started + row.suspended);
	}
	const buriedDue = new Map<string, DueCounts>();
	for (const row of buried) {
		const noteId = typeof row.noteId === 'string' ? row.noteId : null;
		if (row.active === 1 && row.state === NEW) block(noteId, 1);
		const c = contribution(row);
		// Counted already when started or suspended.
		if (row.live === 1 && !c) today.blocked++;
		if (!c?.due || !(row.due < nextDayStart)) continue;
		const field = c.due.state === 'review' ? 'review' : 'learning';
		if (field === 'review') today.due--;
		else today.learning--;
		if (c.noteId === null) continue;
		const counts = buriedDue.get(c.noteId) ?? { review: 0, learning: 0 };
		counts[field]++;
		buriedDue.set(c.noteId, counts);
	}
	const cards = roots.reduce((sum, root) => sum + (root?.cardCount ?? 0), 0);
	return {
		today: {
			due: Math.min(max.due, today.due),
			learning: today.learning,
			newAvailable: Math.min(max.new, Math.max(0, cards - today.blocked))
		},
		roots: rootsFrom(roots, due, blocked, buriedDue)
	};
}

/**
 * The root lines. One difference from deckCounts, for progress rows the app never writes (a
 * row naming a note or deck its card is not in): deckCounts floors each deck's new cards at 0,
 * a root line only its note's.
 */
function rootsFrom(
	roots: (DeckRow | undefined)[],
	due: Map<string, DueCounts>,
	blocked: Map<string, number>,
	buriedDue: Map<string, DueCounts>
): RootCounts[] {
	const none = { review: 0, learning: 0 };
	return roots
		.filter((root) => root !== undefined)
		.map((root) => {
			const noteDue = due.get(root.noteId) ?? none;
			const less = buriedDue.get(root.noteId) ?? none;
			const counts = {
				cards: root.cardCount,
				newAvailable: Math.max(0, root.cardCount - (blocked.get(root.noteId) ?? 0)),
				learning: noteDue.learning - less.learning,
				due: noteDue.review - less.review
			};
			return { deck: fromDeckRow(root), counts, hasSubDecks: root.ownCards < root.cardCount };
		});
}
