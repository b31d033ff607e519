/**
 * card-store is the only reader and writer of stored cards: these pin what each of its reads
 * returns (order included) for notes stored through the deck update, so a change of layout
 * behind it (rows today) must give the same answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	CARD_TABLES,
	PAGE_SIZE,
	placesById,
	cardById,
	cardCountOfDeck,
	cardIdsOfDeck,
	cardIdsOfNote,
	cardsById,
	cardsOfDeck,
	cardsOfNote,
	cardsOfNoteFrom,
	cardsOfNotes
} from './card-store';
import { closeDatabase, database, read, write } from './database';
import { removeNote, replaceNote } from './note-content';
import { makeNote, openTestDatabase } from './testing';

const note = (back = 'a') =>
	makeNote('n.md', 'h', [
		{ id: 'n' },
		{ id: 'n-a', parentId: 'n', cards: ['c1', 'c2', 'c3'], back },
		{ id: 'n-b', parentId: 'n', cards: ['c4', 'c5'] }
	]);
const other = makeNote('o.md', 'h', [{ id: 'o', cards: ['o1', 'o2'] }]);

const store = (noteId: string, decks = note()) =>
	write(['notes', 'decks', ...CARD_TABLES, 'progress'], (db) => replaceNote(db, noteId, decks));
const reading = <T>(body: Parameters<typeof read<T>>[1]) => read(['notes', 'decks', ...CARD_TABLES], body);

beforeEach(async () => {
	await openTestDatabase();
	await store('n');
	await store('o', other);
});
afterEach(closeDatabase);

describe('card-store', () => {
	it('finds cards by id, in the order asked, undefined for unknown ids', async () => {
		const [one, many] = await reading((db) => Promise.all([cardById(db, 'c4'), cardsById(db, ['o2', 'nope', 'c1'])]));
		expect(one).toMatchObject({ id: 'c4', deckId: 'n-b', noteId: 'n', pos: 3 });
		expect(many.map((card) => card?.id)).toEqual(['o2', undefined, 'c1']);
		expect(await reading((db) => cardById(db, 'nope'))).toBeUndefined();
	});

	it("reads a note's cards in card order, from a place on, and notes in the order given", async () => {
		const [ids, cards, from, notes] = await reading((db) =>
			Promise.all([cardIdsOfNote(db, 'n'), cardsOfNote(db, 'n'), cardsOfNoteFrom(db, 'n', 2, 2), cardsOfNotes(db, ['o', 'n'])])
		);
		expect(ids).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
		expect(cards.map((card) => [card.id, card.pos])).toEqual(ids.map((id, pos) => [id, pos]));
		expect(from.map((card) => card.id)).toEqual(['c3', 'c4']);
		expect(notes.map((card) => card.id)).toEqual(['o1', 'o2', 'c1', 'c2', 'c3', 'c4', 'c5']);
	});

	it("reads a deck's own cards in card order, their ids (in card order too) and their count", async () => {
		const [cards, ids, count, none] = await reading((db) =>
			Promise.all([
				cardsOfDeck(db, { id: 'n-a', noteId: 'n' }),
				cardIdsOfDeck(db, { id: 'n-b', noteId: 'n' }),
				cardCountOfDeck(db, { id: 'n-a', noteId: 'n' }),
				cardCountOfDeck(db, { id: 'n', noteId: 'n' })
			])
		);
		expect(cards.map((card) => card.id)).toEqual(['c1', 'c2', 'c3']);
		expect(ids).toEqual(['c4', 'c5']);
		expect([count, none]).toEqual([3, 0]);
	});

	it('writes only changed cards on an update, removes cards that left, and removes a whole note', async () => {
		const edited = makeNote('n.md', 'h2', [
			{ id: 'n' },
			{ id: 'n-a', parentId: 'n', cards: ['c1', 'c3'], back: 'b' },
			{ id: 'n-b', parentId: 'n', cards: ['c4', 'c5'] }
		]);
		const changes = await store('n', edited);
		// c1 edited, c3/c4/c5 moved up a place; c2 gone.
		expect(changes).toMatchObject({ cards: 4, removedCards: 1 });
		const cards = await reading((db) => cardsOfNote(db, 'n'));
		expect(cards.map((card) => [card.id, card.pos, card.back])).toEqual([
			['c1', 0, 'b'],
			['c3', 1, 'b'],
			['c4', 2, 'answer c4'],
			['c5', 3, 'answer c5']
		]);
		expect(await reading((db) => cardById(db, 'c2'))).toBeUndefined();
		await write(['notes', 'decks', ...CARD_TABLES, 'progress'], (db) => removeNote(db, 'n'));
		expect(await reading((db) => Promise.all([cardsOfNote(db, 'n'), cardsOfNote(db, 'o')]))).toEqual([[], expect.any(Array)]);
		expect((await reading((db) => cardsOfNote(db, 'o'))).map((card) => card.id)).toEqual(['o1', 'o2']);
	});

	it('places cards (note, deck, place) without reading a page', async () => {
		const pages: unknown[] = [];
		database().cardPages.hook('reading', (page) => (pages.push(page), page));
		const places = await reading((db) => placesById(db, ['c5', 'nope', 'o1']));
		expect(places).toEqual([{ noteId: 'n', deckId: 'n-b', pos: 4 }, undefined, { noteId: 'o', deckId: 'o', pos: 0 }]);
		expect(pages).toEqual([]);
	});
});

describe('card pages', () => {
	const SIZE = PAGE_SIZE * 2 + 10;
	const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `b${from + i}`);
	const big = (hash: string, cards: string[], back?: string) =>
		makeNote('b.md', hash, [
			{ id: 'b' },
			{ id: 'b-x', parentId: 'b', cards: cards.slice(0, PAGE_SIZE + 5), back },
			{ id: 'b-y', parentId: 'b', cards: cards.slice(PAGE_SIZE + 5) }
		]);
	const pagesWritten = () => {
		const written: number[] = [];
		database().cardPages.hook('creating', (key) => void written.push((key as [string, number])[1]));
		database().cardPages.hook('updating', (_changes, key) => void written.push((key as [string, number])[1]));
		return written;
	};

	beforeEach(() => store('b', big('h', ids(SIZE))));

	it('reads a note across its pages, from any place, and a deck that spans two pages', async () => {
		const [all, from, deck] = await reading((db) =>
			Promise.all([cardsOfNote(db, 'b'), cardsOfNoteFrom(db, 'b', PAGE_SIZE - 2, 4), cardsOfDeck(db, { id: 'b-y', noteId: 'b' })])
		);
		expect(all.map((card) => card.id)).toEqual(ids(SIZE));
		expect(from.map((card) => card.pos)).toEqual([PAGE_SIZE - 2, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1]);
		expect(deck.map((card) => card.id)).toEqual(ids(SIZE - PAGE_SIZE - 5, PAGE_SIZE + 5));
		expect(await database().cardPages.count()).toBe(3 + 2);
	});

	it('rewrites only the page of an edited card, and the last page when the note grows', async () => {
		const written = pagesWritten();
		const edited = big('h2', ids(SIZE)).cards.map((card) => (card.id === 'b260' ? { ...card, back: 'new' } : card));
		await store('b', { ...big('h2', ids(SIZE)), cards: edited });
		expect(written).toEqual([1]);
		expect((await reading((db) => cardById(db, 'b260')))?.back).toBe('new');
		written.length = 0;
		const grown = big('h3', ids(SIZE + 1));
		await store('b', { ...grown, cards: grown.cards.map((card) => (card.id === 'b260' ? { ...card, back: 'new' } : card)) });
		expect(written).toEqual([2]);
	});

	it('deletes pages past the end when the note shrinks, and rewrites the new last page', async () => {
		const written = pagesWritten();
		await store('b', big('h2', ids(PAGE_SIZE + 8)));
		expect(written).toEqual([1]);
		expect(await reading((db) => cardsOfNote(db, 'b'))).toHaveLength(PAGE_SIZE + 8);
		expect(await database().cardPages.where('[noteId+page]').between(['b', 0], ['b', Infinity]).primaryKeys()).toEqual([
			['b', 0],
			['b', 1]
		]);
		expect(await reading((db) => cardById(db, `b${SIZE - 1}`))).toBeUndefined();
	});

	it('skips a malformed page, and a malformed card in a page, keeping the rest readable', async () => {
		await database().cardPages.put({ noteId: 'b', page: 1, json: '{"not": "a list"' });
		const page0 = (await database().cardPages.get(['b', 0]))!;
		await database().cardPages.put({ ...page0, json: JSON.stringify([null, 7, ...JSON.parse(page0.json).slice(2)]) });
		const all = await reading((db) => cardsOfNote(db, 'b'));
		expect(all.map((card) => card.id)).toEqual([...ids(PAGE_SIZE - 2, 2), ...ids(10, PAGE_SIZE * 2)]);
		expect((await reading((db) => cardsById(db, ['b0', 'b2', 'b300', 'b509']))).map((card) => card?.id)).toEqual([
			undefined,
			'b2',
			undefined,
			'b509'
		]);
	});

	it('treats a malformed directory as no note, and the next store of the note rewrites every page', async () => {
		await database().cardNotes.put({ noteId: 'b', ids: ['b0'], decks: [], deckOf: [3] });
		expect(await reading((db) => Promise.all([cardById(db, 'b0'), cardIdsOfNote(db, 'b')]))).toEqual([undefined, []]);
		const written = pagesWritten();
		await store('b', big('h2', ids(SIZE)));
		expect(written).toEqual([0, 1, 2]);
		expect((await reading((db) => cardById(db, 'b0')))?.id).toBe('b0');
	});
});
