// Issue #16: "SLI · 설명" offered an "예시" value. Over real notes, every wrong option of every
// multiple-choice question answers the same question of another row: the asked column of the
// card's table, or of a sibling table of the same shape. Never another column.
import { describe, expect, it } from 'vitest';
import type { Card } from '../notes/types';
import { buildMcq } from './choices';
import { optionKey } from './normalize';
import { QuizIndex } from './quiz-index';
import { bundledDecks, corpusDecks, hasCorpus } from './real-notes.testing';
import { mulberry32 } from './rng';

/** What may be offered for `card`: the values (or, reverse, the keys) of its column in its table and its siblings. */
function allowedOptions(index: QuizIndex, card: Card): Set<string> {
	const allowed = new Set<string>();
	for (const tableId of [card.tableId, ...index.siblingTables(card.tableId)]) {
		const table = index.table(tableId);
		for (const row of table.rows) {
			const value = table.value(row, card.column);
			if (!value) continue;
			allowed.add(optionKey(card.direction === 'forward' ? value.text : row.key));
		}
	}
	return allowed;
}

function expectOnlyAskedColumn(cards: Card[]) {
	const index = new QuizIndex(cards);
	let asked = 0;
	for (const card of cards) {
		for (const seed of [1, 2, 3]) {
			const question = buildMcq(index, card, mulberry32(seed), { poolDistractors: true });
			if (!question) continue;
			asked++;
			const allowed = allowedOptions(index, card);
			for (const option of question.options) expect(allowed, `${card.frontText}: ${option.text}`).toContain(optionKey(option.text));
			// And the other columns of the card's own row never appear.
			const row = index.table(card.tableId).row(card.rowKey)!;
			for (const other of row.forward.values()) {
				if (
					other.column !== card.column &&
					optionKey(other.backText) !== optionKey(card.backText) &&
					!allowed.has(optionKey(other.backText))
				) {
					expect(question.options.map((o) => optionKey(o.text))).not.toContain(optionKey(other.backText));
				}
			}
		}
	}
	// Most cards still get multiple choice; the rest are typed.
	expect(asked).toBeGreaterThan(cards.length);
}

describe('multiple-choice distractors over real notes', () => {
	it("come only from the asked column in the owner's notes", () => {
		expectOnlyAskedColumn(bundledDecks().cards);
	});
});

// Other people's notes, when this machine has them.
if (hasCorpus()) {
	it('multiple-choice distractors come only from the asked column in the shared corpus', () => {
		expectOnlyAskedColumn(corpusDecks().cards);
	}, 120_000);
}
