/**
 * Minimal checks of deck JSON before it replaces stored content: the schema number, and
 * the fields the database indexes or the app cannot do without. The build makes these
 * files, so this guards against stale caches and mixed versions, not against hostile input.
 */
import { DECK_SCHEMA, type DeckIndex, type NoteDecks } from '$lib/notes/types';
import { DeckDataError } from './errors';

type Entry = DeckIndex['notes'][number];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
	throw new DeckDataError(`${where}: ${what}`);
}

function checkSchema(value: unknown, where: string): Record<string, unknown> {
	if (!isRecord(value)) fail(where, 'not a JSON object');
	if (value.schema !== DECK_SCHEMA) {
		fail(where, `deck schema ${String(value.schema)}, but this app reads schema ${DECK_SCHEMA}; rebuild the decks or update the app`);
	}
	return value;
}

function list(record: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
	const value = record[key];
	if (!Array.isArray(value) || !value.every(isRecord)) fail(where, `"${key}" must be a list of objects`);
	return value;
}

function strings(record: Record<string, unknown>, keys: string[], where: string): void {
	for (const key of keys) {
		if (typeof record[key] !== 'string' || record[key] === '') fail(where, `"${key}" must be a non-empty string`);
	}
}

/** Decks in tree order: ids and titles, each parent listed before its children. */
function checkDecks(decks: Record<string, unknown>[], where: string): Record<string, unknown>[] {
	const deckIds = new Set<string>();
	decks.forEach((deck, i) => {
		strings(deck, ['id', 'title', 'hash'], `${where} decks[${i}]`);
		if (deck.parentId !== null && !deckIds.has(deck.parentId as string)) {
			fail(`${where} decks[${i}]`, 'parentId must name an earlier deck, or be null');
		}
		if (!Array.isArray(deck.path)) fail(`${where} decks[${i}]`, '"path" must be a list');
		deckIds.add(deck.id as string);
	});
	return decks;
}

export function parseDeckIndex(value: unknown): DeckIndex {
	const index = checkSchema(value, 'index.json');
	const notes = list(index, 'notes', 'index.json');
	const ids = new Set<string>();
	notes.forEach((note, i) => {
		strings(note, ['file', 'json', 'deckId', 'hash'], `index.json notes[${i}]`);
		if (ids.has(note.deckId as string)) fail('index.json', `note ${String(note.deckId)} is listed twice`);
		ids.add(note.deckId as string);
	});
	// Home reads the index's decks on a first visit, before anything is stored (services/first-visit.ts).
	checkDecks(list(index, 'decks', 'index.json'), 'index.json').forEach((deck, i) => {
		const count = deck.cardCount;
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
			fail(`index.json decks[${i}]`, '"cardCount" must be a whole number of cards');
		}
	});
	return index as unknown as DeckIndex;
}

export function parseNoteDecks(value: unknown, entry: Entry): NoteDecks {
	const where = entry.json;
	const note = checkSchema(value, where);
	if (note.hash !== entry.hash) {
		fail(where, `hash ${String(note.hash)} differs from index.json's ${entry.hash} (a stale copy?)`);
	}
	const deckIds = new Set(checkDecks(list(note, 'decks', where), where).map((deck) => deck.id as string));
	const cardIds = new Set<string>();
	list(note, 'cards', where).forEach((card, i) => {
		strings(card, ['id', 'deckId', 'front', 'back', 'frontText', 'backText'], `${where} cards[${i}]`);
		if (!deckIds.has(card.deckId as string)) fail(`${where} cards[${i}]`, `unknown deck ${String(card.deckId)}`);
		if (cardIds.has(card.id as string)) fail(`${where} cards[${i}]`, `card ${String(card.id)} appears twice`);
		cardIds.add(card.id as string);
	});
	return note as unknown as NoteDecks;
}
