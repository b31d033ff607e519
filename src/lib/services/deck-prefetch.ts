/**
 * A first visit to /review starts fetching the deck files as soon as the page's script runs,
 * and reads its first card from them (issue #20): the deck import that follows takes the same
 * responses (deck-files.ts), so nothing is fetched twice. Dexie-free, like first-visit.ts.
 */
import { prefetchDeckJson } from './deck-files';
import { firstCardFromFiles, type FileCard } from './first-visit-card';
import { openedBefore } from './first-visit';

/**
 * The first card of a first visit's session over every deck, from the deck files; null (and
 * nothing fetched) when this browser opened the database before, has no IndexedDB, or the
 * session is a deck's (its first card only the whole queue knows).
 */
export function firstVisitCard(deckId: string | null): Promise<FileCard | null> | null {
	if (deckId !== null || !globalThis.indexedDB || openedBefore()) return null;
	// The page then waits for the session; the import, given the same failure, says why.
	return firstCardFromFiles(prefetchDeckJson).catch(() => null);
}
