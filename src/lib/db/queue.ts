import { NEW, REVIEW, type CardProgress, type ReviewLogEntry } from '$lib/scheduler/types';
import { subtreeDecks } from './content';
import { CARD_TABLES, cardIdsOfDeck, cardIdsOfNote } from './card-store';
import { MAX_KEY, MIN_KEY, read, type Tables } from './database';
import { activeDueBefore, activeNew, activeStarted, buriedAfter, LEARNING_STATES, suspendedRows } from './ranges';
import { fromProgressRow, type DeckRow, type ProgressRow } from './rows';
import { countToday, type TodayStats } from './counts';
import { lastWritten, LOG_TABLES } from './log-store';

export interface StudyWindow {
	now: number;
	/** The current study day, [dayStart, nextDayStart) in ms. */
	dayStart: number;
	nextDayStart: number;
}

export interface QueueSource {
	/** Every card in scope, in note order. */
	cardIds: string[];
	/** The cards of `cardIds` that can be introduced, in note order: not started, suspended or buried. */
	newCardIds: string[];
	/**
	 * Progress of the cards in scope the session may show: review, learning and relearning
	 * cards due before nextDayStart, and new-state rows of cards in newCardIds. None is
	 * suspended, buried or hidden. Cards of newCardIds without a row here have none.
	 */
	progress: CardProgress[];
	/** Today's ratings across the whole collection: daily limits apply across the tree. */
	today: TodayStats;
	/** The latest rating written (see latestReviewId) when this was read: which of a session's own writes it saw. */
	latestReviewId: string | null;
}

/**
 * What a study session over a deck and its sub-decks (or every deck, for null) starts
 * from. Reads card ids key-only; for every deck, the started cards as [deckId, cardId]
 * keys and whole rows only for cards due today, new-state, suspended and buried ones; for
 * a subtree (a few thousand cards at most), the subtree's rows. Plus today's rating counts.
 */
export function queueSource(deckId: string | null, window: StudyWindow): Promise<QueueSource> {
	const { dayStart, nextDayStart } = window;
	return read(['notes', 'decks', ...CARD_TABLES, ...LOG_TABLES, 'progress'], async (db) => {
		const decks = deckId === null ? null : await subtreeDecks(db, deckId);
		const [cardIds, { blocked, shown }, today, latest] = await Promise.all([
			scopeCardIds(db, decks),
			decks === null ? everyDeckProgress(db, window) : subtreeProgress(db, decks, window),
			countToday(db, dayStart, nextDayStart),
			lastWritten(db, window.now)
		]);
		return {
			cardIds,
			newCardIds: cardIds.filter((id) => !blocked.has(id)),
			progress: shown.map(fromProgressRow),
			today,
			latestReviewId: latest?.id ?? null
		};
	});
}

interface ScopeProgress {
	/** Cards that cannot be introduced as new: started, suspended or buried. */
	blocked: Set<string>;
	/** Rows the session may show (see QueueSource.progress). */
	shown: ProgressRow[];
}

async function everyDeckProgress(db: Tables, { now, nextDayStart }: StudyWindow): Promise<ScopeProgress> {
	const [started, suspended, buried, shown] = await Promise.all([
		activeStarted(db).primaryKeys(),
		suspendedRows(db).primaryKeys(),
		buriedAfter(db, now).primaryKeys(),
		Promise.all([
			activeDueBefore(db, REVIEW, nextDayStart).toArray(),
			...LEARNING_STATES.map((state) => activeDueBefore(db, state, nextDayStart).toArray()),
			activeNew(db).toArray()
		])
	]);
	return {
		blocked: new Set([...started, ...suspended, ...buried].map(([, cardId]) => cardId)),
		shown: shown.flat().filter((row) => row.buriedUntil <= now)
	};
}

/** The same as everyDeckProgress, from the subtree's own rows: no global due backlog is read. */
async function subtreeProgress(db: Tables, decks: DeckRow[], { now, nextDayStart }: StudyWindow): Promise<ScopeProgress> {
	const rows = (
		await Promise.all(decks.map((deck) => db.progress.where('[deckId+cardId]').between([deck.id, MIN_KEY], [deck.id, MAX_KEY]).toArray()))
	).flat();
	const isBlocked = (row: ProgressRow) => row.suspended === 1 || row.buriedUntil > now || (row.active === 1 && row.state !== NEW);
	const isShown = (row: ProgressRow) => row.active === 1 && row.buriedUntil <= now && (row.state === NEW || row.due < nextDayStart);
	return { blocked: new Set(rows.filter(isBlocked).map((row) => row.cardId)), shown: rows.filter(isShown) };
}

/** Card ids in note order: for all decks, note after note; for a subtree, its note filtered. */
async function scopeCardIds(db: Tables, decks: DeckRow[] | null): Promise<string[]> {
	if (decks === null) {
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		return (await Promise.all(notes.map((note) => cardIdsOfNote(db, note.id)))).flat();
	}
	if (decks.length === 0) return [];
	const [ordered, ...members] = await Promise.all([cardIdsOfNote(db, decks[0].noteId), ...decks.map((deck) => cardIdsOfDeck(db, deck))]);
	const inside = new Set(members.flat());
	return ordered.filter((id) => inside.has(id));
}

/**
 * The source as it was before `log`, a rating of a card the session could show, was stored:
 * a session that gave that rating before its queue was read builds the queue it would have
 * had, then answers the card (see Study.open). `previousId` is the latest rating before it.
 */
export function withoutRating(source: QueueSource, log: ReviewLogEntry, previousId: string | null, window: StudyWindow): QueueSource {
	const { cardId, previous } = log;
	const progress = source.progress.filter((row) => row.cardId !== cardId);
	if (previous) progress.push(previous);
	const newIds = new Set(source.newCardIds);
	if (previous === null || previous.state === NEW) newIds.add(cardId);
	const today = { ...source.today };
	if (log.review >= window.dayStart && log.review < window.nextDayStart) {
		today.ratings--;
		if (log.stateBefore === NEW) today.introduced--;
		if (log.stateBefore === REVIEW) today.reviewed--;
	}
	return { ...source, progress, newCardIds: source.cardIds.filter((id) => newIds.has(id)), today, latestReviewId: previousId };
}
