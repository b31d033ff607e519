import type { CellContent } from './cell';
import type { FoundTable } from './tables';

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
}

export type Shape = { kind: 'cards'; table: KeyedTable; note?: string } | { kind: 'skip'; reason: string };

// A first header like these says the rows are criteria and the other columns the things compared.
const CRITERION = new Set([
	'',
	'기준',
	'비교',
	'비교 기준',
	'비교 항목',
	'구분',
	'vs',
	'vs.',
	'criteria',
	'criterion',
	'aspect',
	'aspects',
	'feature',
	'features',
	'dimension',
	'category',
	'comparison'
]);
// Headers like these name attributes of a row, so the table is not a comparison after all.
const ATTRIBUTE_WORDS =
	/^(설명|용도|예시|예|특징|장점|단점|역할|의미|정의|내용|비고|목적|방법|차이|종류|기능|특성|값|조건|심각도|크기|상황|description|example|examples|use|usage|purpose|meaning|definition|notes?|pros|cons|role|type|value|values)$/i;

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
	if (!bodyCells.some((text) => /\p{L}/u.test(text))) return { kind: 'skip', reason: 'a grid of numbers makes no cards' };

	const keyColumn = directives?.keyColumn;
	if (keyColumn != null && keyColumn >= header.length) {
		return { kind: 'skip', reason: `key=${keyColumn + 1} but the table has ${header.length} columns` };
	}
	if (directives?.transpose || (keyColumn == null && isComparison(table))) return { kind: 'cards', table: transposed(table) };
	if (keyColumn != null || !isGrouping(table, 0)) return { kind: 'cards', table: keyed(table, keyColumn ?? 0) };

	// The first column groups rows (`| Data store | Bigtable |`, `| Data store | HBase |`): a
	// column that names each row once is the key instead.
	const unique = header.findIndex((_, i) => i > 0 && isUnique(table, i));
	const first = header[0].text || 'column 1';
	if (unique < 0) return { kind: 'skip', reason: `"${first}" groups rows and no column names each row once` };
	const note = `"${first}" groups rows, so column ${unique + 1} "${header[unique].text}" is the key`;
	return { kind: 'cards', table: keyed(table, unique), note };
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
		attributes: table.rows.map((row, i) => ({ name: columnName(row.cells[0].text, i), line: row.line })),
		entries: table.header.slice(1).map((key, j) => ({
			key,
			values: table.rows.map((row) => row.cells[j + 1]),
			line: table.line,
			column: table.column
		}))
	};
}

/** `| 기준 | Prometheus | InfluxDB |`, or headers named in a "A vs B" title. */
function isComparison(table: FoundTable): boolean {
	const [first, ...others] = table.header.map((cell) => cell.text);
	if (others.length < 2 || others.some((name) => !name || ATTRIBUTE_WORDS.test(name))) return false;
	if (CRITERION.has(first.toLowerCase())) return true;
	const title = (table.label ?? table.sections.at(-1)?.title ?? '').toLowerCase();
	return /\bvs\.?\b/.test(title) && others.every((name) => title.includes(name.toLowerCase()));
}

/** A header names its column; an empty one is named by its place. */
function columnName(text: string, index: number): string {
	return text || `#${index + 1}`;
}
