import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { renderCell, type CellContent, type Definitions } from './cell';
import { isDirectiveComment, misspeltDirective, parseDirectives, type Directives } from './directives';
import type { Problem } from './types';

export interface Section {
	depth: number;
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
				const title = textOf(node.children) || `#${node.depth}`;
				const path = `${stack.at(-1)?.key ?? ''}\u001f${title}`;
				const seen = (keys.get(path) ?? 0) + 1;
				keys.set(path, seen);
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
		directives,
		header: head.children.map((cell) => renderCell(cell, definitions)),
		rows: body.map((row) => ({
			...at(row),
			// Ragged rows: missing cells are empty, extra cells are dropped (as GitHub renders them).
			cells: Array.from({ length: width }, (_, i) => renderCell(row.children[i], definitions))
		}))
	};
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
