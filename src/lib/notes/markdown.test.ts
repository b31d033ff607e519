import { describe, expect, it } from 'vitest';
import type { Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { parseMarkdown } from './markdown';

/** A block as `type@line:col`, with its children: the shape the tree-to-cards code reads. */
function shape(node: RootContent | Root): unknown {
	const at = node.position ? `@${node.position.start.line}:${node.position.start.column}` : '';
	const name = `${node.type}${at}`;
	if (node.type === 'table' || node.type === 'paragraph' || node.type === 'heading') return name;
	return 'children' in node ? { [name]: (node.children as RootContent[]).map(shape) } : name;
}

const blocks = (markdown: string) => (shape(parseMarkdown(markdown)) as { [root: string]: unknown[] })['root@1:1'];
const tables = (markdown: string) => {
	const found: Table[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'table') found.push(node);
		else if ('children' in node) (node.children as Nodes[]).forEach(visit);
	};
	visit(parseMarkdown(markdown));
	return found;
};
/** Each row's cells, each cell's inline nodes as `type:value`. */
const cells = (table: Table) =>
	table.children.map((row) =>
		row.children.map((cell) => cell.children.map((n: PhrasingContent) => `${n.type}:${'value' in n ? n.value : JSON.stringify(n)}`))
	);
const firstParagraph = (markdown: string) => (parseMarkdown(markdown).children[0] as { children: PhrasingContent[] }).children;

describe('parseMarkdown: blocks where Lezer and micromark read GFM differently', () => {
	it('reads a footnote definition as a container, with tables indented under it, and lets it interrupt a paragraph', () => {
		const markdown = 'Text[^1].\n[^1]: note\n\n    | a | b |\n    |---|---|\n    | c | d |\n';
		expect(blocks(markdown)).toEqual(['paragraph@1:1', { 'footnoteDefinition@2:1': ['paragraph@2:7', 'table@4:5'] }]);
	});

	it('starts no table on a lazy line: an unindented table under a list item continues its paragraph', () => {
		expect(blocks('3. **Label:**\n| a | b |\n|---|---|\n| c | d |')).toEqual([{ 'list@1:1': [{ 'listItem@1:1': ['paragraph@1:4'] }] }]);
	});

	it('ends a quoted table at a lazy line, which starts no table of its own', () => {
		const markdown = '> | a | b |\n> |---|---|\n| x | y |\n|---|---|\n| 1 | 2 |';
		expect(blocks(markdown)).toEqual([{ 'blockquote@1:1': ['table@1:3'] }, 'paragraph@3:1']);
		expect(tables(markdown)[0].children).toHaveLength(1);
	});

	it('takes `===` under a table as a row, while `---`, a list item, HTML and indented code end it', () => {
		expect(cells(tables('| a | b |\n|---|---|\n===')[0])).toEqual([[['text:a'], ['text:b']], [['text:===']]]);
		expect(blocks('| a | b |\n|---|---|\n---')).toEqual(['table@1:1', 'thematicBreak@3:1']);
		expect(blocks('| a | b |\n|---|---|\n2. x')).toEqual(['table@1:1', { 'list@3:1': [{ 'listItem@3:1': ['paragraph@3:4'] }] }]);
		expect(blocks('| a | b |\n|---|---|\n<br/>')).toEqual(['table@1:1', 'html@3:1']);
		expect(blocks('| a | b |\n|---|---|\n    code')).toEqual(['table@1:1', 'code@3:5']);
	});

	it('lets a table interrupt a paragraph, also one whose first line has a pipe', () => {
		expect(blocks('a | b\n| x | y |\n|---|---|')).toEqual(['paragraph@1:1', 'table@2:1']);
	});

	it('ends an HTML block at a line blank inside its blockquote, and starts one at a lone `<br/>`', () => {
		const quoted = parseMarkdown('> <div>\n>\n> | a | b |\n> |---|---|').children[0] as { children: RootContent[] };
		expect(quoted.children.map((n) => (n.type === 'html' ? `html:${n.value}` : n.type))).toEqual(['html:<div>', 'table']);
		expect(blocks('<br/>\n| a | b |\n|---|---|')).toEqual(['html@1:1']);
	});

	it('keeps every line and column under Windows and old Mac line endings', () => {
		for (const eol of ['\r\n', '\r']) {
			const [table] = tables(['# T', '', '  | a | b |', '  |---|---|', '  | c | d |', ''].join(eol));
			expect([table.position?.start, table.children[1].position?.start].map((p) => `${p?.line}:${p?.column}`)).toEqual(['3:3', '5:3']);
		}
	});
});

describe('parseMarkdown: cells', () => {
	it('counts empty cells from the pipes; a short row has the cells it writes', () => {
		expect(cells(tables('| | b |\n|---|---|\n| c | |\n| d |')[0])).toEqual([[[], ['text:b']], [['text:c'], []], [['text:d']]]);
	});

	it('decodes escapes and known character references, and keeps unknown ones as written', () => {
		expect(cells(tables('| &amp; &bogus; &#0; \\| \\* |\n|---|')[0])[0]).toEqual([['text:& &bogus; \uFFFD | *']]);
	});

	it('reads `\\|` in code in a table as a pipe, as GFM does, and elsewhere as written', () => {
		expect(cells(tables('| `a\\|b` |\n|---|')[0])[0]).toEqual([['inlineCode:a|b']]);
		expect(firstParagraph('`a\\|b`')).toEqual([{ type: 'inlineCode', value: 'a\\|b' }]);
	});

	it('strikes through one or two tildes closed by as many, and leaves longer runs as text', () => {
		const nodes = firstParagraph('~a~ ~~b~~ ~~~c~~~ ~d~~');
		expect(nodes.map((n) => n.type)).toEqual(['delete', 'text', 'delete', 'text']);
		expect(nodes[3]).toEqual({ type: 'text', value: ' ~~~c~~~ ~d~~' });
	});
});

describe('parseMarkdown: references', () => {
	const defined = '\n\n[r]: http://r.example "R"\n[^1]: a footnote';

	it('links a reference only to a defined label, and reads an undefined one as text', () => {
		expect(firstParagraph(`[x][r] [r] [^1] [y] [^2]${defined}`).map((n) => n.type)).toEqual([
			'linkReference',
			'text',
			'linkReference',
			'text',
			'footnoteReference',
			'text'
		]);
	});

	it('starts again at `[b]` after an undefined `[a]`, so `[a][b](url)` is text and a link', () => {
		expect(firstParagraph('[a][b](http://u.example) c')).toEqual([
			{ type: 'text', value: '[a]' },
			{ type: 'link', url: 'http://u.example', title: null, children: [{ type: 'text', value: 'b' }] },
			{ type: 'text', value: ' c' }
		]);
	});
});
