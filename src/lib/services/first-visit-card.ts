/**
 * A first visit's first review card, from the deck files alone (issue #20): before anything
 * is studied every card is new, so a session over every deck starts with the first card of
 * the first note in the index, as sessionHead finds it once the decks are in the database.
 * The review page shows it while Dexie, the database code and the scheduler load and the
 * decks are stored; the session then takes over with the same card. Nothing here imports
 * Dexie, directly or through `$lib/db`'s barrel.
 */
import { parseDeckIndex, parseNoteDecks } from '$lib/db/deck-json';
import type { Card } from '$lib/notes/types';

export interface IndexCard {
	card: Card;
	/** The deck's path below the note, as the session's context line (CardCache). */
	context: string;
}

export async function firstCardFromIndex(fetchJson: (path: string) => Promise<unknown>): Promise<IndexCard | null> {
	const index = parseDeckIndex(await fetchJson('index.json'));
	for (const entry of index.notes) {
		if (entry.cardCount === 0) continue;
		const note = parseNoteDecks(await fetchJson(entry.json), entry);
		const card = note.cards[0];
		if (!card) continue;
		const path = note.decks.find((deck) => deck.id === card.deckId)?.path ?? [];
		return { card, context: (path.length > 1 ? path.slice(1) : path).join(' › ') };
	}
	return null;
}
