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
	/** The whole cell is an Obsidian link to another note (`[[CS기초/os|운영체제]]`). */
	toNote?: boolean;
}

// `</br>` too: browsers, and so GitHub, render it as a line break.
const BR = /^<\/?br\s*\/?>$/i;

/** The note's `[label]: url` lines by their normalised label, for `[text][label]` in a cell. */
export type Definitions = ReadonlyMap<string, { url: string; title?: string | null }>;

/**
 * Renders a cell's inline markdown. Raw HTML in a cell is never trusted: `<br>` becomes a
 * line break and every other tag is kept as visible text, so `<script>` shows as written.
 */
export function renderCell(cell: TableCell | undefined, definitions: Definitions = new Map()): CellContent {
	const rendered = renderChildren(cell?.children ?? [], definitions);
	// Obsidian's `[[notes/pl|Go]]` links point into the person's vault: the card shows their label.
	if (!rendered.text.includes('[[')) return rendered;
	const toNote = /^\[\[[^\]]+\]\]$/.test(rendered.text);
	return { html: unwiki(rendered.html), text: unwiki(rendered.text), ...(toNote && { toNote }) };
}

const WIKI_LINK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

function unwiki(text: string): string {
	return text.replace(WIKI_LINK, (_, target: string, label?: string) => label ?? target);
}

function renderChildren(children: PhrasingContent[], definitions: Definitions): CellContent {
	const text = plainText(children).replace(/\s+/g, ' ').trim();
	if (children.every((node) => node.type === 'text')) return { html: escapeHtml(text), text };
	const simple = simpleHtml(children);
	if (simple !== null) return { html: simple.trim(), text };
	const paragraph = toHast({ type: 'paragraph', children: untrust(children, definitions) }) as Element;
	const root: HastRoot = { type: 'root', children: paragraph.children };
	const html = toHtml(sanitize(root), { characterReferences: { useNamedReferences: false } });
	// to-hast puts a newline after each <br>; cards are laid out by CSS, not by source newlines.
	return { html: html.replaceAll('<br>\n', '<br>').trim(), text };
}

const TAGS: Partial<Record<PhrasingContent['type'], string>> = { strong: 'strong', emphasis: 'em', delete: 'del' };

/**
 * The HTML of cells made only of text, emphasis, code and line breaks, written directly: the
 * sanitiser's round trip costs more than parsing the cell, and these shapes are most cells.
 * Anything else (links, images) returns null and goes through the sanitiser.
 */
function simpleHtml(nodes: PhrasingContent[]): string | null {
	let out = '';
	const open: string[] = []; // <sup>, <sub>, <code>, <kbd> opened in this run of nodes and not closed yet
	for (const node of nodes) {
		const tag = TAGS[node.type];
		const script = node.type === 'html' ? INLINE_TAG.exec(node.value) : null;
		if (node.type === 'text') out += escapeHtml(node.value);
		else if (node.type === 'inlineCode') out += `<code>${escapeHtml(node.value)}</code>`;
		else if (node.type === 'break') out += '<br>';
		else if (script && !script[1]) {
			open.push(script[2].toLowerCase());
			out += `<${script[2].toLowerCase()}>`;
		} else if (script && open.at(-1) === script[2].toLowerCase()) out += `</${open.pop()}>`;
		else if (node.type === 'html') out += BR.test(node.value) ? '<br>' : escapeHtml(node.value);
		else if (tag && 'children' in node) {
			const inner = simpleHtml(node.children as PhrasingContent[]);
			if (inner === null) return null;
			out += `<${tag}>${inner}</${tag}>`;
		} else return null;
	}
	// A tag left open in the note is closed here, so the card's HTML stays well formed.
	while (open.length) out += `</${open.pop()}>`;
	return out;
}

// `k<sup>th</sup>`, `H<sub>2</sub>O`: superscript and subscript are shown as such.
const SCRIPT = /^<(\/?)(sup|sub)>$/i;
/**
 * The bare tags a cell's HTML keeps: SCRIPT's, and `<code>`/`<kbd>`, which a note writes where
 * backticks cannot go (`<code>a | b</code>` holds a pipe). The card's text keeps a code tag as
 * written: a row key's text names its cards' ids, and ids never change.
 */
const INLINE_TAG = /^<(\/?)(sup|sub|code|kbd)>$/i;

/**
 * A cell is rendered on its own, away from the note: references are resolved here, since
 * to-hast would print `[text][label]` for want of the note's definitions, and a footnote
 * mark is dropped, as its footnote is not on the card.
 */
function untrust(nodes: PhrasingContent[], definitions: Definitions): PhrasingContent[] {
	return nodes.flatMap((node): PhrasingContent[] => {
		if (node.type === 'html') return [BR.test(node.value) ? { type: 'break' } : { type: 'text', value: node.value }];
		if (node.type === 'footnoteReference') return [];
		if (node.type === 'linkReference') {
			const target = definitions.get(node.identifier);
			const children = untrust(node.children, definitions);
			return target ? [{ type: 'link', url: target.url, title: target.title, children }] : children;
		}
		if (node.type === 'imageReference') {
			const target = definitions.get(node.identifier);
			return target ? [{ type: 'image', url: target.url, title: target.title, alt: node.alt }] : [{ type: 'text', value: node.alt ?? '' }];
		}
		if ('children' in node) return [{ ...node, children: untrust(node.children as PhrasingContent[], definitions) } as PhrasingContent];
		return [node];
	});
}

function plainText(nodes: PhrasingContent[]): string {
	let out = '';
	for (const node of nodes) {
		if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
		else if (node.type === 'html')
			out += BR.test(node.value) ? ' ' : /^<sup>$/i.test(node.value) ? '^' : SCRIPT.test(node.value) ? '' : node.value;
		else if (node.type === 'break') out += ' ';
		else if (node.type === 'image' || node.type === 'imageReference') out += node.alt ?? '';
		else if ('children' in node) out += plainText(node.children as PhrasingContent[]);
	}
	return out;
}

/** Escapes text content (never attribute values) the way hast-util-to-html does. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
