import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from './database';
import { quizCards, quizProgress } from './quiz-cards';
import { openTestDatabase, scenario } from './testing';

beforeEach(async () => {
	await openTestDatabase();
	await scenario();
});
afterEach(closeDatabase);

const ids = (items: { id?: string; cardId?: string }[]) => items.map((item) => item.id ?? item.cardId);

describe('quizCards', () => {
	it('gives every card in the notes, in note order, with every deck', async () => {
		const content = await quizCards([]);
		expect(ids(content.cards)).toEqual(['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l0', 'l2']);
		expect(content.decks.map((deck) => deck.id)).toEqual(['n1', 'svc', 'ext', 'probe', 'n2', 'logs']);
		// Exactly the Card fields: the rows' indexing fields stay inside the database.
		expect(Object.keys(content.cards[0]).sort()).toEqual(
			['back', 'backText', 'column', 'deckId', 'direction', 'front', 'frontText', 'id', 'rowKey', 'source', 'tableId'].sort()
		);
	});

	it('narrows cards and decks to the chosen decks and their sub-decks, still in note order', async () => {
		const svc = await quizCards(['svc']);
		expect(ids(svc.cards)).toEqual(['s1', 's2', 's3', 'e1', 'e2']);
		expect(svc.decks.map((deck) => deck.id)).toEqual(['svc', 'ext']);
		const mixed = await quizCards(['logs', 'ext', 'n1', 'svc']);
		expect(ids(mixed.cards)).toEqual(['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l2']);
		expect(mixed.decks.map((deck) => deck.id)).toEqual(['n1', 'svc', 'ext', 'probe', 'logs']);
		// A small part of a note (ext: 2 of its 7 cards) is read deck by deck; a big one as a range.
		expect(ids((await quizCards(['ext'])).cards)).toEqual(['e1', 'e2']);
		expect(ids((await quizCards(['probe', 'ext'])).cards)).toEqual(['e1', 'e2', 'p1', 'p2']);
		expect(await quizCards(['nowhere'])).toEqual({ decks: [], cards: [] });
	});
});

describe('quizProgress', () => {
	it('gives the studied, visible, unsuspended cards of the scope', async () => {
		expect(ids(await quizProgress([])).sort()).toEqual(['e1', 'p2', 's1', 's3']);
		expect(ids(await quizProgress(['svc'])).sort()).toEqual(['e1', 's1', 's3']);
		expect(ids(await quizProgress(['probe', 'logs']))).toEqual(['p2']);
		expect(await quizProgress(['nowhere'])).toEqual([]);
	});
});
