import { escapeHtml, type CellContent } from './cell';
import type { FoundTable } from './tables';
import { isPlainNumber, isQuantity } from './values';

export interface Attribute {
	name: string;
	line: number;
}

export interface Entry {
	key: CellContent;
	values: CellContent[];
	line: number;
	column: number;
}

/** A table turned so that every entry has a key and one value per attribute. */
export interface KeyedTable {
	attributes: Attribute[];
	entries: Entry[];
	/** Compared things are columns: a card's line is its attribute's row. */
	transposed: boolean;
	/** What a key is: the key column's header, or the compared names (`ELK / LGTM`) when transposed. */
	keyName: string;
	/** The attribute that groups rows (`| Data store | Bigtable |`), when it is why another column is the key. */
	grouping?: number;
}

export type Shape = { kind: 'cards'; table: KeyedTable; note?: string; signals: string[] } | { kind: 'skip'; reason: string };

// A first header like these says the rows are criteria and the other columns the things
// compared; the strong ones say it alone, the weak ones (`구분`, `항목`) need another signal.
const CRITERION = new Set([
	'',
	'기준',
	'비교',
	'비교 기준',
	'비교 항목',
	'vs',
	'vs.',
	'criteria',
	'criterion',
	'aspect',
	'aspects',
	'comparison'
]);
const WEAK_CRITERION = new Set([
	'구분',
	'항목',
	'특성',
	'특징',
	'요소',
	'요구사항',
	'관점',
	'분류',
	'feature',
	'features',
	'property',
	'properties',
	'attribute',
	'attributes',
	'dimension',
	'category',
	'factor',
	'metric'
]);
// Headers like these name attributes of a row, so the table is not a comparison after all.
const ATTRIBUTE_WORDS =
	/^(설명|용도|예시|예|예제|특징|장점|단점|역할|의미|정의|내용|비고|목적|방법|차이|종류|기능|특성|값|조건|심각도|크기|상황|원인|해결|해결책|해결 방법|대응|발생 위치|위치|결과|영향|문제|이유|시점|단위|약어|기본값|주의|주의사항|동작|방식|사용|사용처|적합한 상황|명령어|옵션|사용 사례|사용 시나리오|생명주기|description|example|examples|use|usage|use case|purpose|meaning|definition|notes?|pros|cons|role|type|value|values|cause|solution|result|reason|default|command|options?)$/i;
// A heading or lead that says its table compares: "Istio vs Linkerd", "JSON과의 차이점", "L1 / L2 비교".
const COMPARES = /(\bvs\.?(?=\s|$)|\bversus\b|비교|차이|\bcompar|\bdifference)/i;
// Row labels that read as criteria: `속도`, `확장성`, `메모리 사용량`, `Pod 이름`.
const CRITERION_ROW =
	/(방식|속도|비용|성능|구조|목적|용도|단위|범위|크기|시점|주체|관점|방법|형식|타입|언어|수준|복잡도|특징|장점|단점|용량|위치|순서|여부|사용량|확장성|안정성|보안|관리|지원|생태계|난이도|적합|이름|저장|상태|처리|설정|speed|cost|performance|scal\w*|support|security|language|type|format|size|use case)$/i;

export function shapeTable(table: FoundTable): Shape {
	const shape = guessShape(table);
	const flaw = shape.kind === 'cards' ? flawOf(shape.table) : null;
	return flaw ? { kind: 'skip', reason: flaw } : shape;
}

/** What stops a keyed table from making distinct, answerable cards. */
function flawOf({ attributes, entries, transposed }: KeyedTable): string | null {
	if (entries.every((entry) => !entry.key.text)) return 'every key cell is empty';
	// A card's id is made from its key and attribute name: two attributes of one name would share ids.
	const names = attributes.map((attribute) => attribute.name);
	const twice = names.find((name, i) => names.indexOf(name) !== i);
	if (twice !== undefined) return `two ${transposed ? 'rows' : 'columns'} are named "${twice}"`;
	return null;
}

function guessShape(table: FoundTable): Shape {
	const { header, rows, directives } = table;
	if (header.length < 2) return { kind: 'skip', reason: 'a single column makes no question and answer' };
	if (rows.length === 0) return { kind: 'skip', reason: 'the table has a header only' };
	const bodyCells = rows.flatMap((row) => row.cells.map((cell) => cell.text)).filter(Boolean);
	if (bodyCells.length === 0) return { kind: 'skip', reason: 'every cell is empty' };
	// A grid of numbers asks nothing; a table keyed by `/24` with numbers beside it still does.
	if (bodyCells.every(isPlainNumber)) return { kind: 'skip', reason: 'a grid of numbers makes no cards' };

	const keyColumn = directives?.keyColumn;
	if (keyColumn != null && keyColumn >= header.length) {
		return { kind: 'skip', reason: `key=${keyColumn + 1} but the table has ${header.length} columns` };
	}
	if (directives?.transpose) return { kind: 'cards', table: transposed(table), signals: ['directive: transpose'] };
	if (keyColumn != null) return { kind: 'cards', table: keyed(table, keyColumn), signals: [`directive: key=${keyColumn + 1}`] };
	const comparison = comparisonSignals(table);
	if (comparison.score >= 2) return { kind: 'cards', table: transposed(table), signals: comparison.signals };
	const signals = comparison.score > 0 ? [`not enough to be a comparison: ${comparison.signals.join('; ')}`] : comparison.signals;
	if (!isGrouping(table, 0)) return { kind: 'cards', table: keyed(table, 0), signals };

	// The first column groups rows (`| Data store | Bigtable |`, `| Data store | HBase |`): a
	// column that names each row once is the key instead.
	const unique = header.findIndex((_, i) => i > 0 && isUnique(table, i));
	const first = header[0].text || 'column 1';
	if (unique < 0) return { kind: 'skip', reason: `"${first}" groups rows and no column names each row once` };
	const note = `"${first}" groups rows, so column ${unique + 1} "${header[unique].text}" is the key`;
	// The grouping column is attribute 0 of the re-keyed table: the columns keep their order.
	return { kind: 'cards', table: { ...keyed(table, unique), grouping: 0 }, note, signals: [note] };
}

/** A column where most values repeat: a category, not a key. A single repeat is a typo and an error. */
function isGrouping(table: FoundTable, column: number): boolean {
	const values = table.rows.map((row) => row.cells[column].text).filter(Boolean);
	return values.length >= 2 && new Set(values).size * 2 <= values.length;
}

function isUnique(table: FoundTable, column: number): boolean {
	const values = table.rows.filter((row) => row.cells.some((c) => c.text)).map((row) => row.cells[column].text);
	return values.every(Boolean) && new Set(values).size === values.length;
}

function keyed(table: FoundTable, keyColumn: number): KeyedTable {
	const others = table.header.map((_, i) => i).filter((i) => i !== keyColumn);
	return {
		transposed: false,
		keyName: table.header[keyColumn].text,
		attributes: others.map((i) => ({ name: columnName(table.header[i].text, i), line: table.line })),
		entries: table.rows.map((row) => ({
			key: row.cells[keyColumn],
			values: others.map((i) => row.cells[i]),
			line: row.line,
			column: row.column
		}))
	};
}

function transposed(table: FoundTable): KeyedTable {
	return {
		transposed: true,
		keyName: table.header
			.slice(1)
			.map((cell) => cell.text)
			.filter(Boolean)
			.join(' / '),
		attributes: table.rows.map((row, i) => ({ name: columnName(row.cells[0].text, i), line: row.line })),
		entries: table.header.slice(1).map((key, j) => ({
			key,
			values: table.rows.map((row) => row.cells[j + 1]),
			line: table.line,
			column: table.column
		}))
	};
}

/**
 * A comparison (`| 기준 | Prometheus | InfluxDB |`) read from every signal together: a criterion
 * word in the first header, the other headers named in the heading, label or the line above,
 * headers that look like names and first-column cells that look like criteria. An attribute
 * word among the other headers (`| 항목 | 조건 | 심각도 |`) settles it the other way.
 */
export function comparisonSignals(table: FoundTable): { score: number; signals: string[] } {
	const [first, ...others] = table.header.map((cell) => cell.text);
	const signals: string[] = [];
	if (others.length < 2 || others.some((name) => !name)) return { score: -9, signals: ['fewer than two named columns to compare'] };
	const context = [table.label, table.sections.at(-1)?.title, table.lead].filter(Boolean).join(' \n ').toLowerCase();
	const isNamed = (name: string) => context.includes(name.toLowerCase()) || context.includes(stem(name).toLowerCase());
	// `Role` is an attribute word, but not under "Role vs ClusterRole".
	const attribute = others.find((name) => ATTRIBUTE_WORDS.test(name) && !isNamed(name));
	if (attribute) return { score: -9, signals: [`"${attribute}" names an attribute`] };
	let score = 0;
	const firstWord = first.toLowerCase();
	if (CRITERION.has(firstWord)) {
		score += 2;
		signals.push(first ? `first header "${first}" is a criterion word` : 'first header is empty');
	} else if (WEAK_CRITERION.has(firstWord)) {
		score += 1;
		signals.push(`first header "${first}" may name criteria`);
	}
	const criterion = score > 0;
	const named = others.filter(isNamed);
	if (named.length === others.length) {
		score += 2;
		signals.push('the heading names every compared column');
	} else if (named.length > 0) {
		score += 1;
		signals.push(`the heading names ${named.map((n) => `"${n}"`).join(', ')}`);
	}
	if (COMPARES.test(context)) {
		score += 1;
		signals.push('the heading says it compares');
	}
	if (others.every((name) => /[A-Z0-9]/.test(name))) {
		score += 1;
		signals.push('the other headers look like names');
	}
	const rows = table.rows.map((row) => row.cells[0].text).filter(Boolean);
	if (rows.length >= 2 && rows.filter((text) => CRITERION_ROW.test(text) || ATTRIBUTE_WORDS.test(text)).length * 2 >= rows.length) {
		score += 1;
		signals.push('first-column cells read as criteria');
	}
	// Without a criterion word, only a heading naming every column says the columns are things.
	if (!criterion && named.length < others.length) return { score: Math.min(score, 1), signals };
	return { score, signals };
}

/**
 * `| Divide and Conquer | Dynamic Programming | Greedy |` under "DP vs … vs GREEDY": every
 * column is one of the things compared, and a row is an aspect nobody named, written as a
 * sentence in each column. No column is a key; each is asked whole (lists.ts). Needs a
 * heading that compares, name-like headers that name no attribute, and cells that are mostly
 * sentences in every column (a criterion would be a word or two).
 */
export function isParallelTable(table: FoundTable): boolean {
	const names = table.header.map((cell) => cell.text);
	if (names.length < 2 || names.some((name) => !name || ATTRIBUTE_WORDS.test(name) || CRITERION.has(name.toLowerCase()))) return false;
	if (WEAK_CRITERION.has(names[0].toLowerCase()) || !names.every((name) => /[A-Z0-9]/.test(name))) return false;
	const context = [table.label, table.sections.at(-1)?.title, table.lead].filter(Boolean).join(' \n ');
	if (!COMPARES.test(context)) return false;
	// Sentences in every column: `| Signup | POST /signup | POST /persons |` is keyed by its operations.
	const sentence = (text: string) => text.split(/\s+/).length >= 3 || [...text].length > 20;
	return names.every((_, i) => {
		const cells = table.rows.map((row) => row.cells[i].text).filter(Boolean);
		return cells.length >= 2 && cells.filter(sentence).length * 2 > cells.length;
	});
}

/**
 * `| Space Complexity | Time Complexity |` over one row `| O(1) | O(n^2) |` under "Bubble
 * Sort": no column names the row; the headers are attributes of what the heading names. Read
 * as that subject's record (`Bubble Sort · Space Complexity` → `O(1)`), or null when the table
 * is not such a record: more than one row, headers missing or repeated, or a first cell that
 * is no quantity (it could name the row).
 */
export function recordOf(table: FoundTable, subject: string): { table: KeyedTable; signals: string[] } | null {
	if (table.rows.length !== 1 || table.header.length < 2 || !subject || table.directives) return null;
	const names = table.header.map((cell) => cell.text);
	if (names.some((name) => !name) || new Set(names).size < names.length) return null;
	const first = table.rows[0].cells[0].text;
	if (!first || !(isQuantity(first) || isPlainNumber(first))) return null;
	const row = table.rows[0];
	const key = { text: subject, html: escapeHtml(subject) };
	return {
		table: {
			transposed: false,
			keyName: '',
			attributes: table.header.map((cell, i) => ({ name: columnName(cell.text, i), line: table.line })),
			entries: [{ key, values: row.cells, line: row.line, column: row.column }]
		},
		signals: [`one row of values under attribute headers: the record of "${subject}"`]
	};
}

/** `뮤텍스 (Mutex)` is named as `뮤텍스` too. */
function stem(name: string): string {
	return name.replace(/\s*\(.*\)\s*$/, '').trim() || name;
}

/** A header names its column; an empty one is named by its place. */
function columnName(text: string, index: number): string {
	return text || `#${index + 1}`;
}
