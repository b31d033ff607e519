import type { Card } from '../notes/types';
import { escapeHtml, optionKey } from './normalize';
import type { QuizIndex } from './quiz-index';
import { randomDraws } from './sampling';
import { shuffleInPlace, type Rng } from './rng';
import type { TableRow, TableView } from './table-view';
import type { ChoiceOption, ChoiceQuestion, QuestionType, ReverseAsk, TypedQuestion } from './types';

export const MAX_DISTRACTORS = 3;
export const MIN_DISTRACTORS = 2;
// Deck and pool tiers look at this many random cards at most, so a huge deck costs no more than a small one.
const DRAWS_PER_TIER = 48;

/** Collects options whose normalised keys differ from the answer's and from each other's. */
class OptionPicker {
	readonly distractors: ChoiceOption[] = [];
	private keys = new Set<string>();

	constructor(readonly answer: ChoiceOption) {
		this.keys.add(optionKey(answer.text));
	}

	get full(): boolean {
		return this.distractors.length >= MAX_DISTRACTORS;
	}

	offer(option: ChoiceOption): void {
		const key = optionKey(option.text);
		if (this.full || !key || this.keys.has(key)) return;
		this.keys.add(key);
		this.distractors.push(option);
	}

	/** The answer among the distractors in random order, or null with too few distractors. */
	finish(rng: Rng): { options: ChoiceOption[]; answerIndex: number } | null {
		if (this.distractors.length < MIN_DISTRACTORS) return null;
		const options = shuffleInPlace([this.answer, ...this.distractors], rng);
		return { options, answerIndex: options.indexOf(this.answer) };
	}
}

export interface ChoiceConfig {
	/** Look for sibling tables (see QuizIndex.siblingTables) in every note, not only the card's own. */
	poolDistractors: boolean;
}

/**
 * A card's front with its back among distractors. Wrong options only ever answer the same
 * question of another row: the asked column of the card's table, then, when that has too
 * few, the same column of sibling tables of the same shape (issue #16: a distractor from
 * another column of the deck gave the answer away). Null when fewer than two distinct
 * distractors exist, so the caller asks the card another way.
 */
export function buildMcq(index: QuizIndex, card: Card, rng: Rng, config: ChoiceConfig): ChoiceQuestion | null {
	const picker = new OptionPicker({ text: card.backText, html: card.back });
	const promptKey = optionKey(card.frontText);
	const fromTable = (table: TableView) => {
		for (const row of randomDraws(table.rows, rng)) {
			if (picker.full) return;
			if (table.tableId === card.tableId && row.key === card.rowKey) continue;
			if (card.direction === 'forward') {
				const sibling = row.forward.get(card.column);
				if (sibling) picker.offer({ text: sibling.backText, html: sibling.back });
			} else {
				// A sibling row with the same value would be a second right answer.
				const value = table.value(row, card.column);
				if (value && optionKey(value.text) !== promptKey) picker.offer({ text: row.key, html: row.keyHtml });
			}
		}
	};
	fromTable(index.table(card.tableId));
	if (!picker.full) {
		const siblings = index.siblingTables(card.tableId, config.poolDistractors ? undefined : card.source.file);
		for (const tableId of randomDraws(siblings, rng, DRAWS_PER_TIER)) {
			if (picker.full) break;
			fromTable(index.table(tableId));
		}
	}
	const choice = picker.finish(rng);
	return choice && { ...base(card, 'mcq', [card.id]), type: 'mcq', prompt: card.frontText, promptHtml: card.front, ...choice };
}

/** What a reverse question asks: a row's value in the card's column, answered by the row key. */
export function reverseFact(index: QuizIndex, card: Card) {
	const table = index.table(card.tableId);
	const row = table.row(card.rowKey)!;
	const value = table.value(row, card.column) ?? { text: card.backText, html: card.back };
	const subject = index.deckTitle(card.deckId) ?? null;
	const column = table.columns.length > 1 ? card.column : null;
	const label = column !== null ? `Which ${subject ?? 'one'} (${column}): ` : `Which ${subject ?? 'one'}: `;
	const tested = row.reverse.get(card.column) ?? card;
	const ask: ReverseAsk = { subject, column, value: { text: value.text, html: value.html } };
	return { table, row, value, ask, prompt: `${label}${value.text}?`, promptHtml: `${escapeHtml(label)}${value.html}?`, cardId: tested.id };
}

/** "Which log level: 즉시 조치 필요?" with the keys of sibling rows as options; works from forward or reverse cards. */
export function buildReverse(index: QuizIndex, card: Card, rng: Rng): ChoiceQuestion | null {
	const fact = reverseFact(index, card);
	const picker = new OptionPicker({ text: fact.row.key, html: fact.row.keyHtml });
	const valueKey = optionKey(fact.value.text);
	for (const row of randomDraws(fact.table.rows, rng)) {
		if (picker.full) break;
		if (row !== fact.row && !sharesValue(fact.table, row, card.column, valueKey)) picker.offer({ text: row.key, html: row.keyHtml });
	}
	const choice = picker.finish(rng);
	return (
		choice && {
			...base(card, 'reverse', [fact.cardId]),
			type: 'reverse',
			prompt: fact.prompt,
			promptHtml: fact.promptHtml,
			...choice,
			reverse: fact.ask
		}
	);
}

/** Free-text answer to the card's front; `reverse` asks for the row key instead. */
export function buildTyped(index: QuizIndex, card: Card, requested: QuestionType, reverse: boolean): TypedQuestion {
	if (reverse) {
		const fact = reverseFact(index, card);
		return {
			...base(card, requested, [fact.cardId]),
			type: 'typed',
			prompt: fact.prompt,
			promptHtml: fact.promptHtml,
			expected: fact.row.key,
			expectedHtml: fact.row.keyHtml,
			reverse: fact.ask
		};
	}
	return {
		...base(card, requested, [card.id]),
		type: 'typed',
		prompt: card.frontText,
		promptHtml: card.front,
		// `DEBUG → INFO → WARN` is typed with spaces or commas, in that order (a list of commas would take any order).
		expected: card.kind === 'order' ? card.backText.replaceAll(' → ', ' ') : card.backText,
		expectedHtml: card.back
	};
}

function sharesValue(table: TableView, row: TableRow, column: string, valueKey: string): boolean {
	const value = table.value(row, column);
	return value !== undefined && optionKey(value.text) === valueKey;
}

function base(card: Card, requested: QuestionType, cardIds: string[]) {
	return { id: `${card.id}:${requested}`, requested, cardId: card.id, cardIds, deckId: card.deckId, tableId: card.tableId };
}
