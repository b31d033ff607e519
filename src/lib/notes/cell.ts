import type { PhrasingContent, TableCell } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

export interface CellContent {
	/** Safe HTML: only what the sanitiser's GitHub schema allows. */
	html: string;
	/** What the cell says, without markup: for matching, ids and quizzes. */
	text: string;
}

const BR = /^<br\s*\/?>$/i;

/**
 * Renders a cell's inline markdown. Raw HTML in a cell is never trusted: `<br>` becomes a
 * line break and every other tag is kept as visible text, so `<script>` shows as written.
 */
export function renderCell(cell: TableCell | undefined): CellContent {
	const children = cell?.children ?? [];
	const text = plainText(children).replace(/\s+/g, ' ').trim();
	if (children.every((node) => node.type === 'text')) return { html: escapeHtml(text), text };
	const paragraph = toHast({ type: 'paragraph', children: children.map(untrustHtml) }) as Element;
	const root: HastRoot = { type: 'root', children: paragraph.children };
	const html = toHtml(sanitize(root), { characterReferences: { useNamedReferences: false } });
	// to-hast puts a newline after each <br>; cards are laid out by CSS, not by source newlines.
	return { html: html.replaceAll('<br>\n', '<br>').trim(), text };
}

function untrustHtml(node: PhrasingContent): PhrasingContent {
	if (node.type === 'html') {
		return BR.test(node.value) ? { type: 'break' } : { type: 'text', value: node.value };
	}
	if ('children' in node) {
		return { ...node, children: node.children.map(untrustHtml) } as PhrasingContent;
	}
	return node;
}

function plainText(nodes: PhrasingContent[]): string {
	let out = '';
	for (const node of nodes) {
		if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
		else if (node.type === 'html') out += BR.test(node.value) ? ' ' : node.value;
		else if (node.type === 'break') out += ' ';
		else if (node.type === 'image') out += node.alt ?? '';
		else if ('children' in node) out += plainText(node.children as PhrasingContent[]);
	}
	return out;
}

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
