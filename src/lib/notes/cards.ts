import { escapeHtml, type CellContent } from './cell';
import { stableId } from './ids';
import type { KeyedTable } from './shape';
import type { Card, Direction, Problem } from './types';

export interface TableContext {
	file: string;
	deckId: string;
	tableId: string;
	noReverse: boolean;
}

/**
 * Cards for one keyed table: each key → each attribute, and the first attribute → key.
 * A two-column (term) table asks the bare key, since its one attribute adds nothing.
 */
export function tableCards(table: KeyedTable, ctx: TableContext): { cards: Card[]; problems: Problem[]; warnings: Problem[] } {
	const cards: Card[] = [];
	const reverse: Card[] = [];
	const problems: Problem[] = [];
	const warnings: Problem[] = [];
	const seen = new Map<string, number>();
	// A comparison with one criterion row still names it: "Prometheus · 데이터 수집", not "Prometheus".
	const term = !table.transposed && table.attributes.length === 1;
	// A reverse card whose front is shared by two keys would have two right answers.
	const firstValues = countBy(table.entries.map((entry) => entry.values[0]?.text ?? ''));

	for (const entry of table.entries) {
		const key = entry.key.text;
		const where = { file: ctx.file, line: entry.line, column: entry.column };
		if (!key) {
			if (entry.values.every((value) => !value.text)) continue; // a blank spacer row
			warnings.push({ ...where, message: 'row skipped: its key cell is empty' });
			continue;
		}
		const first = seen.get(key);
		if (first !== undefined) {
			problems.push({
				...where,
				message: `duplicate key "${key}" in one table (first at line ${first}); add <!-- tabledeck: key=N --> or rename one`
			});
			continue;
		}
		seen.set(key, entry.line);

		table.attributes.forEach((attribute, i) => {
			const value = entry.values[i];
			const line = table.transposed ? attribute.line : entry.line;
			const front = term ? entry.key : joined(entry.key, attribute.name);
			push(cards, ctx, { front, back: value, rowKey: key, column: attribute.name, direction: 'forward', line });
			if (i === 0 && !ctx.noReverse && firstValues.get(value.text) === 1) {
				push(reverse, ctx, { front: value, back: entry.key, rowKey: key, column: attribute.name, direction: 'reverse', line });
			}
		});
	}
	// Reverse cards follow all forward ones: new cards come in this order, and a card's
	// reverse straight after it would be answered from short-term memory.
	return { cards: [...cards, ...reverse], problems, warnings };
}

interface Side {
	front: CellContent;
	back: CellContent;
	rowKey: string;
	column: string;
	direction: Direction;
	line: number;
}

function push(cards: Card[], ctx: TableContext, side: Side) {
	// No card may ask nothing, answer nothing, or answer with its own question.
	if (!side.front.text || !side.back.text || side.front.text === side.back.text) return;
	cards.push({
		id: stableId(ctx.tableId, side.rowKey, side.column, side.direction),
		deckId: ctx.deckId,
		front: side.front.html,
		back: side.back.html,
		frontText: side.front.text,
		backText: side.back.text,
		source: { file: ctx.file, line: side.line },
		tableId: ctx.tableId,
		rowKey: side.rowKey,
		column: side.column,
		direction: side.direction
	});
}

function joined(key: CellContent, attribute: string): CellContent {
	return { html: `${key.html} · ${escapeHtml(attribute)}`, text: `${key.text} · ${attribute}` };
}

function countBy(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}
