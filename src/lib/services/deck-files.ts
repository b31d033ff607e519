import { appPath } from '$lib/paths';

/** Files asked for ahead of the deck import (prefetchDeckJson), each handed to the import's first fetch of it. */
const early = new Map<string, Promise<unknown>>();

/**
 * A file of the built decks (`index.json`, `<note id>.json`), as JSON; served from static/decks/.
 * A file prefetched and not yet taken is taken from there (once): a first visit's /review reads
 * its first card from the files the import then stores, and fetches them only once.
 */
export function fetchDeckJson(path: string): Promise<unknown> {
	const prefetched = early.get(path);
	if (prefetched) {
		early.delete(path);
		return prefetched;
	}
	return request(path);
}

/**
 * Starts fetching a deck file now, for the next fetchDeckJson of it (the deck import's) and for
 * whoever reads it meanwhile; the same promise for every call until that fetch takes it.
 */
export function prefetchDeckJson(path: string): Promise<unknown> {
	let pending = early.get(path);
	if (!pending) {
		pending = request(path);
		// A failure is the import's to report, when it takes the file; a reader meanwhile gets it too.
		pending.catch(() => undefined);
		early.set(path, pending);
	}
	return pending;
}

async function request(path: string): Promise<unknown> {
	const response = await fetch(appPath(`/decks/${path}`));
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return response.json();
}
