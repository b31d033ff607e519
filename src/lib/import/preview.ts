/** What the preview of a note shows before it is added: its decks, a few cards per table, and what a re-import changes. */
import type { Card, Deck, NoteDecks } from '$lib/notes/types';

/** Cards shown per table; the count says how many there are. */
export const SAMPLE_CARDS = 3;

export interface TablePreview {
	tableId: string;
	deck: string;
	line: number;
	count: number;
	sample: { front: string; back: string }[];
}

export interface CardChanges {
	added: Card[];
	changed: Card[];
	removed: Card[];
}

export interface NotePreview {
	decks: Deck[];
	cardCount: number;
	tables: TablePreview[];
	/** Null for a new note; for a re-import, the cards it adds, changes and takes away. */
	changes: CardChanges | null;
}

export function previewNote(note: NoteDecks, before: Card[] | null): NotePreview {
	const deckPath = new Map(note.decks.map((deck) => [deck.id, deck.path.join(' › ')]));
	const tables = new Map<string, TablePreview>();
	for (const card of note.cards) {
		let table = tables.get(card.tableId);
		if (!table) {
			table = { tableId: card.tableId, deck: deckPath.get(card.deckId) ?? '', line: card.source.line, count: 0, sample: [] };
			tables.set(card.tableId, table);
		}
		table.count++;
		if (table.sample.length < SAMPLE_CARDS) table.sample.push({ front: card.frontText, back: card.backText });
	}
	return {
		decks: note.decks,
		cardCount: note.cards.length,
		tables: [...tables.values()],
		changes: before && cardChanges(before, note.cards)
	};
}

/** By card id, as progress is kept: a changed card keeps its progress, a removed one's is hidden. */
export function cardChanges(before: Card[], after: Card[]): CardChanges {
	const old = new Map(before.map((card) => [card.id, card]));
	const now = new Set(after.map((card) => card.id));
	const changed = after.filter((card) => {
		const was = old.get(card.id);
		return was !== undefined && (was.front !== card.front || was.back !== card.back || was.deckId !== card.deckId);
	});
	return {
		added: after.filter((card) => !old.has(card.id)),
		changed,
		removed: before.filter((card) => !now.has(card.id))
	};
}
