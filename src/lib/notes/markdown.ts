import type { Nodes, Root, RootContent } from 'mdast';
import type { SyntaxNode } from '@lezer/common';
import { inlineReader, normalizeLabel, type InlineReader } from './markdown-inline';
import { markdownParser } from './markdown-syntax';

/**
 * The parse stage: markdown → the subset of an mdast tree that the rest of src/lib/notes reads
 * (headings, paragraphs, tables with cells, lists, blockquotes, html, definitions, footnote
 * definitions, with 1-based line:column positions). @lezer/markdown does the parsing (issue
 * #17: 45–135× micromark's speed, a twentieth of its trees' memory); this file only maps its
 * tree, so the tree-to-cards code does not know which parser ran. CommonMark plus GFM tables,
 * strikethrough and footnotes, as before; not GFM's literal autolinks (a bare URL in a cell
 * shows as text).
 */
export function parseMarkdown(source: string): Root {
	// Lezer splits lines at `\n` only. Every line ending becomes one, which keeps every line and
	// column where it was: a `\r` only ever ends a line.
	const text = source.replace(/\r\n?/g, '\n');
	const tree = markdownParser.parse(text);
	const lines = lineStarts(text);
	const point = (offset: number) => {
		let lo = 0;
		let hi = lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lines[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - lines[lo] + 1, offset };
	};
	const position = (from: number, to: number) => ({ start: point(from), end: point(to) });
	const defs = collectLabels(tree.topNode, text);
	const inline = inlineReader(text, defs);

	const blocks = (parent: SyntaxNode): RootContent[] => {
		const out: RootContent[] = [];
		for (let child = parent.firstChild; child; child = child.nextSibling) {
			const node = block(child, inline, text, blocks);
			if (node) {
				(node as Nodes).position = position(child.from, child.to);
				if (node.type === 'table') {
					const rows = rowNodes(child);
					node.children.forEach((row, i) => (row.position = position(rows[i].from, rows[i].to)));
				}
				out.push(node);
			}
		}
		return out;
	};
	return { type: 'root', children: blocks(tree.topNode), position: position(0, text.length) };
}

const HEADING = /^(?:ATX|Setext)Heading(\d)$/;
const CONTAINER_MARKS = new Set(['QuoteMark', 'ListMark', 'FootnoteLabel']);
const CONTAINERS = new Set(['Blockquote', 'BulletList', 'OrderedList', 'ListItem', 'FootnoteDefinition']);

/** `[^label]:` → `label`. */
function footnoteLabel(node: SyntaxNode, text: string): string {
	const mark = node.getChild('FootnoteLabel');
	return mark ? text.slice(mark.from + 2, mark.to - 2) : '';
}

function block(node: SyntaxNode, inline: InlineReader, text: string, blocks: (parent: SyntaxNode) => RootContent[]): RootContent | null {
	const name = node.name;
	const heading = HEADING.exec(name);
	if (heading) {
		const marks = node.getChildren('HeaderMark');
		const setext = name.startsWith('Setext');
		const from = setext ? node.from : (marks[0]?.to ?? node.from);
		const to = setext ? (marks[0]?.from ?? node.to) : marks.length > 1 ? marks[marks.length - 1].from : node.to;
		return { type: 'heading', depth: Number(heading[1]) as 1, children: inline.read(node, from, to, true) };
	}
	switch (name) {
		case 'Paragraph':
			return { type: 'paragraph', children: inline.read(node, node.from, node.to, true) };
		case 'FootnoteDefinition':
			return { type: 'footnoteDefinition', identifier: normalizeLabel(footnoteLabel(node, text)), children: blocks(node) as never };
		case 'Table': {
			const rows = rowNodes(node);
			return {
				type: 'table',
				children: rows.map((row) => ({
					type: 'tableRow',
					children: cellRanges(row).map(([from, to]) => ({ type: 'tableCell', children: inline.read(row, from, to, false) }))
				}))
			};
		}
		case 'BulletList':
		case 'OrderedList':
			return { type: 'list', ordered: name === 'OrderedList', children: blocks(node) as never };
		case 'ListItem':
			return { type: 'listItem', children: blocks(node) as never };
		case 'Blockquote':
			return { type: 'blockquote', children: blocks(node) as never };
		case 'HTMLBlock':
		case 'CommentBlock':
		case 'ProcessingInstructionBlock':
			return { type: 'html', value: withoutContainerMarks(node, text) };
		case 'LinkReference': {
			const label = node.getChild('LinkLabel');
			const raw = label ? text.slice(label.from + 1, label.to - 1) : '';
			const url = node.getChild('URL');
			const title = node.getChild('LinkTitle');
			return {
				type: 'definition',
				identifier: normalizeLabel(raw),
				label: raw,
				url: url ? inline.destination(text.slice(url.from, url.to)) : '',
				title: title ? inline.decode(text.slice(title.from + 1, title.to - 1)) : null
			};
		}
		case 'FencedCode':
		case 'CodeBlock':
			return { type: 'code', value: '' };
		default:
			// Container marks are not content; any other block (a thematic break…) is kept as a
			// leaf, so that what stands right above a table is still seen as not a label.
			return CONTAINER_MARKS.has(name) ? null : { type: 'thematicBreak' };
	}
}

/** The header row and the body rows; the delimiter row is no row. */
function rowNodes(table: SyntaxNode): SyntaxNode[] {
	const rows: SyntaxNode[] = [];
	for (let child = table.firstChild; child; child = child.nextSibling)
		if (child.name === 'TableHeader' || child.name === 'TableRow') rows.push(child);
	return rows;
}

/** Each cell's content range. Lezer gives no node to an empty cell, so cells are counted from the pipes. */
function cellRanges(row: SyntaxNode): [number, number][] {
	const cells: [number, number][] = [];
	let started = false;
	let filled = false;
	for (let child = row.firstChild; child; child = child.nextSibling) {
		if (child.name === 'TableCell') {
			cells.push([child.from, child.to]);
			filled = true;
		} else if (child.name === 'TableDelimiter') {
			if (started && !filled) cells.push([child.from, child.from]);
			started = true;
			filled = false;
		}
	}
	return cells;
}

/** An HTML block's text as written, without the `>` of a blockquote it stands in. */
function withoutContainerMarks(node: SyntaxNode, text: string): string {
	let value = '';
	let at = node.from;
	for (let child = node.firstChild; child; child = child.nextSibling) {
		if (child.name !== 'QuoteMark') continue;
		value += text.slice(at, child.from).replace(/[ \t]+$/, '');
		at = text[child.to] === ' ' ? child.to + 1 : child.to;
	}
	return (value + text.slice(at, node.to)).replace(/\s+$/, '');
}

/** Link definitions and footnote definitions: a `[label]` is a reference only when its label is defined. */
function collectLabels(root: SyntaxNode, text: string): { links: Set<string>; footnotes: Set<string> } {
	const links = new Set<string>();
	const footnotes = new Set<string>();
	const visit = (parent: SyntaxNode) => {
		for (let child = parent.firstChild; child; child = child.nextSibling) {
			if (child.name === 'LinkReference') {
				const label = child.getChild('LinkLabel');
				links.add(normalizeLabel(label ? text.slice(label.from + 1, label.to - 1) : ''));
			} else if (child.name === 'FootnoteDefinition') footnotes.add(normalizeLabel(footnoteLabel(child, text)));
			if (CONTAINERS.has(child.name)) visit(child);
		}
	};
	visit(root);
	return { links, footnotes };
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}
