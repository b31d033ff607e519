import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { renderCell, type CellContent, type Definitions } from './cell';
import { isDirectiveComment, misspeltDirective, parseDirectives, type Directives } from './directives';
import type { Problem } from './types';

export interface Section {
	depth: number;
	/** What the deck tree shows: the heading, or for a question id (`### OS-001`) the question under it. */
	title: string;
	/** Unique in the note: the titles from the top, with `#2`… when a path repeats. */
	key: string;
}

export interface FoundRow {
	line: number;
	column: number;
	cells: CellContent[];
}

/** A GFM table with its place in the note: the headings above it and its bold label, if any. */
export interface FoundTable {
	line: number;
	column: number;
	sections: Section[];
	label: string | null;
	/** The paragraph right above the table when it is not a bold label: a hint of what the table compares. */
	lead: string | null;
	directives: Directives | null;
	header: CellContent[];
	rows: FoundRow[];
}

export interface FoundNote {
	/** The note's own `#` title when it has exactly one and it comes first. */
	title: string | null;
	tables: FoundTable[];
	problems: Problem[];
	warnings: Problem[];
}

/** Walks the whole tree in document order: tables also hide in lists, blockquotes and footnotes. */
export function findTables(file: string, root: Root): FoundNote {
	const headings = collectHeadings(root);
	const definitions = collectDefinitions(root);
	const h1s = headings.filter((h) => h.depth === 1);
	const ownTitle = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : null;
	const note: FoundNote = { title: ownTitle ? textOf(ownTitle.children) : null, tables: [], problems: [], warnings: [] };
	const stack: Section[] = [];
	const keys = new Map<string, number>();

	const visit = (children: RootContent[]) => {
		children.forEach((node, index) => {
			if (node.type === 'heading') {
				if (node === ownTitle) return;
				while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
				const heading = textOf(node.children) || `#${node.depth}`;
				// The key stays the heading's own text, so titling an id by its question keeps every id.
				const path = `${stack.at(-1)?.key ?? ''}\u001f${heading}`;
				const seen = (keys.get(path) ?? 0) + 1;
				keys.set(path, seen);
				const title = questionTitle(heading, children[index + 1]) ?? heading;
				stack.push({ depth: node.depth, title, key: seen > 1 ? `${path}#${seen}` : path });
			} else if (node.type === 'table') {
				note.tables.push(readTable(file, node, children, index, stack, note, definitions));
			} else if (isDirectiveComment(node) && !directiveTarget(children, index)) {
				note.warnings.push({ file, ...at(node), message: 'tabledeck directive is not right above a table; ignored' });
				// A misspelt word is an error wherever it stands: it may be why the comment missed its table.
				note.problems.push(...parseDirectives(file, node).problems);
			} else if (node.type === 'html') {
				const meant = misspeltDirective(node);
				if (meant)
					note.warnings.push({ file, ...at(node), message: `comment is not a tabledeck directive and is ignored; did you mean ${meant}?` });
			} else if ('children' in node && node.type !== 'paragraph') {
				visit(node.children as RootContent[]);
			}
		});
	};
	visit(root.children);
	return note;
}

function readTable(
	file: string,
	table: Table,
	siblings: RootContent[],
	index: number,
	sections: Section[],
	note: FoundNote,
	definitions: Definitions
): FoundTable {
	const before = siblings[index - 1];
	const label = before?.type === 'paragraph' ? boldLabel(before) : null;
	const lead = before?.type === 'paragraph' && !label ? textOf(before.children) : null;
	const comment = siblings[label ? index - 2 : index - 1];
	let directives: Directives | null = null;
	if (comment && isDirectiveComment(comment)) {
		const parsed = parseDirectives(file, comment);
		directives = parsed.directives;
		note.problems.push(...parsed.problems);
	}
	const [head, ...body] = table.children;
	const width = head.children.length;
	return {
		...at(table),
		sections: [...sections],
		label,
		lead,
		directives,
		header: head.children.map((cell) => renderCell(cell, definitions)),
		rows: body.map((row) => ({
			...at(row),
			// Ragged rows: missing cells are empty, extra cells are dropped (as GitHub renders them).
			cells: Array.from({ length: width }, (_, i) => renderCell(row.children[i], definitions))
		}))
	};
}

// `OS-001`, `DOCKER-076`, `Q12.`, `Q 3`, `#12`: a heading that only numbers a question.
const QUESTION_ID = /^(?:[A-Z][A-Z0-9]*[-_]\d+|Q\s?\d+|#\d+|\d+)[.:)]?$/i;

/**
 * A question list heads each question with its id and writes the question on the next line:
 * the deck is titled by that question (its bold part, if any), with the id after it.
 */
function questionTitle(heading: string, next: RootContent | undefined): string | null {
	if (!QUESTION_ID.test(heading) || next?.type !== 'paragraph') return null;
	const bold = next.children.find((child) => child.type === 'strong');
	const question = bold?.type === 'strong' ? textOf(bold.children) : firstLine(next.children);
	return question ? `${question} (${heading})` : null;
}

/** The text of a paragraph up to its first line break, so that a title is one line. */
function firstLine(children: PhrasingContent[]): string {
	const line: PhrasingContent[] = [];
	for (const child of children) {
		if (child.type === 'break') break;
		if (child.type === 'text' && child.value.includes('\n')) {
			line.push({ type: 'text', value: child.value.slice(0, child.value.indexOf('\n')) });
			break;
		}
		line.push(child);
	}
	return textOf(line);
}

/** The table a directive comment belongs to: the next node, or the one after a bold label. */
function directiveTarget(siblings: RootContent[], index: number): Table | null {
	const next = siblings[index + 1];
	if (next?.type === 'table') return next;
	const after = siblings[index + 2];
	if (next?.type === 'paragraph' && boldLabel(next) && after?.type === 'table') return after;
	return null;
}

/** `**가이드라인:**` alone on the line above a table names it. */
function boldLabel(paragraph: Paragraph): string | null {
	const [only, ...rest] = paragraph.children;
	const trailing = rest.length === 1 && rest[0].type === 'text' && /^\s*:?\s*$/.test(rest[0].value);
	if (only?.type !== 'strong' || (rest.length && !trailing)) return null;
	const text = textOf(only.children).replace(/\s*:\s*$/, '');
	return text || null;
}

function collectHeadings(root: Root): Heading[] {
	const found: Heading[] = [];
	const visit = (children: RootContent[]) => {
		for (const node of children) {
			if (node.type === 'heading') found.push(node);
			else if ('children' in node && node.type !== 'paragraph') visit(node.children as RootContent[]);
		}
	};
	visit(root.children);
	return found;
}

function collectDefinitions(root: Root): Definitions {
	const found = new Map<string, { url: string; title?: string | null }>();
	const visit = (children: RootContent[]) => {
		for (const node of children) {
			// The first definition of a label wins, as in CommonMark.
			if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node);
			else if ('children' in node && node.type !== 'paragraph') visit(node.children as RootContent[]);
		}
	};
	visit(root.children);
	return found;
}

function textOf(children: PhrasingContent[]): string {
	return renderCell({ type: 'tableCell', children }).text;
}

function at(node: { position?: { start: { line: number; column: number } } }) {
	return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
