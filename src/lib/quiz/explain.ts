import type { Card } from '../notes/types';
import { escapeHtml } from './normalize';
import type { ExplainWords } from './prompt';
import type { QuizIndex } from './quiz-index';
import { randomInt, type Rng } from './rng';
import { randomDraws } from './sampling';
import type { TableRow, TableView } from './table-view';
import type { ExplainKind, ExplainQuestion, ModelAnswer } from './types';

/**
 * An explain-aloud prompt around a card's row, built only from the table's own headers, in
 * the `words` given (src/lib/i18n/quiz.ts), e.g. in Korean:
 *   compare     "ClusterIP vs NodePort: 차이를 설명하세요" (another row of the table)
 *   attributes  "Rolling: 장점과 단점은?" (two columns of the row)
 *   single      "ClusterIP에 대해 설명하세요" (a one-row, one-column table)
 * The words are given plain text here; they only fill it in, so the prompt is plain text.
 * `isRowAsked` steers the compared row towards one the quiz has not shown yet.
 */
export function buildExplain(
	index: QuizIndex,
	card: Card,
	rng: Rng,
	words: ExplainWords,
	isRowAsked: (tableId: string, key: string) => boolean = () => false
): { question: ExplainQuestion; rows: TableRow[] } {
	const table = index.table(card.tableId);
	const row = table.row(card.rowKey)!;
	const columns = table.columnsOf(row);
	const hasSibling = table.rows.length > 1;
	const kind: ExplainKind = hasSibling && (columns.length < 2 || rng() < 0.5) ? 'compare' : columns.length >= 2 ? 'attributes' : 'single';

	let prompt: string;
	let model: ModelAnswer;
	if (kind === 'compare') {
		const other = pickSibling(table, row, rng, (key) => isRowAsked(card.tableId, key));
		prompt = words.compare(row.key, other.key);
		model = modelAnswer(
			table,
			[row, other],
			table.columns.filter((column) => hasValue(row, column) || hasValue(other, column))
		);
	} else if (kind === 'attributes') {
		const others = columns.filter((column) => column !== card.column);
		const second = others[randomInt(rng, others.length)];
		const pair = columns.filter((column) => column === card.column || column === second);
		prompt = words.attributes(row.key, pair[0], pair[1]);
		model = modelAnswer(table, [row], pair);
	} else {
		prompt = words.single(row.key);
		model = modelAnswer(table, [row], columns);
	}
	const shownRows = model.rows.map((shown) => table.row(shown.key)!);
	const tested = shownRows.flatMap((shown) => table.cardsOf(shown, model.columns));
	const cardIds = [card.id, ...tested.map((c) => c.id).filter((id) => id !== card.id)];
	const question: ExplainQuestion = {
		id: `${card.id}:explain`,
		type: 'explain',
		requested: 'explain',
		kind,
		cardId: card.id,
		cardIds,
		deckId: card.deckId,
		tableId: card.tableId,
		prompt,
		promptHtml: escapeHtml(prompt),
		model
	};
	return { question, rows: shownRows };
}

/** The model answer as plain text, one row per line: `Rolling — pros: no downtime; cons: slow rollback`. */
export function modelAnswerText(model: ModelAnswer): string {
	return model.rows
		.map((row) => {
			const cells = row.cells.flatMap((cell, i) => (cell.text ? [`${model.columns[i]}: ${cell.text}`] : []));
			return `${row.key} — ${cells.join('; ')}`;
		})
		.join('\n');
}

// Looks at a bounded number of rows, so a table of 20k rows costs no more than one of 5.
const SIBLING_DRAWS = 32;

function pickSibling(table: TableView, row: TableRow, rng: Rng, isAsked: (key: string) => boolean): TableRow {
	let fallback: TableRow | undefined;
	for (const other of randomDraws(table.rows, rng, SIBLING_DRAWS + 1)) {
		if (other === row) continue;
		if (!isAsked(other.key)) return other;
		fallback ??= other;
	}
	return fallback!;
}

function modelAnswer(table: TableView, rows: TableRow[], columns: string[]): ModelAnswer {
	return {
		columns,
		rows: rows.map((row) => ({
			key: row.key,
			keyHtml: row.keyHtml,
			cells: columns.map((column) => table.value(row, column) ?? { text: '', html: '' })
		}))
	};
}

function hasValue(row: TableRow, column: string): boolean {
	return row.forward.has(column) || row.reverse.has(column);
}
