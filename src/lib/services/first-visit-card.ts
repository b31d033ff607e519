/**
 * A first visit's first card, straight from the deck files (issue #20). Before anything is
 * studied the session over every deck starts with the first card of the first note, in the
 * note's card order: no card has progress, the daily limits are the defaults, nothing was
 * sent to review and no interview date is set, so sessionHead (db/first-card.ts) finds no
 * learning or review card and takes the first new one. /review shows it while the database
 * opens and the decks are imported; the session checks it against its queue once built
 * (Study.preview). Nothing here imports Dexie, directly or through `$lib/db`'s barrel.
 */
import { parseDeckIndex, parseNoteDecks } from '$lib/db/deck-json';
import type { Card, NoteDecks } from '$lib/notes/types';
import { applyDailyLimits } from '$lib/scheduler/counts';
import type { DueCounts } from '$lib/scheduler/queue-kind';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';

export interface FileCard {
	card: Card;
	/** Its deck's path below the note, as the session shows it (cardContext). */
	context: string;
}

/** A deck's path below its note ("Kubernetes 핵심 개념 › Pod"); a note's root deck shows its own title. */
export function cardContext(path: readonly string[]): string {
	return (path.length > 1 ? path.slice(1) : path).join(' › ');
}

/** The session's first card in a note the database was just given (null when the note has none). */
export function firstCardOf(note: NoteDecks): FileCard | null {
	const card = note.cards[0];
	if (!card) return null;
	const deck = note.decks.find((d) => d.id === card.deckId);
	return { card, context: cardContext(deck?.path ?? []) };
}

/**
 * The first card of a first visit, from `index.json` and the first note's file; null when the
 * first note lists no card (the session then starts in a later note, which the database may not
 * hold yet when it is ready: the page waits for the session instead).
 */
export async function firstCardFromFiles(fetchJson: (path: string) => Promise<unknown>): Promise<FileCard | null> {
	const index = parseDeckIndex(await fetchJson('index.json'));
	const entry = index.notes[0];
	if (!entry || entry.cardCount === 0) return null;
	return firstCardOf(parseNoteDecks(await fetchJson(entry.json), entry));
}

/**
 * The card the site was built with as a first visit's first (scripts/first-visit-card.js, which
 * reads the same files without the app's checks): the card if its fields are a card's, else null.
 */
export function fileCardOf(built: { card: unknown; path: unknown } | null): FileCard | null {
	if (!built || typeof built.card !== 'object' || built.card === null) return null;
	const card = built.card as Record<string, unknown>;
	const fields = ['id', 'deckId', 'front', 'back', 'frontText', 'backText'];
	if (!fields.every((field) => typeof card[field] === 'string')) return null;
	const path = Array.isArray(built.path) && built.path.every((part) => typeof part === 'string') ? (built.path as string[]) : [];
	return { card: card as unknown as Card, context: cardContext(path) };
}

/**
 * What a first visit's session has left before its first rating, from the built card count: every
 * card new, the default daily limits (home's first-visit numbers, services/first-visit.ts). Null
 * when the count is no count of cards.
 */
export function builtLeft(built: { cards: unknown } | null): DueCounts | null {
	const cards = built?.cards;
	if (typeof cards !== 'number' || !Number.isSafeInteger(cards) || cards < 0) return null;
	return applyDailyLimits({ new: cards, learning: 0, review: 0 }, DEFAULT_SETTINGS, { newIntroduced: 0, reviewsDone: 0 });
}
