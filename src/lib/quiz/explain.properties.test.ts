// Issue #16, item 10: explain-aloud compares rows of the asked card's own table, never rows of
// another table, over the bundled notes and the corpus; and each question names its note.
import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../notes/types';
import { buildExplain } from './explain';
import { QuizIndex } from './quiz-index';
import { bundledDecks, corpusDecks, hasCorpus } from './real-notes.testing';
import { mulberry32 } from './rng';

const WORDS = { compare: (a: string, b: string) => `${a} vs ${b}`, attributes: (k: string) => k, single: (k: string) => k };

function expectOwnTable({ cards, decks }: { cards: Card[]; decks: Deck[] }) {
	const index = new QuizIndex(cards, decks);
	let compared = 0;
	for (const card of cards) {
		// A card about a whole table is no row of it: the quiz never explains it (build-quiz.ts).
		if (card.kind) continue;
		const table = index.table(card.tableId);
		for (const seed of [1, 2]) {
			const { question, rows } = buildExplain(index, card, mulberry32(seed), WORDS);
			for (const row of rows) expect(table.rows, `${question.prompt}: ${row.key}`).toContain(row);
			for (const id of question.cardIds) expect(index.card(id)?.tableId, `${question.prompt}: ${id}`).toBe(card.tableId);
			if (question.kind !== 'compare') continue;
			compared++;
			expect(new Set(question.model.rows.map((row) => row.key)).size, question.prompt).toBe(2);
		}
		// Every question says where it comes from: its note and its table.
		const deck = decks.find((d) => d.id === card.deckId)!;
		expect(index.deckContext(card.deckId)).toBe(deck.path.length > 1 ? `${deck.path[0]} › ${deck.title}` : deck.title);
	}
	expect(compared).toBeGreaterThan(0);
}

describe('explain aloud over real notes', () => {
	it("pairs rows of the card's own table in the owner's notes", () => {
		expectOwnTable(bundledDecks());
	});
});

if (hasCorpus()) {
	it("explain aloud pairs rows of the card's own table in the shared corpus", () => {
		expectOwnTable(corpusDecks());
	}, 120_000);
}
