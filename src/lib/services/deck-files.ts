import { appPath } from '$lib/paths';

/** A file of the built decks (`index.json`, `<note id>.json`), as JSON; served from static/decks/. */
export async function fetchDeckJson(path: string): Promise<unknown> {
	const response = await fetch(appPath(`/decks/${path}`));
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return response.json();
}
