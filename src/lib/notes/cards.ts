import { escapeHtml, type CellContent } from './cell';
import { stableId } from './ids';
import type { KeyedTable } from './shape';
import type { Card, Direction, Problem } from './types';
import { ratingColumns } from './ratings';
import { isAddress, isBareSymbol, isClue, isPlaceholder, yesRows } from './values';

export interface TableContext {
	file: string;
	deckId: string;
	tableId: string;
	noReverse: boolean;
	/** What the question names when the deck's title does not (build.ts rowSubject); may be empty. */
	subject?: string;
}

/** Why a column asks less than every row's value, for the build report. */
export interface ColumnNote {
	column: string;
	note: string;
}

export interface TableCards {
	cards: Card[];
	problems: Problem[];
	warnings: Problem[];
	/** Columns that make no forward cards, or no reverse cards, and why. */
	columns: ColumnNote[];
}

// `예시`, `Example`, `e.g.`: many right answers forwards, a good clue backwards.
const EXAMPLE = /^(예시|예|예제|사례|examples?|e\.g\.?|ex\.?|sample|샘플)$/i;
// `| 상황 | 예상 | 실제 |`: what people wrongly expect is not something to learn.
const MISBELIEF = /^(예상|예상 ?\S*|기대|오해|흔한 오해|착각|misconceptions?|expected|expectation|myth)$/i;
// Links and sources are where to read more, not something to remember.
const REFERENCE = /^(references?|reference\(s\)|links?|sources?|urls?|출처|참고|참고 ?자료|링크|문서|docs?|further reading)$/i;

/**
 * Cards for one keyed table: each key → each attribute, and value → key where the value can
 * name its row (see `reverseColumn`). A two-column (term) table asks the bare key, since its
 * one attribute adds nothing.
 */
export function tableCards(table: KeyedTable, ctx: TableContext): TableCards {
	const cards: Card[] = [];
	const reverse: Card[] = [];
	const problems: Problem[] = [];
	const warnings: Problem[] = [];
	const columns: ColumnNote[] = [];
	const seen = new Map<string, number>();
	// A comparison with one criterion row still names it: "Prometheus · 데이터 수집", not "Prometheus".
	const term = !table.transposed && table.attributes.length === 1;
	const ratings = ratingColumns(table);
	const forward = table.attributes.map((attribute, i) => {
		const why = ratings.has(i) ? 'ratings on a small scale; asked as which row is highest' : forwardFlaw(table, i);
		if (why) columns.push({ column: attribute.name, note: `no forward cards: ${why}` });
		return !why;
	});
	// A column of links is neither asked nor a clue.
	const links = new Set(table.attributes.flatMap((_, i) => (forwardFlaw(table, i)?.startsWith('links') ? [i] : [])));
	const reversed = reverseColumns(table, ctx.noReverse, columns, links);

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
		// `/24`, `1`: a key that says nothing alone is asked with its column's name.
		const named = !table.transposed && isBareSymbol(key) && table.keyName ? labelled(table.keyName, entry.key) : entry.key;

		table.attributes.forEach((attribute, i) => {
			const value = entry.values[i];
			if (isPlaceholder(value.text)) return;
			const line = table.transposed ? attribute.line : entry.line;
			if (forward[i] && value.text !== key) {
				const front = about(ctx.subject, term ? named : joined(named, attribute.name));
				push(cards, ctx, { front, back: value, rowKey: key, column: attribute.name, direction: 'forward', line });
			}
			if (reversed.get(i)?.has(value.text) && value.text !== key) {
				const front = reverseFront(attribute.name, value, table.keyName, ctx.subject);
				push(reverse, ctx, { front, back: entry.key, rowKey: key, column: attribute.name, direction: 'reverse', line });
			}
		});
	}
	// Reverse cards follow all forward ones: new cards come in this order, and a card's
	// reverse straight after it would be answered from short-term memory.
	return { cards: [...cards, ...reverse], problems, warnings, columns };
}

/** Why a column makes no "key · column" cards, or null when it does. */
function forwardFlaw(table: KeyedTable, index: number): string | null {
	const name = table.attributes[index].name;
	// `Bigtable - … database from Google · Type` → `Data store`: a category a few rows share, not
	// a fact of the row (and the key often says it).
	if (index === table.grouping) return 'it groups the rows; a category is not asked row by row';
	if (!table.transposed && EXAMPLE.test(name)) return 'examples have many right answers; they are asked as clues instead';
	if (!table.transposed && MISBELIEF.test(name)) return 'what people wrongly expect is no fact to learn';
	const cells = table.entries.map((entry) => entry.values[index]).filter((cell) => cell.text && !isPlaceholder(cell.text));
	const values = cells.map((cell) => cell.text);
	const links = cells.length > 0 && cells.every((cell) => isAddress(cell.text) || /^<a [^>]*>[^<]*<\/a>$/.test(cell.html));
	if (REFERENCE.test(name) || links) return 'links are where to read more';
	if (values.length >= 3 && new Set(values).size === 1) return `every row says "${values[0]}"`;
	if (!table.transposed && yesRows(table.entries.map((entry) => entry.values[index].text))) {
		return 'yes/no marks; asked as which rows are marked';
	}
	return null;
}

/**
 * The values that may be the front of a reverse card, by attribute index: the first column's,
 * and an example column's. A value must name its row: unique in its column and a clue (not a
 * number, threshold, rating, yes/no or link). A column whose values mostly are not clues gives
 * none at all, since its few wordy values are still answers to a vague question.
 */
function reverseColumns(table: KeyedTable, noReverse: boolean, notes: ColumnNote[], links: Set<number>): Map<number, Set<string>> {
	const chosen = new Map<number, Set<string>>();
	if (noReverse) {
		notes.push({ column: '*', note: 'no reverse cards: directive no-reverse' });
		return chosen;
	}
	const candidates = table.attributes.flatMap((attribute, i) =>
		!links.has(i) &&
		!(!table.transposed && MISBELIEF.test(attribute.name)) &&
		// The first column's values, or the next one's when the first only groups the rows.
		(i === (table.grouping === 0 ? 1 : 0) || (!table.transposed && EXAMPLE.test(attribute.name)))
			? [i]
			: []
	);
	for (const i of candidates) {
		const name = table.attributes[i].name;
		const values = table.entries.filter((entry) => entry.key.text).map((entry) => entry.values[i].text);
		const given = values.filter((text) => text && !isPlaceholder(text));
		const counts = new Map<string, number>();
		for (const text of given) counts.set(text, (counts.get(text) ?? 0) + 1);
		const clues = given.filter((text) => counts.get(text) === 1 && isClue(text));
		if (given.length === 0) continue;
		if (clues.length * 2 < given.length || clues.length === 0) {
			const why =
				clues.length === 0 && new Set(given).size < given.length
					? 'values repeat'
					: 'values are numbers, ratings or too short to name a row';
			notes.push({ column: name, note: `no reverse cards: ${why}` });
			continue;
		}
		if (clues.length < given.length) notes.push({ column: name, note: `reverse cards for ${clues.length} of ${given.length} values` });
		chosen.set(i, new Set(clues));
	}
	if (candidates.length === 0) notes.push({ column: '*', note: 'no reverse cards: no column to reverse' });
	return chosen;
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
	// A reverse card names its choices (`→ Prometheus / InfluxDB`) on purpose. Its clue must not
	// hold the answer (`HTTP 메서드: PATCH → Verb` ⟶ `patch`), nor be a word of it
	// (`스토리지: NFS → 드라이버` ⟶ `csi-driver-nfs`: the forward card was left out for that).
	if (side.direction === 'forward' && answerInQuestion(side.rowKey, side.back.text)) return;
	if (side.direction === 'reverse' && restates(clueOf(side.front.text, side.column), side.back.text)) return;
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

const tokens = (text: string) =>
	text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

/** `설명: WebSocket 세션당 하나 → Scope` → the value alone: the column's name may share the answer's word. */
function clueOf(front: string, column: string): string {
	const clue = front.slice(0, front.lastIndexOf(' → '));
	return clue.startsWith(`${column}: `) ? clue.slice(column.length + 2) : clue;
}

/**
 * `csi-driver-nfs → NFS`, `get · HTTP 메서드 → GET`: every word of the answer is already in
 * the row's key (or, backwards, in the clue). (The column's name may share the answer's word: `SRTF · 선점 여부 → 선점`.)
 */
function answerInQuestion(question: string, back: string): boolean {
	return within(tokens(back), tokens(question));
}

/** Whether one side's words all occur in the other's, either way round. */
function restates(clue: string, answer: string): boolean {
	// Cheap first: one side's first word must occur in the other (most reverse cards stop here).
	const lowerClue = clue.toLowerCase();
	const lowerAnswer = answer.toLowerCase();
	const firstOfClue = FIRST_WORD.exec(lowerClue)?.[0];
	const firstOfAnswer = FIRST_WORD.exec(lowerAnswer)?.[0];
	if (!(firstOfAnswer && lowerClue.includes(firstOfAnswer)) && !(firstOfClue && lowerAnswer.includes(firstOfClue))) return false;
	const a = tokens(clue);
	const b = tokens(answer);
	return within(b, a) || within(a, b);
}

const FIRST_WORD = /[\p{L}\p{N}]+/u;

/** Every word of `some` is in `all` (and `some` says more than one letter). */
function within(some: string[], all: string[]): boolean {
	if (some.join('').length < 2) return false;
	const words = new Set(all);
	return some.every((word) => words.has(word));
}

function joined(key: CellContent, attribute: string): CellContent {
	return { html: `${key.html} · ${escapeHtml(attribute)}`, text: `${key.text} · ${attribute}` };
}

function labelled(label: string, value: CellContent): CellContent {
	if (/^#\d+$/.test(label)) return value; // an empty header's stand-in name says nothing
	return { html: `${escapeHtml(label)}: ${value.html}`, text: `${label}: ${value.text}` };
}

/** `Write Concern 주요 옵션 › w: majority · 설명`: a row's question under a heading that names nothing. */
function about(subject: string | undefined, front: CellContent): CellContent {
	if (!subject) return front;
	return { html: `${escapeHtml(subject)} › ${front.html}`, text: `${subject} › ${front.text}` };
}

/** `설명: 외부 DNS 매핑 → 타입`: the value with its column, and what kind of answer is asked. */
function reverseFront(column: string, value: CellContent, keyName: string, subject = ''): CellContent {
	const front = labelled(column, value);
	// The quiz reads the value back from between the label and the last arrow (quiz/table-view.ts),
	// so the subject goes after the arrow: `→ 옵션 (Write Concern 주요 옵션)`.
	const asked = [keyName || '?', subject && `(${subject})`].filter(Boolean).join(' ');
	return { html: `${front.html} → ${escapeHtml(asked)}`, text: `${front.text} → ${asked}` };
}
