/**
 * Version 6's upgrade packs version 5's card rows into pages (card-pages-upgrade.ts): a note of
 * several pages keeps every card in card order, and a row that is not a card is left behind
 * without failing the upgrade. (upgrade.test.ts covers the frozen fixtures, field by field.)
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import { CARD_TABLES, cardById, cardIdsOfNote, cardsOfDeck, cardsOfNote, PAGE_SIZE } from './card-store';
import { closeDatabase, database, read } from './database';
import { openTestDatabase } from './testing';

const v5 = JSON.parse(readFileSync(new URL('../../../tests/fixtures/db/v5.json', import.meta.url), 'utf8')) as {
	stores: Record<string, string>;
};

afterEach(closeDatabase);

const card = (i: number, noteId: string, pos: number) => ({
	id: `x${i}`,
	deckId: i % 2 ? `${noteId}-odd` : `${noteId}-even`,
	front: `<b>${i}</b>`,
	back: `answer ${i}`,
	frontText: `${i}`,
	backText: `answer ${i}`,
	source: { file: `${noteId}.md`, line: i },
	tableId: 't',
	rowKey: `${i}`,
	column: 'c',
	direction: 'forward',
	noteId,
	pos
});

it('packs a note of several pages in card order, and leaves a row that is not a card behind', async () => {
	const factory = new IDBFactory();
	const old = new Dexie('tabledeck-test', { indexedDB: factory, IDBKeyRange });
	old.version(5).stores(v5.stores);
	const big = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => card(i, 'big', i));
	// Stored in no particular order; the upgrade orders them by place.
	await old.table('cards').bulkAdd([...big].reverse());
	await old.table('cards').bulkAdd([card(9000, 'small', 0), { id: 'odd', noteId: 'small' }]);
	old.close();

	await openTestDatabase(factory);
	expect(database().verno).toBeGreaterThanOrEqual(6);
	expect(await database().cardPages.count()).toBe(3 + 1);
	await read(CARD_TABLES, async (db) => {
		expect(await cardsOfNote(db, 'big')).toEqual(big);
		expect(await cardIdsOfNote(db, 'small')).toEqual(['x9000']);
		expect(await cardsOfDeck(db, { id: 'big-odd', noteId: 'big' })).toEqual(big.filter((_, i) => i % 2));
		expect(await cardById(db, 'odd')).toBeUndefined();
	});
});
