/**
 * A first visit to /review starts fetching the deck files as soon as the page's script runs,
 * and reads its first card from them (issue #20): the deck import that follows takes the same
 * responses (deck-files.ts), so nothing is fetched twice. Dexie-free, like first-visit.ts.
 */
import { prefetchDeckJson } from './deck-files';
import { firstCardFromFiles, type FileCard } from './first-visit-card';
import { openedBefore } from './first-visit';

let started: Promise<FileCard | null> | null = null;

/**
 * Starts reading the first card of a first visit's session over every deck from the deck
 * files; nothing is fetched when this browser opened the database before, has no IndexedDB,
 * or the session is a deck's (its first card only the whole queue knows).
 */
export function prefetchFirstVisit(deckId: string | null): void {
	if (deckId !== null || !globalThis.indexedDB || openedBefore()) return;
	// The page then waits for the session; the import, given the same failure, says why.
	started = firstCardFromFiles(prefetchDeckJson).catch(() => null);
}

/** The card prefetchFirstVisit started reading, once: a later visit to the page in this document starts as usual. */
export function takeFirstVisitCard(): Promise<FileCard | null> | null {
	const card = started;
	started = null;
	return card;
}

/**
 * Whether the answer was asked for on the prerendered first card (a tap on the card or on "Show
 * answer", Space or Enter) before the app ran: static/review-first-visit.js keeps it. Once.
 */
export function takeEarlyReveal(): boolean {
	const kept = (globalThis as { __tabledeckEarlyReveal?: { asked: boolean; taken: boolean } }).__tabledeckEarlyReveal;
	if (!kept || kept.taken) return false;
	kept.taken = true;
	return kept.asked;
}
