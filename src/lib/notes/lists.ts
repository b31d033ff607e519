import { escapeHtml, type CellContent } from './cell';
import { stableId } from './ids';
import type { FoundTable } from './tables';
import type { Card } from './types';
import { isPlaceholder } from './values';

// `| 장점 | 단점 |`, `| Do | Don't |`, `| Before | After |`: columns of unrelated items, with no
// key column; a row pairs a pro with a con only by where they were written.
const LIST_HEADERS = new Set(
	[
		'장점|단점|pros|cons|advantages|disadvantages|benefits|drawbacks|do|dont|dos|donts|before|after|good|bad',
		'좋은 예|나쁜 예|올바른 예|잘못된 예|권장|비권장|해야 할 것|하지 말아야 할 것|yes|no|o|x|이전|이후|전|후'
	]
		.join('|')
		.split('|')
);
/** Longer lists are not one card's worth: about seven items, as the grading rubric has it. */
export const MAX_LIST = 7;

function listWord(header: string): string {
	return header
		.replace(/[^\p{L}\s]/gu, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

/** Whether every header of the table names a list (`장점`, `Don't`, `✅ Do`). */
export function isListTable(table: FoundTable): boolean {
	return table.header.length >= 2 && table.header.every((cell) => LIST_HEADERS.has(listWord(cell.text)));
}

// A checklist's mark column: `✅`, `✔`, `☐`, `-`, `•` in every row, the same in each.
const MARK = /^[^\p{L}\p{N}]{1,3}$/u;

/**
 * `| | Things |` with `✅` (and perhaps `❌`) in every row: a checklist. Its mark column says
 * nothing by itself; each other column is a list per mark (`Things ✅`, `Things ❌`). Returned
 * as a table of those lists, or null when the table is not a checklist.
 */
export function checklistOf(table: FoundTable): FoundTable | null {
	if (table.header.length < 2 || table.rows.length === 0) return null;
	const first = table.header[0].text;
	if (first && /\p{L}/u.test(first)) return null;
	const marks = [...new Set(table.rows.map((row) => row.cells[0].text.trim()))];
	if (marks.length > 2 || !marks.every((mark) => MARK.test(mark))) return null;
	const columns = table.header.slice(1);
	if (columns.some((cell) => !cell.text)) return null;
	const lists = columns.flatMap((header, c) =>
		marks.map((mark) => ({
			header: marks.length === 1 ? header : { html: `${header.html} ${escapeHtml(mark)}`, text: `${header.text} ${mark}` },
			items: table.rows.filter((row) => row.cells[0].text.trim() === mark).map((row) => row.cells[c + 1])
		}))
	);
	const length = Math.max(...lists.map((list) => list.items.length));
	const empty = { html: '', text: '' };
	const rows = Array.from({ length }, (_, i) => ({ ...table.rows[i], cells: lists.map((list) => list.items[i] ?? empty) }));
	return { ...table, header: lists.map((list) => list.header), rows };
}

/**
 * One card per column: "<deck>: 장점" → the column's items, one a line. A column of more than
 * MAX_LIST items, or of none, makes no card.
 */
export function listCards(table: FoundTable, ctx: { file: string; deckId: string; tableId: string; title: string }): Card[] {
	const cards: Card[] = [];
	table.header.forEach((header, i) => {
		const items = table.rows.map((row) => row.cells[i]).filter((cell: CellContent) => cell.text && !isPlaceholder(cell.text));
		if (items.length === 0 || items.length > MAX_LIST || !header.text) return;
		cards.push({
			id: stableId(ctx.tableId, header.text, header.text, 'forward'),
			deckId: ctx.deckId,
			front: `${escapeHtml(ctx.title)}: ${header.html}`,
			back: items.map((item) => item.html).join('<br>'),
			frontText: `${ctx.title}: ${header.text}`,
			backText: items.map((item) => item.text).join(' / '),
			source: { file: ctx.file, line: table.line },
			tableId: ctx.tableId,
			rowKey: header.text,
			column: header.text,
			direction: 'forward'
		});
	});
	return cards;
}
