import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { renderCell } from './cell';
import type { Table } from 'mdast';

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
