import {
	parser,
	Table,
	type BlockContext,
	type BlockParser,
	type Element,
	type LeafBlock,
	type LeafBlockParser,
	type Line,
	type MarkdownConfig
} from '@lezer/markdown';

/**
 * @lezer/markdown set up to read notes as micromark (the parser before it, issue #17) and mostly
 * GitHub do: CommonMark, GFM tables and strikethrough, and GFM footnote definitions, which Lezer
 * does not have. Each departure from Lezer's own extensions says what it matches.
 */
export const markdownParser = parser.configure([
	strictTable(Table as MarkdownConfig),
	tildes(),
	footnoteDefinitions(),
	{ parseBlock: [{ name: 'HTMLBlock', parse: htmlBlock }] }
]);

/** A line's depth: how many open containers (list items, quotes) it continues. Not in Lezer's types. */
const depthOf = (line: Line) => (line as unknown as { depth: number }).depth;

/** Lezer's table parser's state: null before the delimiter row, false for no table, else the rows. */
type TableState = LeafBlockParser & { rows: unknown[] | false | null };

/** Lines where, as in micromark, no table may start: a lazy line that ended a table in a container. */
const noTableAt = new WeakMap<BlockContext, Set<number>>();

const DELIMITER_ROW = /^[>\s]*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?$/;
// Block starts that end a table's rows in micromark, past those that may interrupt a paragraph.
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Lezer's GFM table, with micromark's rules where the two differ:
 * - a lazy line (one that does not continue the list item or blockquote the table is in) never
 *   starts a table or a delimiter row: `3. **Label:**` then an unindented `| a | b |` continues
 *   the item's paragraph, as on GitHub; and it ends a table rather than adding a row to it;
 * - once a table is made, `===` under it is a row (not a setext underline), while any other
 *   block's start (a list item, `---`, HTML, indented code) ends it;
 * - a table may interrupt a paragraph whose own first line had a pipe.
 */
function strictTable(table: MarkdownConfig): MarkdownConfig {
	const [spec] = table.parseBlock as BlockParser[];
	const stateOf = (leaf: LeafBlock) => leaf.parsers.find((p) => 'rows' in p) as TableState | undefined;
	const endLeaf = (cx: BlockContext, line: Line, leaf: LeafBlock) => {
		const state = stateOf(leaf);
		if (depthOf(line) < cx.depth) {
			if (state?.rows === null) state.rows = false;
			if (!state?.rows) return false;
			if (!noTableAt.has(cx)) noTableAt.set(cx, new Set());
			noTableAt.get(cx)!.add(cx.lineStart + line.pos);
			return true;
		}
		const notTable = state?.rows === false || (state?.rows === null && !DELIMITER_ROW.test(line.text.slice(line.pos)));
		return spec.endLeaf!(cx, line, notTable ? ({ ...leaf, parsers: [] } as unknown as LeafBlock) : leaf);
	};
	const leaf = (cx: BlockContext, block: LeafBlock): LeafBlockParser | null => {
		const inner = noTableAt.get(cx)?.has(block.start) ? null : (spec.leaf!(cx, block) as TableState | null);
		if (!inner) return null;
		const nextLine = inner.nextLine.bind(inner);
		inner.nextLine = (cx, line, leaf) => {
			if (Array.isArray(inner.rows) && endsRows(line)) return inner.finish(cx, leaf);
			const wasTable = Array.isArray(inner.rows);
			const result = nextLine(cx, line, leaf);
			// A table now: no other reading of these lines (a setext heading) may take them.
			if (!wasTable && Array.isArray(inner.rows)) leaf.parsers.splice(0, leaf.parsers.length, inner);
			return result;
		};
		return inner;
	};
	return { ...table, parseBlock: [{ ...spec, leaf, endLeaf }] };
}

function endsRows(line: Line): boolean {
	if (line.indent - line.baseIndent >= 4) return true;
	const rest = line.text.slice(line.pos);
	return THEMATIC_BREAK.test(rest) || LIST_ITEM.test(rest) || HTML_BLOCKS.some(([start]) => start.test(rest));
}

// CommonMark's seven kinds of HTML block: how each starts, and the line that ends it.
const BLANK = /^[ \t]*$/;
const HTML_BLOCKS: [RegExp, RegExp, string][] = [
	[/^<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i, 'HTMLBlock'],
	[/^\s*<!--/, /-->/, 'CommentBlock'],
	[/^\s*<\?/, /\?>/, 'ProcessingInstructionBlock'],
	[/^\s*<![A-Z]/, />/, 'HTMLBlock'],
	[/^\s*<!\[CDATA\[/, /\]\]>/, 'HTMLBlock'],
	[
		/^\s*<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$)/i,
		BLANK,
		'HTMLBlock'
	],
	[
		/^\s*(?:<\/[a-z][\w-]*\s*>|<[a-z][\w-]*(\s+[a-z:_][\w-.]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>)\s*$/i,
		BLANK,
		'HTMLBlock'
	]
];

/**
 * Lezer's HTML block, but a line blank after its container's marks (`>` alone in a blockquote)
 * ends a block that ends at a blank line, as CommonMark says (Lezer looked at the whole line),
 * and a self-closing tag alone on its line (`<br/>`) starts one (Lezer wanted `>` right after).
 */
function htmlBlock(cx: BlockContext, line: Line): boolean {
	if (line.next !== 60) return false;
	const rest = line.text.slice(line.pos);
	const kind = HTML_BLOCKS.find(([start]) => start.test(rest));
	if (!kind) return false;
	const [, end, type] = kind;
	const from = cx.lineStart + line.pos;
	const marks: Element[] = [];
	let trailing = end !== BLANK;
	while (!(end === BLANK ? line.next < 0 : end.test(line.text)) && cx.nextLine()) {
		if (depthOf(line) < cx.depth) {
			trailing = false;
			break;
		}
		marks.push(...line.markers);
	}
	if (trailing) cx.nextLine();
	cx.addElement(cx.elt(type, from, cx.prevLineEnd(), marks));
	return true;
}

const PUNCTUATION = /[\p{S}\p{P}]/u;

/**
 * GFM strikethrough as micromark reads it: `~one~` or `~~two~~` tildes, closed by a run of the
 * same length; a run of three or more is text. (Lezer's own took `~~` out of longer runs and
 * had no single tilde.)
 */
function tildes(): MarkdownConfig {
	const delimiters = [1, 2].map(() => ({ resolve: 'Strikethrough', mark: 'StrikethroughMark' }));
	return {
		defineNodes: [{ name: 'Strikethrough' }, { name: 'StrikethroughMark' }],
		parseInline: [
			{
				name: 'Strikethrough',
				parse(cx, next, pos) {
					if (next !== 126 || cx.char(pos - 1) === 126) return -1;
					let end = pos + 1;
					while (cx.char(end) === 126) end++;
					if (end - pos > 2) return end;
					const before = cx.slice(pos - 1, pos);
					const after = cx.slice(end, end + 1);
					const [sBefore, sAfter] = [/\s|^$/.test(before), /\s|^$/.test(after)];
					const [pBefore, pAfter] = [PUNCTUATION.test(before), PUNCTUATION.test(after)];
					const canOpen = !sAfter && (!pAfter || sBefore || pBefore);
					const canClose = !sBefore && (!pBefore || sAfter || pAfter);
					return cx.addDelimiter(delimiters[end - pos - 1], pos, end, canOpen, canClose);
				},
				after: 'Emphasis'
			}
		]
	};
}

// `[^label]:` — no space or `[` in the label (micromark-extension-gfm-footnote's rule), `\]` allowed.
const FOOTNOTE_START = /^\[\^((?:[^\s[\]\\]|\\[^\s])+)\]:[ \t]*/;

function footnoteStart(cx: BlockContext, line: Line): RegExpExecArray | null {
	if (line.indent - line.baseIndent >= 4) return null;
	return FOOTNOTE_START.exec(line.text.slice(line.pos));
}

/**
 * `[^1]: text` and the lines indented four spaces under it (more paragraphs, a table…), as a
 * container: a `FootnoteDefinition` holding a `FootnoteLabel` and its blocks. Like micromark's,
 * a definition may interrupt a paragraph.
 */
function footnoteDefinitions(): MarkdownConfig {
	return {
		defineNodes: [{ name: 'FootnoteDefinition', block: true, composite: (_cx, line) => continues(line) }, { name: 'FootnoteLabel' }],
		parseBlock: [
			{
				name: 'FootnoteDefinition',
				parse(cx, line) {
					const start = footnoteStart(cx, line);
					if (!start) return false;
					const from = cx.lineStart + line.pos;
					cx.startComposite('FootnoteDefinition', line.pos, 4);
					cx.addElement(cx.elt('FootnoteLabel', from, from + start[0].replace(/[ \t]+$/, '').length));
					line.moveBase(line.pos + start[0].length);
					return null;
				},
				endLeaf: (cx, line) => footnoteStart(cx, line) !== null,
				before: 'Blockquote'
			}
		]
	};
}

/** A blank line stays in the definition; a line indented four columns past it continues it. */
function continues(line: Line): boolean {
	if (line.next < 0) return true;
	if (line.indent < line.baseIndent + 4) return false;
	line.moveBaseColumn(line.baseIndent + 4);
	return true;
}
