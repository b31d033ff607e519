import { describe, expect, it } from 'vitest';
import { compileNote } from './build';
import { MAX_NESTING, nestingProblem } from './nesting';
import { MAX_NOTE_MB } from './size';

const compile = (text: string) => compileNote({ file: 'deep.md', bytes: new TextEncoder().encode(text) });
const table = '\n\n| 용어 | 뜻 |\n|---|---|\n| Pod | 배포 단위 |\n';
const indentedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

describe('nesting thousands of levels deep', () => {
	// Regression: each of these overflowed the stack (or parsed for minutes) instead of saying why.
	it.each([
		['a blockquote', `# Deep\n\n${'>'.repeat(3000)} x${table}`, 3, 101],
		['a list on one line', `# Deep\n\n${'- '.repeat(3000)}x${table}`, 3, 201],
		// 1,000 levels: 3,000 indented levels take 9 MB, over the size limit.
		['a list nested by indenting', `# Deep\n\n${indentedList(1000)}${table}`, 103, 201]
	])('in %s is one problem at file:line:col, and no decks', (_, text, line, column) => {
		const { decks, problems } = compile(text);
		expect(problems).toEqual([{ file: 'deep.md', line, column, message: `nesting deeper than ${MAX_NESTING}` }]);
		expect(decks).toBeNull();
	});
});

describe('nestingProblem', () => {
	it('lets real nesting through, up to the limit', () => {
		expect(nestingProblem('a.md', `${'> '.repeat(MAX_NESTING)}x`)).toBeNull();
		expect(nestingProblem('a.md', indentedList(MAX_NESTING))).toBeNull();
		expect(nestingProblem('a.md', `> - a\n>   - b\n>     1. c\n\n- d\n  - e`)).toBeNull();
	});

	it('does not count a thematic break or a new list at the margin as nesting', () => {
		expect(nestingProblem('a.md', `${'* '.repeat(500)}\n${'- x\n'.repeat(500)}`)).toBeNull();
	});

	it('counts blockquotes and lists together', () => {
		expect(nestingProblem('a.md', `${'> - '.repeat(MAX_NESTING / 2)}> x`)).toMatchObject({ line: 1, column: MAX_NESTING * 2 + 1 });
	});
});

describe('a note over the size limit', () => {
	// The app compiles imported notes with this same code: it must refuse them before parsing too.
	it('is one problem, before parsing', () => {
		const { decks, problems } = compile(`# Big\n${table}${'x'.repeat((MAX_NOTE_MB + 0.5) * 1024 * 1024)}`);
		expect(problems).toEqual([
			{ file: 'deep.md', line: 1, column: 1, message: `note is ${MAX_NOTE_MB + 0.5} MB; the limit is ${MAX_NOTE_MB} MB` }
		]);
		expect(decks).toBeNull();
	});
});
