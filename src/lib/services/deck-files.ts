import { appPath } from '$lib/paths';

/** Files asked for ahead of the deck import (prefetchDeckJson), each handed to the import's first fetch of it. */
const early = new Map<string, Promise<unknown>>();

/** Where static/review-first-visit.js leaves the deck files it asked for on a first visit to review, by path. */
const BOOT_FILES = '__tabledeckDeckFiles';

/** A file review-first-visit.js asked for, taken once. */
function fromBoot(path: string): Promise<unknown> | undefined {
	const files = (globalThis as Record<string, unknown>)[BOOT_FILES] as Record<string, Promise<unknown>> | undefined;
	const pending = files?.[path];
	if (pending) delete files[path];
	return pending;
}

/**
 * A file of the built decks (`index.json`, `<note id>.json`), as JSON; served from static/decks/.
 * A file prefetched and not yet taken is taken from there (once): a first visit's /review reads
 * its first card from the files the import then stores, and fetches them only once
 * (review-first-visit.js may have asked for them before the app's scripts ran).
 */
export function fetchDeckJson(path: string): Promise<unknown> {
	const prefetched = early.get(path);
	if (prefetched) {
		early.delete(path);
		return prefetched;
	}
	return fromBoot(path) ?? request(path);
}

/**
 * Starts fetching a deck file now, for the next fetchDeckJson of it (the deck import's) and for
 * whoever reads it meanwhile; the same promise for every call until that fetch takes it.
 */
export function prefetchDeckJson(path: string): Promise<unknown> {
	let pending = early.get(path);
	if (!pending) {
		pending = fromBoot(path) ?? request(path);
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
