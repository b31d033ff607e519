import type { PhrasingContent } from 'mdast';
import type { SyntaxNode } from '@lezer/common';
import { characterEntities } from 'character-entities';
import { markdownParser } from './markdown-syntax';

/** Reads a block's inline syntax (Lezer nodes, and the text between them) as mdast phrasing content. */
export interface InlineReader {
	/** `paragraph`: text may span lines (indentation and `>` of later lines are not content). */
	read(node: SyntaxNode | null, from: number, to: number, paragraph: boolean): PhrasingContent[];
	/** A link destination as written (`<…>`, escapes, entities) → its URL. */
	destination(raw: string): string;
	/** Backslash escapes and character references → the characters they stand for. */
	decode(raw: string): string;
}

/** A reference's label as CommonMark matches it: whitespace collapsed, case folded. */
export function normalizeLabel(label: string): string {
	return label
		.replace(/[\t\n\r ]+/g, ' ')
		.replace(/^ | $/g, '')
		.toLowerCase()
		.toUpperCase()
		.toLowerCase();
}

const ESCAPE = /\\([!-/:-@[-`{-~])|&(#[xX][\da-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z\d]{0,31});/g;

export function decode(raw: string): string {
	return raw.replace(ESCAPE, (whole, escaped?: string, reference?: string) => escaped ?? characterReference(reference!) ?? whole);
}

/** `&amp;`, `&#35;`, `&#x23;` → the character; an unknown name stays as written (CommonMark). */
function characterReference(reference: string): string | null {
	if (reference[0] !== '#') return Object.hasOwn(characterEntities, reference) ? characterEntities[reference] : null;
	const code = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
	// micromark's rules: controls, surrogates, non-characters and out-of-range codes become U+FFFD.
	const bad =
		code < 9 ||
		code === 11 ||
		(code > 13 && code < 32) ||
		(code > 126 && code < 160) ||
		(code > 55295 && code < 57344) ||
		(code > 64975 && code < 65008) ||
		(code & 65535) === 65535 ||
		(code & 65535) === 65534 ||
		code > 1114111;
	return bad ? '\uFFFD' : String.fromCodePoint(code);
}

const WRAPPERS: Record<string, 'emphasis' | 'strong' | 'delete'> = {
	Emphasis: 'emphasis',
	StrongEmphasis: 'strong',
	Strikethrough: 'delete'
};
const HTML = new Set(['HTMLTag', 'Comment', 'ProcessingInstruction']);

export function inlineReader(text: string, labels: { links: Set<string>; footnotes: Set<string> }): InlineReader {
	const read = (node: SyntaxNode | null, from: number, to: number, paragraph: boolean, inTable = !paragraph): PhrasingContent[] => {
		const out: PhrasingContent[] = [];
		const pushText = (value: string) => {
			if (!value) return;
			const last = out[out.length - 1];
			if (last?.type === 'text') last.value += value;
			else out.push({ type: 'text', value });
		};
		let at = from;
		for (let child = node?.firstChild ?? null; child; child = child.nextSibling) {
			if (child.to <= from || child.from >= to) continue;
			pushText(text.slice(at, child.from));
			at = child.to;
			const name = child.name;
			const wrapper = WRAPPERS[name];
			if (wrapper) {
				const marks = [child.firstChild!, child.lastChild!];
				out.push({ type: wrapper, children: read(child, marks[0].to, marks[1].from, paragraph, inTable) } as PhrasingContent);
			} else if (name === 'InlineCode') out.push({ type: 'inlineCode', value: codeValue(child, inTable) });
			else if (name === 'Escape') pushText(text.slice(child.from + 1, child.to));
			else if (name === 'Entity') pushText(decode(text.slice(child.from, child.to)));
			else if (name === 'HardBreak') out.push({ type: 'break' });
			else if (HTML.has(name)) out.push({ type: 'html', value: text.slice(child.from, child.to) });
			else if (name === 'Link' || name === 'Image') {
				const made = link(child, paragraph, inTable);
				const parts = made.reread === null ? made.nodes : [...made.nodes, ...reread(made.reread, to, paragraph)];
				for (const part of parts) {
					if (part.type === 'text') pushText(part.value);
					else out.push(part);
				}
				if (made.reread !== null) {
					at = to;
					break;
				}
			} else if (name === 'Autolink') {
				const url = text.slice(child.from + 1, child.to - 1);
				out.push({ type: 'link', url: url.includes(':') ? url : `mailto:${url}`, title: null, children: [{ type: 'text', value: url }] });
			} else if (name === 'TableCell') out.push(...read(child, child.from, child.to, paragraph, inTable));
			else if (name !== 'QuoteMark') pushText(text.slice(child.from, child.to));
		}
		pushText(text.slice(at, to));
		if (paragraph) {
			// A soft line break keeps its newline; the indentation and trailing spaces around it are not text.
			for (const node of out) if (node.type === 'text') node.value = node.value.replace(/[ \t]*\r?\n[ \t]*/g, '\n');
			const last = out[out.length - 1];
			if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
		}
		return out.filter((node) => node.type !== 'text' || node.value !== '');
	};

	const codeValue = (node: SyntaxNode, inTable: boolean): string => {
		let value = text.slice(node.firstChild!.to, node.lastChild!.from).replace(/\r?\n|\r/g, ' ');
		if (/^ [^]*[^ ][^]* $/.test(value)) value = value.slice(1, -1);
		// GFM escapes a pipe in a table cell before anything else, so `a\|b` in code reads `a|b` there.
		return inTable ? value.replace(/\\\|/g, '|') : value;
	};

	/**
	 * `[a][b](url)` with no `b` defined: Lezer took `[a][b]` for one reference, while CommonMark
	 * reads `[a]` as text and starts again at `[b]`. The rest of the run is parsed again on its own.
	 */
	const reread = (from: number, to: number, paragraph: boolean): PhrasingContent[] => {
		// One line, so that no later line reads as a block of its own; U+2028 stands in for each line end.
		const again = `x${text.slice(from, to).replace(/\n/g, '\u2028')}`;
		const block = markdownParser.parse(again).topNode.firstChild;
		if (block?.name !== 'Paragraph') return [{ type: 'text', value: text.slice(from, to) }];
		return restoreLineEnds(inlineReader(again, labels).read(block, 1, again.length, paragraph));
	};

	/** A link or image; a reference to a label the note does not define is the text as written. */
	const link = (node: SyntaxNode, paragraph: boolean, inTable: boolean): { nodes: PhrasingContent[]; reread: number | null } => {
		const made = (nodes: PhrasingContent[], reread: number | null = null) => ({ nodes, reread });
		const image = node.name === 'Image';
		const open = node.firstChild!;
		let close: SyntaxNode | null = open.nextSibling;
		while (close && !(close.name === 'LinkMark' && text[close.from] === ']')) close = close.nextSibling;
		if (!close) return made([{ type: 'text', value: text.slice(node.from, node.to) }]);
		const children = read(node, open.to, close.from, paragraph, inTable);
		const after = close.nextSibling;
		if (after?.name === 'LinkMark' && text[after.from] === '(') {
			const url = node.getChild('URL');
			const title = node.getChild('LinkTitle');
			const target = {
				url: url ? destination(text.slice(url.from, url.to)) : '',
				title: title ? decode(text.slice(title.from + 1, title.to - 1)) : null
			};
			return made([image ? { type: 'image', ...target, alt: plain(children) } : { type: 'link', ...target, children }]);
		}
		const labelNode = after?.name === 'LinkLabel' ? after : null;
		const written = labelNode ? text.slice(labelNode.from + 1, labelNode.to - 1) : '';
		const label = written || text.slice(open.to, close.from);
		const referenceType = labelNode ? (written ? 'full' : 'collapsed') : 'shortcut';
		if (!image && !labelNode && label.startsWith('^') && labels.footnotes.has(normalizeLabel(label.slice(1))))
			return made([{ type: 'footnoteReference', identifier: normalizeLabel(label.slice(1)), label: label.slice(1) }]);
		const identifier = normalizeLabel(label);
		if (!labels.links.has(identifier) || label.startsWith('^')) {
			const literal: PhrasingContent[] = [
				{ type: 'text', value: text.slice(node.from, open.to) },
				...children,
				{ type: 'text', value: ']' }
			];
			return labelNode ? made(merge(literal), labelNode.from) : made(merge(literal));
		}
		return made([
			image
				? { type: 'imageReference', identifier, label, referenceType, alt: plain(children) }
				: { type: 'linkReference', identifier, label, referenceType, children }
		]);
	};

	const destination = (raw: string) => decode(raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw);
	return { read: (node, from, to, paragraph) => read(node, from, to, paragraph), destination, decode };
}

function restoreLineEnds(nodes: PhrasingContent[]): PhrasingContent[] {
	return nodes.map((node) => {
		if (node.type === 'text' || node.type === 'html') return { ...node, value: node.value.replaceAll('\u2028', '\n') };
		if (node.type === 'inlineCode') return { ...node, value: node.value.replaceAll('\u2028', ' ') };
		return 'children' in node ? ({ ...node, children: restoreLineEnds(node.children as PhrasingContent[]) } as PhrasingContent) : node;
	});
}

function merge(nodes: PhrasingContent[]): PhrasingContent[] {
	const out: PhrasingContent[] = [];
	for (const node of nodes) {
		const last = out[out.length - 1];
		if (node.type === 'text' && last?.type === 'text') last.value += node.value;
		else if (node.type !== 'text' || node.value) out.push(node);
	}
	return out;
}

/** An image's alt: what its description says, without markup. */
function plain(nodes: PhrasingContent[]): string {
	return nodes
		.map((node) => ('value' in node ? node.value : 'alt' in node ? (node.alt ?? '') : 'children' in node ? plain(node.children) : ''))
		.join('');
}
