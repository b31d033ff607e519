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

/** What was asked of the prerendered first card before the app ran: its answer, then a rating (1-4; 0 for none). */
export interface EarlyInput {
	reveal: boolean;
	rating: 0 | 1 | 2 | 3 | 4;
}

/**
 * The input static/review-first-visit.js kept while the prerendered first card showed and the
 * app did not run yet (a tap on the card or "Show answer", Space or Enter; then a key 1-4). Once:
 * from then on the page's own handlers answer.
 */
export function takeEarlyInput(): EarlyInput {
	const kept = (globalThis as { __tabledeckEarlyInput?: { reveal: unknown; rating: unknown; taken: boolean } }).__tabledeckEarlyInput;
	if (!kept || kept.taken) return { reveal: false, rating: 0 };
	kept.taken = true;
	const rating = kept.rating === 1 || kept.rating === 2 || kept.rating === 3 || kept.rating === 4 ? kept.rating : 0;
	return { reveal: kept.reveal === true, rating: kept.reveal === true ? rating : 0 };
}
