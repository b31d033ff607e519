import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { findTables } from './tables';

const find = (markdown: string) => findTables('a.md', parseMarkdown(markdown));
const table = (rows: string) => `| k | v |\n|---|---|\n${rows}\n`;

describe('findTables: the note title', () => {
	it('is the single # heading when it comes first', () => {
		expect(find(`# 인프라 / 모니터링\n\n${table('| a | b |')}`).title).toBe('인프라 / 모니터링');
	});

	it('is unknown when there are two # headings, or a ## comes first', () => {
		expect(find('# One\n\n# Two\n').title).toBeNull();
		expect(find('## Intro\n\n# Title\n').title).toBeNull();
		expect(find(table('| a | b |')).title).toBeNull();
	});
});

describe('findTables: a table’s place', () => {
	it('is the headings above it, without the note title', () => {
		const found = find(`# T\n\n## Kubernetes\n\n### **서비스** 타입\n\n${table('| a | b |')}\n## Docker\n\n${table('| c | d |')}`);
		expect(found.tables.map((t) => t.sections.map((s) => s.title))).toEqual([['Kubernetes', '서비스 타입'], ['Docker']]);
		expect(found.tables.map((t) => t.label)).toEqual([null, null]);
	});

	it('gives repeated heading paths distinct keys, and the same path the same key', () => {
		const found = find(
			`## A\n\n### B\n\n${table('| 1 | x |')}\n## A\n\n### B\n\n${table('| 2 | y |')}\n## C\n\n### B\n\n${table('| 3 | z |')}`
		);
		const keys = found.tables.map((t) => t.sections.at(-1)!.key);
		expect(new Set(keys).size).toBe(3);
		expect(found.tables.map((t) => t.sections.map((s) => s.title))).toEqual([
			['A', 'B'],
			['A', 'B'],
			['C', 'B']
		]);
	});

	it('includes a bold label line right above the table, with or without its colon', () => {
		const found = find(
			`## S\n\n**Probes:**\n\n${table('| a | b |')}\n**Ports**:\n${table('| c | d |')}\nText then **bold**:\n\n${table('| e | f |')}`
		);
		expect(found.tables.map((t) => t.label)).toEqual(['Probes', 'Ports', null]);
	});
});

describe('findTables: where tables hide', () => {
	it('finds tables in <details>, lists, blockquotes and footnotes, in document order', () => {
		const markdown = [
			'<details>\n<summary>more</summary>\n\n' + table('| details | 1 |') + '\n</details>\n',
			'- item\n\n  ' + table('| list | 2 |').replaceAll('\n', '\n  '),
			'> ' + table('| quote | 3 |').trimEnd().replaceAll('\n', '\n> ') + '\n',
			'Text[^1].\n\n[^1]: note\n\n    ' + table('| footnote | 4 |').trimEnd().replaceAll('\n', '\n    ') + '\n'
		].join('\n');
		const found = find(markdown);
		expect(found.tables.map((t) => t.rows[0].cells[0].text)).toEqual(['details', 'list', 'quote', 'footnote']);
	});

	it('does not find a table inside a fenced code block', () => {
		expect(find('```markdown\n' + table('| a | b |') + '```\n').tables).toEqual([]);
	});
});

describe('findTables: cells', () => {
	it('pads short rows with empty cells and drops cells beyond the header, as GitHub shows them', () => {
		const [found] = find('| k | v | w |\n|---|---|---|\n| short |\n| a | b | c | extra |\n').tables;
		expect(found.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
			['short', '', ''],
			['a', 'b', 'c']
		]);
	});

	// Regression: a cell is rendered away from its note, so `[Loki][l]` came out as that text.
	it('resolves reference links and images with the note’s definitions, and drops footnote marks', () => {
		const markdown =
			'| k | v |\n|---|---|\n| [Loki][l] | ![로고][img] 2[^1] |\n| [bad][js] | x |\n\n> [l]: https://grafana.com/oss/loki "Loki"\n\n[img]: https://e.com/a.png\n[js]: javascript:alert(1)\n[^1]: 각주\n';
		const [found] = find(markdown).tables;
		expect(found.rows[0].cells).toEqual([
			{ html: '<a href="https://grafana.com/oss/loki" title="Loki">Loki</a>', text: 'Loki' },
			{ html: '<img src="https://e.com/a.png" alt="로고"> 2', text: '로고 2' }
		]);
		expect(found.rows[1].cells[0]).toEqual({ html: '<a>bad</a>', text: 'bad' });
	});

	it('keeps the line and column of the table and of each row', () => {
		const [found] = find('# T\n\n- list\n\n  | k | v |\n  |---|---|\n  | a | b |\n').tables;
		expect([found.line, found.column]).toEqual([5, 3]);
		expect([found.rows[0].line, found.rows[0].column]).toEqual([7, 3]);
	});
});

describe('findTables: directives', () => {
	it('attaches a directive right above a table, or above its bold label', () => {
		const found = find(
			`<!-- tabledeck: skip -->\n${table('| a | b |')}\n<!-- tabledeck: key=2 -->\n\n**Label:**\n\n${table('| c | d |')}\n${table('| e | f |')}`
		);
		expect(found.tables.map((t) => t.directives)).toEqual([
			{ skip: true, transpose: false, noReverse: false, keyColumn: null },
			{ skip: false, transpose: false, noReverse: false, keyColumn: 1 },
			null
		]);
		expect(found.tables[1].label).toBe('Label');
		expect(found.warnings).toEqual([]);
	});

	it('warns about a directive that is not right above a table, and ignores it', () => {
		const found = find(`## S\n\n<!-- tabledeck: skip -->\n\nA paragraph.\n\n${table('| a | b |')}`);
		expect(found.warnings).toEqual([
			{ file: 'a.md', line: 3, column: 1, message: 'tabledeck directive is not right above a table; ignored' }
		]);
		expect(found.tables[0].directives).toBeNull();
		expect(found.problems).toEqual([]);
	});

	it('reports unknown words as problems, whether or not the comment found its table', () => {
		const found = find(`<!-- tabledeck: reverse -->\n${table('| a | b |')}\n<!-- tabledeck: kye=2 -->\n\n## Next\n`);
		expect(found.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
			'1:1: unknown tabledeck directive "reverse" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'6:1: unknown tabledeck directive "kye=2" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)'
		]);
	});
});
