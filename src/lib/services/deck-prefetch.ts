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
 * Starts the first card of a first visit's session over every deck: `built`, the one built into
 * the page, else read from the deck files (nothing is read twice: the import takes the responses
 * either way). Nothing happens when this browser opened the database before, has no IndexedDB,
 * or the session is a deck's (its first card only the whole queue knows).
 */
export function prefetchFirstVisit(deckId: string | null, built: FileCard | null = null): void {
	if (deckId !== null || !globalThis.indexedDB || openedBefore()) return;
	// The page then waits for the session; the import, given the same failure, says why.
	started = built ? Promise.resolve(built) : firstCardFromFiles(prefetchDeckJson).catch(() => null);
}

/** The card prefetchFirstVisit started reading, once: a later visit to the page in this document starts as usual. */
export function takeFirstVisitCard(): Promise<FileCard | null> | null {
	const card = started;
	started = null;
	return card;
}

/** What was asked of the prerendered first card before the app ran, in order: its answer, or a rating (1-4). */
export type EarlyStep = 'reveal' | 1 | 2 | 3 | 4;

/**
 * The input static/review-first-visit.js kept while the prerendered first card showed and the
 * app did not run yet (a tap on the card or "Show answer", Space or Enter; a key 1-4 after one),
 * in order. Once: from then on the page's own handlers answer.
 */
export function takeEarlyInput(): EarlyStep[] {
	const kept = (globalThis as { __tabledeckEarlyInput?: { steps: unknown; taken: boolean } }).__tabledeckEarlyInput;
	if (!kept || kept.taken) return [];
	kept.taken = true;
	const steps = Array.isArray(kept.steps) ? (kept.steps as unknown[]) : [];
	return steps.filter((step): step is EarlyStep => step === 'reveal' || step === 1 || step === 2 || step === 3 || step === 4);
}
