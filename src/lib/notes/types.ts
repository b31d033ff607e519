/** Bumped whenever the deck JSON changes shape; the app refuses files with another number. */
export const DECK_SCHEMA = 1;

export type Direction = 'forward' | 'reverse';

/**
 * A card about a whole table rather than one row (notes/whole.ts): `keys`, the table's keys
 * as a set; `order`, the keys (or, for numbered keys, the first column) in the table's order.
 */
export type CardKind = 'keys' | 'order';

/** A place in a notes file, 1-based like editors show it. */
export interface SourcePos {
	file: string;
	line: number;
	column: number;
}

export interface Problem extends SourcePos {
	message: string;
}

export interface Card {
	id: string;
	deckId: string;
	/** Safe HTML made at build time from the cell's inline markdown. */
	front: string;
	back: string;
	frontText: string;
	backText: string;
	source: { file: string; line: number };
	tableId: string;
	/** The plain text of the key this card is about (a row key, or a column header when transposed). */
	rowKey: string;
	/** The header asked about: the attribute column, or the row label when transposed. */
	column: string;
	direction: Direction;
	/** Absent on a row's card; see CardKind. Its `rowKey` is empty and `column` the key column. */
	kind?: CardKind;
}

export interface Deck {
	id: string;
	title: string;
	parentId: string | null;
	/** Titles from the note down to this deck. */
	path: string[];
	/** The note file (relative to the notes folder) this deck comes from. */
	file: string;
	/** Cards in this deck and every deck below it. */
	cardCount: number;
	/** Changes whenever any card in this deck or below changes. */
	hash: string;
}

/** Everything a note compiles to: `static/decks/<note id>.json`. */
export interface NoteDecks {
	schema: number;
	file: string;
	hash: string;
	decks: Deck[];
	cards: Card[];
}

/** `static/decks/index.json`. */
export interface DeckIndex {
	schema: number;
	notes: { file: string; json: string; deckId: string; cardCount: number; hash: string }[];
	decks: Deck[];
}
