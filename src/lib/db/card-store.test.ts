/**
 * card-store is the only reader and writer of stored cards: these pin what each of its reads
 * returns (order included) for notes stored through the deck update, so a change of layout
 * behind it (rows today) must give the same answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	CARD_TABLES,
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
import { closeDatabase, read, write } from './database';
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

	it("reads a deck's own cards in card order, their ids and their count", async () => {
		const [cards, ids, count, none] = await reading((db) =>
			Promise.all([cardsOfDeck(db, 'n-a'), cardIdsOfDeck(db, 'n-b'), cardCountOfDeck(db, 'n-a'), cardCountOfDeck(db, 'n')])
		);
		expect(cards.map((card) => card.id)).toEqual(['c1', 'c2', 'c3']);
		expect(ids.sort()).toEqual(['c4', 'c5']);
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
});
