import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { renderCell } from './cell';
import type { Table } from 'mdast';

/** What a browser shows for HTML made only of text and numeric character references. */
function decodeReferences(html: string): string {
	return html.replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

function firstBodyCell(markdown: string) {
	const table = parseMarkdown(markdown).children.find((n) => n.type === 'table') as Table;
	return renderCell(table.children[1].children[0]);
}

describe('renderCell', () => {
	it('keeps bold and code as HTML and drops them from the plain text', () => {
		const cell = firstBodyCell('| a |\n|---|\n| **L**oki `alpine` |\n');
		expect(cell.html).toBe('<strong>L</strong>oki <code>alpine</code>');
		expect(cell.text).toBe('Loki alpine');
	});

	// Issue #15: `Divide by 2<sup>k</sup>` showed its tags as text.
	it('shows <sup> and <sub> as such, closes one left open, and writes ^ for a superscript in the text', () => {
		const cell = firstBodyCell('| a |\n|---|\n| 2<sup>k</sup>, H<sub>2</sub>O, x<sup>n |\n');
		expect(cell.html).toBe('2<sup>k</sup>, H<sub>2</sub>O, x<sup>n</sup>');
		expect(cell.text).toBe('2^k, H2O, x^n');
	});

	// Issue #15 blind check: `<code>num \|= (1 << k)</code>` showed its tags as text on a card.
	it('shows <code> and <kbd> written as tags as code, keeping the text as written (a key text names ids)', () => {
		const cell = firstBodyCell('| a |\n|---|\n| <code>num \\|= (1 << k)</code> or <kbd>Ctrl</kbd>+<code>x |\n');
		expect(cell.html).toBe('<code>num |= (1 &#x3C;&#x3C; k)</code> or <kbd>Ctrl</kbd>+<code>x</code>');
		expect(cell.text).toBe('<code>num |= (1 << k)</code> or <kbd>Ctrl</kbd>+<code>x');
	});

	it('shows an Obsidian [[link|label]] by its label', () => {
		const cell = firstBodyCell('| a |\n|---|\n| [[CS기초/network\\|네트워크]], [[Go]] |\n');
		expect(cell).toEqual({ html: '네트워크, Go', text: '네트워크, Go' });
	});

	it('turns <br> into a line break and shows any other tag as text', () => {
		const cell = firstBodyCell('| a |\n|---|\n| one<br>two <img src=x onerror=alert(1)> <script>x</script> |\n');
		expect(cell.html).toContain('one<br>two');
		expect(cell.html).not.toMatch(/<img|<script/);
		expect(cell.html).toContain('&#x3C;img src=x onerror=alert(1)>');
		expect(cell.text).toBe('one two <img src=x onerror=alert(1)> <script>x</script>');
	});

	it('unescapes pipes inside code spans', () => {
		const cell = firstBodyCell('| a |\n|---|\n| `a \\| b` |\n');
		expect(cell.text).toBe('a | b');
	});

	it('drops javascript: links but keeps their text', () => {
		const cell = firstBodyCell('| a |\n|---|\n| [x](javascript:alert(1)) [y](https://example.com) |\n');
		expect(cell.html).not.toContain('javascript:');
		expect(cell.html).toContain('<a href="https://example.com">y</a>');
	});
});

describe('renderCell: what looks like HTML but is text', () => {
	it('shows generics such as Function<T,R> and List<String> as written', () => {
		for (const [markdown, text] of [
			['Function<T,R>', 'Function<T,R>'],
			['List<String>', 'List<String>'],
			['**Map<K, V>**', 'Map<K, V>']
		]) {
			const cell = firstBodyCell(`| a |\n|---|\n| ${markdown} |\n`);
			expect(cell.text).toBe(text);
			expect(cell.html).not.toMatch(/<(?!\/?strong>)/);
			expect(cell.html).toContain('&#x3C;');
		}
	});

	it('keeps $ patterns such as $match and $& untouched', () => {
		const cell = firstBodyCell('| a |\n|---|\n| $match `{ $match: 1 }` $& $1 |\n');
		expect(cell.text).toBe('$match { $match: 1 } $& $1');
		expect(cell.html).toBe('$match <code>{ $match: 1 }</code> $&#x26; $1');
	});

	it('escapes a plain-text cell so that the HTML shows exactly its text', () => {
		const cell = firstBodyCell('| a |\n|---|\n| a < b && "c" > d &amp; |\n');
		expect(cell.text).toBe('a < b && "c" > d &');
		expect(cell.html).not.toMatch(/<|&(?!#x[0-9A-F]+;)/);
		expect(decodeReferences(cell.html)).toBe(cell.text);
	});

	it('never lets a tag through, even inside bold or a link', () => {
		const cell = firstBodyCell('| a |\n|---|\n| **<img src=x onerror=alert(1)>** [<script>x</script>](https://e.com) <iframe src=y> |\n');
		expect(cell.html).not.toMatch(/<(img|script|iframe)/i);
		expect(cell.text).toBe('<img src=x onerror=alert(1)> <script>x</script> <iframe src=y>');
	});
});

describe('renderCell: line breaks and empty cells', () => {
	it('treats <br>, <br/>, <BR /> and </br> alike', () => {
		for (const br of ['<br>', '<br/>', '<BR />', '</br>']) {
			expect(firstBodyCell(`| a |\n|---|\n| one${br}two |\n`)).toEqual({ html: 'one<br>two', text: 'one two' });
		}
	});

	it('makes an empty or missing cell empty in both forms', () => {
		expect(firstBodyCell('| a |\n|---|\n|  |\n')).toEqual({ html: '', text: '' });
		expect(renderCell(undefined)).toEqual({ html: '', text: '' });
	});

	it('collapses runs of spaces in the plain text', () => {
		expect(firstBodyCell('| a |\n|---|\n|  x   **y**  <br>  z |\n').text).toBe('x y z');
	});
});
