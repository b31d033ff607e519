/**
 * The one place that reads and writes stored cards. Every other module asks for cards by id,
 * by note or by deck through these functions, inside its own transaction, which must hold
 * CARD_TABLES: how cards are laid out in IndexedDB is known here alone.
 *
 * Cards are packed (schema version 6, issue #20): IndexedDB costs ~0.1 ms a record whatever
 * its size, so a row per card made 100k cards a 10–16 s write. A note's cards are stored as
 * pages of PAGE_SIZE cards in card order (`cardPages`, keyed [noteId, page]), each page one
 * JSON string (copied whole by IndexedDB, where objects are cloned field by field: half the
 * write and a third of the read in `npm run bench:idb`), and one
 * directory row per note (`cardNotes`) lists its card ids in that order with each card's
 * deck; its multi-entry index on `ids` finds a card's note from its id alone. So a card's
 * place (note, deck, position) never reads card content, and its content is one page read.
 * Readers tolerate any row: a malformed directory is no note, a malformed page no cards, a
 * malformed card in a page is skipped, and the rest stays readable.
 */
import { MAX_KEY, MIN_KEY, type TableName, type Tables } from './database';
import type { CardNoteRow, CardPageRow, CardRow } from './rows';

/** The tables a transaction must hold to use any function of this module. */
export const CARD_TABLES = ['cardNotes', 'cardPages'] as const satisfies readonly TableName[];

export type CardTables = Pick<Tables, (typeof CARD_TABLES)[number]>;

/**
 * Cards a page holds. The record count is what costs (100k cards: 400 records), while a page
 * is deserialized whole for any card in it: 250 cards (~100 KB) keep a card read near a
 * millisecond, where 1,000 would be ~4× that for no measurable gain in writing.
 */
export const PAGE_SIZE = 250;

/** Page writes waiting at once inside a note's transaction. */
const IN_FLIGHT = 4;

/** More ids than this are placed from every directory row at once instead of one index read each. */
const MANY_IDS = 64;

/** A deck as card-store needs it: its id and the note holding its cards. */
export interface DeckRef {
	id: string;
	noteId: string;
}

/** Where a stored card is. */
export interface CardPlace {
	noteId: string;
	deckId: string;
	pos: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** The directory row if it is one this module wrote (lists of equal length, deck numbers in range); else undefined. */
function directory(row: unknown): CardNoteRow | undefined {
	if (row === null || typeof row !== 'object') return undefined;
	const { noteId, ids, decks, deckOf } = row as Partial<CardNoteRow>;
	if (!isString(noteId) || !Array.isArray(ids) || !Array.isArray(decks) || !Array.isArray(deckOf)) return undefined;
	if (ids.length !== deckOf.length || !ids.every(isString) || !decks.every(isString)) return undefined;
	if (!deckOf.every((i) => Number.isInteger(i) && i >= 0 && i < decks.length)) return undefined;
	return row as CardNoteRow;
}

/** A page's cards, leaving out anything that is not a card row (and all of a page whose JSON is not a list). */
function pageCards(row: unknown): CardRow[] {
	const json = row !== null && typeof row === 'object' ? (row as Partial<CardPageRow>).json : undefined;
	let cards: unknown;
	try {
		cards = typeof json === 'string' ? JSON.parse(json) : undefined;
	} catch {
		return [];
	}
	if (!Array.isArray(cards)) return [];
	return cards.filter(
		(card): card is CardRow =>
			card !== null && typeof card === 'object' && isString(card.id) && isString(card.deckId) && typeof card.pos === 'number'
	);
}

const pageKey = (noteId: string, page: number): [string, number] => [noteId, page];
const pagesRange = (db: CardTables, noteId: string) => db.cardPages.where('[noteId+page]').between([noteId, MIN_KEY], [noteId, MAX_KEY]);

async function directoryOf(db: CardTables, noteId: string): Promise<CardNoteRow | undefined> {
	return directory(await db.cardNotes.get(noteId));
}

/** The directory rows holding each id (undefined for an id in none), in the order asked. */
async function directoriesOf(db: CardTables, cardIds: readonly string[]): Promise<(CardNoteRow | undefined)[]> {
	const byId = new Map<string, CardNoteRow>();
	if (cardIds.length > MANY_IDS) {
		for (const row of (await db.cardNotes.toArray()).map(directory)) if (row) for (const id of row.ids) byId.set(id, row);
	} else {
		const unique = [...new Set(cardIds)];
		const noteIds = await Promise.all(unique.map((id) => db.cardNotes.where('ids').equals(id).primaryKeys()));
		const wanted = [...new Set(noteIds.flat())];
		const rows = new Map(wanted.map((noteId, i) => [noteId, i]));
		const found = (await db.cardNotes.bulkGet(wanted)).map(directory);
		unique.forEach((id, i) => {
			const row = noteIds[i].map((noteId) => found[rows.get(noteId)!]).find((r) => r?.ids.includes(id));
			if (row) byId.set(id, row);
		});
	}
	return cardIds.map((id) => byId.get(id));
}

/** Positions of ids in their directory rows: a search for the first id of a row (a rating's one card), a map from the second on. */
class Positions {
	private readonly maps = new Map<CardNoteRow, Map<string, number> | null>();
	of(row: CardNoteRow, cardId: string): number {
		const map = this.maps.get(row);
		if (map) return map.get(cardId)!;
		if (map === undefined) {
			this.maps.set(row, null);
			return row.ids.indexOf(cardId);
		}
		const built = new Map(row.ids.map((id, pos) => [id, pos]));
		this.maps.set(row, built);
		return built.get(cardId)!;
	}
}

/** Where each card is (its note, deck and place), undefined for ids in no stored note; reads no card content. */
export async function placesById(db: CardTables, cardIds: readonly string[]): Promise<(CardPlace | undefined)[]> {
	const rows = await directoriesOf(db, cardIds);
	const positions = new Positions();
	return cardIds.map((id, i) => {
		const row = rows[i];
		if (!row) return undefined;
		const pos = positions.of(row, id);
		return { noteId: row.noteId, deckId: row.decks[row.deckOf[pos]], pos };
	});
}

/** One card's place; undefined when it is in no stored note. */
export async function placeById(db: CardTables, cardId: string): Promise<CardPlace | undefined> {
	return (await placesById(db, [cardId]))[0];
}

/** The cards at these places of one note, by page. */
async function cardsAt(db: CardTables, noteId: string, positions: readonly number[]): Promise<Map<number, CardRow>> {
	const pages = [...new Set(positions.map((pos) => Math.floor(pos / PAGE_SIZE)))].sort((a, b) => a - b);
	const found = new Map<number, CardRow>();
	for (const row of await db.cardPages.bulkGet(pages.map((page) => pageKey(noteId, page)))) {
		for (const card of pageCards(row)) found.set(card.pos, card);
	}
	return found;
}

/** Cards in the order asked, undefined for each id in no stored note. */
export async function cardsById(db: CardTables, cardIds: readonly string[]): Promise<(CardRow | undefined)[]> {
	const places = await placesById(db, cardIds);
	const byNote = new Map<string, number[]>();
	for (const place of places) {
		if (!place) continue;
		const positions = byNote.get(place.noteId);
		if (positions) positions.push(place.pos);
		else byNote.set(place.noteId, [place.pos]);
	}
	const notes = new Map(
		await Promise.all([...byNote].map(async ([noteId, positions]) => [noteId, await cardsAt(db, noteId, positions)] as const))
	);
	return cardIds.map((id, i) => {
		const place = places[i];
		const card = place && notes.get(place.noteId)?.get(place.pos);
		return card?.id === id ? card : undefined;
	});
}

/** One card; undefined when it is in no stored note. */
export async function cardById(db: CardTables, cardId: string): Promise<CardRow | undefined> {
	return (await cardsById(db, [cardId]))[0];
}

/** A note's card ids in card order (its cards' places 0, 1, 2…); reads no card content. */
export async function cardIdsOfNote(db: CardTables, noteId: string): Promise<string[]> {
	return (await directoryOf(db, noteId))?.ids ?? [];
}

/** A note's cards in card order. */
export async function cardsOfNote(db: CardTables, noteId: string): Promise<CardRow[]> {
	return (await pagesRange(db, noteId).toArray()).flatMap(pageCards);
}

/** Up to `limit` cards of a note from place `from` on, in card order. */
export async function cardsOfNoteFrom(db: CardTables, noteId: string, from: number, limit: number): Promise<CardRow[]> {
	if (limit <= 0) return [];
	const first = Math.floor(Math.max(0, from) / PAGE_SIZE);
	const last = Math.floor((Math.max(0, from) + limit - 1) / PAGE_SIZE);
	const rows = await db.cardPages.where('[noteId+page]').between([noteId, first], [noteId, last], true, true).toArray();
	return rows
		.flatMap(pageCards)
		.filter((card) => card.pos >= from)
		.slice(0, limit);
}

/** The cards of each note in turn, in the notes' order given, each note's in card order. */
export async function cardsOfNotes(db: CardTables, noteIds: readonly string[]): Promise<CardRow[]> {
	return (await Promise.all(noteIds.map((noteId) => cardsOfNote(db, noteId)))).flat();
}

/** Places of a deck's own cards (not its sub-decks') in its note's directory, ascending. */
async function deckPositions(db: CardTables, deck: DeckRef): Promise<{ row: CardNoteRow; positions: number[] } | undefined> {
	const row = await directoryOf(db, deck.noteId);
	if (!row) return undefined;
	const index = row.decks.indexOf(deck.id);
	const positions: number[] = [];
	if (index >= 0) row.deckOf.forEach((i, pos) => i === index && positions.push(pos));
	return { row, positions };
}

/** A deck's own cards (not its sub-decks'), in card order. */
export async function cardsOfDeck(db: CardTables, deck: DeckRef): Promise<CardRow[]> {
	const found = await deckPositions(db, deck);
	if (!found || found.positions.length === 0) return [];
	const cards = await cardsAt(db, deck.noteId, found.positions);
	return found.positions.map((pos) => cards.get(pos)).filter((card): card is CardRow => card?.deckId === deck.id);
}

/** A deck's own card ids, in card order; reads no card content. */
export async function cardIdsOfDeck(db: CardTables, deck: DeckRef): Promise<string[]> {
	const found = await deckPositions(db, deck);
	return found ? found.positions.map((pos) => found.row.ids[pos]) : [];
}

/** How many cards a deck holds itself (not its sub-decks); reads no card content. */
export async function cardCountOfDeck(db: CardTables, deck: DeckRef): Promise<number> {
	return (await deckPositions(db, deck))?.positions.length ?? 0;
}

/** A note's directory row for `cards` (in card order, each row's `pos` its index). */
function directoryFor(noteId: string, cards: readonly CardRow[]): CardNoteRow {
	const decks: string[] = [];
	const deckIndex = new Map<string, number>();
	const deckOf = cards.map((card) => {
		let i = deckIndex.get(card.deckId);
		if (i === undefined) deckIndex.set(card.deckId, (i = decks.push(card.deckId) - 1));
		return i;
	});
	return { noteId, ids: cards.map((card) => card.id), decks, deckOf };
}

const pageCount = (cards: readonly CardRow[]) => Math.ceil(cards.length / PAGE_SIZE);

/** Page `page` of a note's `cards`. */
function pageFor(noteId: string, cards: readonly CardRow[], page: number): CardPageRow {
	return { noteId, page, json: JSON.stringify(cards.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) };
}

/** A note's directory row and pages for `cards` (in card order, each row's `pos` its index). */
export function packNote(noteId: string, cards: readonly CardRow[]): { directory: CardNoteRow; pages: CardPageRow[] } {
	const pages = Array.from({ length: pageCount(cards) }, (_, page) => pageFor(noteId, cards, page));
	return { directory: directoryFor(noteId, cards), pages };
}

/** What a note's stored cards become: see storeNoteCards. */
export interface NoteCardsChange {
	/** Every card of the note, in card order (each row's `pos` its index here). */
	cards: CardRow[];
	/** Places in `cards` whose card is new, moved or edited: only their pages are written. */
	changed: readonly number[];
}

/**
 * Makes the stored cards of `noteId` those of `change.cards`: the directory row, and only the
 * pages that hold a changed card or whose length changed; pages past the end are deleted.
 * A failure aborts the caller's transaction (and so leaves the note as it was).
 */
export async function storeNoteCards(db: CardTables, noteId: string, change: NoteCardsChange): Promise<void> {
	const { cards, changed } = change;
	if (cards.length === 0) return removeNoteCards(db, noteId);
	const [keys, before] = await Promise.all([pagesRange(db, noteId).primaryKeys(), directoryOf(db, noteId)]);
	const stored = new Set(keys.map(([, page]) => page));
	const dirty = new Set(changed.map((pos) => Math.floor(pos / PAGE_SIZE)));
	// The last page is rewritten when the note grew or shrank, every page when the old directory
	// is missing (cards stored by nothing this module knows), and any page not stored.
	const last = pageCount(cards) - 1;
	if (before?.ids.length !== cards.length) dirty.add(last);
	for (let page = 0; page <= last; page++) if (!before || !stored.has(page)) dirty.add(page);
	await db.cardNotes.put(directoryFor(noteId, cards));
	// A page per call, a few waiting: each put clones its page on the page's thread (~10 ms),
	// and the database always has the next one queued. Only written pages are made.
	const waiting: Promise<unknown>[] = [];
	for (const page of [...dirty].filter((page) => page <= last).sort((a, b) => a - b)) {
		const put = db.cardPages.put(pageFor(noteId, cards, page));
		// A failure aborts the transaction and reaches the caller through the call awaited then.
		put.catch(() => undefined);
		waiting.push(put);
		if (waiting.length >= IN_FLIGHT) await waiting.shift();
	}
	await Promise.all(waiting);
	await db.cardPages.bulkDelete([...stored].filter((page) => page > last).map((page) => pageKey(noteId, page)));
}

/** Removes every stored card of a note. */
export async function removeNoteCards(db: CardTables, noteId: string): Promise<void> {
	await db.cardNotes.delete(noteId);
	await pagesRange(db, noteId).delete();
}
