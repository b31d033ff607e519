import type { Card } from '../notes/types';
import { escapeHtml } from './normalize';

export interface TableRow {
	/** The row key (a compared column's header when the table was transposed). */
	key: string;
	keyHtml: string;
	/** column → the forward card asking this row's value in that column. */
	forward: Map<string, Card>;
	/** column → the reverse card (value → key), when the build made one. */
	reverse: Map<string, Card>;
}

/** One table rebuilt from its cards' metadata: rows by key, columns in the notes' order. */
export class TableView {
	readonly columns: string[] = [];
	readonly rows: TableRow[] = [];
	private byKey = new Map<string, TableRow>();

	constructor(
		readonly tableId: string,
		cards: readonly Card[]
	) {
		const columns = new Set<string>();
		for (const card of cards) {
			// A card about the whole table (notes/whole.ts) is no row of it.
			if (card.kind) continue;
			columns.add(card.column);
			const row = this.rowFor(card.rowKey);
			(card.direction === 'forward' ? row.forward : row.reverse).set(card.column, card);
		}
		this.columns.push(...columns);
		for (const row of this.rows) row.keyHtml = keyHtmlOf(row);
	}

	row(key: string): TableRow | undefined {
		return this.byKey.get(key);
	}

	/** The value shown for a row in a column: the forward card's back, else the reverse card's front. */
	value(row: TableRow, column: string): { text: string; html: string } | undefined {
		const forward = row.forward.get(column);
		if (forward) return { text: forward.backText, html: forward.back };
		const reverse = row.reverse.get(column);
		return reverse ? reverseValue(reverse) : undefined;
	}

	/** Columns this row has a value in, in table order. */
	columnsOf(row: TableRow): string[] {
		return this.columns.filter((column) => row.forward.has(column) || row.reverse.has(column));
	}

	/** The cards that test a row's facts, one per column (forward preferred). */
	cardsOf(row: TableRow, columns: readonly string[] = this.columns): Card[] {
		return columns.flatMap((column) => row.forward.get(column) ?? row.reverse.get(column) ?? []);
	}

	private rowFor(key: string): TableRow {
		let row = this.byKey.get(key);
		if (!row) {
			row = { key, keyHtml: '', forward: new Map(), reverse: new Map() };
			this.byKey.set(key, row);
			this.rows.push(row);
		}
		return row;
	}
}

/**
 * The key's build-time HTML, found where a card shows it bare: a reverse card's back, a term
 * table's front (`<strong>ClusterIP</strong>`), or an attribute front minus ` · column`.
 */
function keyHtmlOf(row: TableRow): string {
	for (const card of row.reverse.values()) if (card.backText === row.key) return card.back;
	for (const card of row.forward.values()) {
		if (card.frontText === row.key) return card.front;
		const suffix = ` · ${escapeHtml(card.column)}`;
		if (card.frontText === `${row.key} · ${card.column}` && card.front.endsWith(suffix)) return card.front.slice(0, -suffix.length);
	}
	return escapeHtml(row.key);
}

/**
 * The cell a reverse card asks from: its front is `column: value → key header` (the builder's
 * reverseFront), so the value is what lies between. Example columns have no forward card, so
 * this is how the quiz reads them.
 */
export function reverseValue(card: Card): { text: string; html: string } {
	const strip = (side: string, column: string) => {
		const arrow = side.lastIndexOf(' → ');
		const value = arrow >= 0 ? side.slice(0, arrow) : side;
		return value.startsWith(`${column}: `) ? value.slice(column.length + 2) : value;
	};
	return { text: strip(card.frontText, card.column), html: strip(card.front, escapeHtml(card.column)) };
}
