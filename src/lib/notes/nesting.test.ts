import { describe, expect, it } from 'vitest';
import { compileNote } from './build';
import { MAX_NESTING, nestingProblem } from './nesting';

const compile = (text: string) => compileNote({ file: 'deep.md', bytes: new TextEncoder().encode(text) });
const table = '\n\n| 용어 | 뜻 |\n|---|---|\n| Pod | 배포 단위 |\n';
const indentedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

describe('nesting 3,000 levels deep', () => {
	// Regression: each of these overflowed the stack (or parsed for minutes) instead of saying why.
	it.each([
		['a blockquote', `# Deep\n\n${'>'.repeat(3000)} x${table}`, 3, 101],
		['a list on one line', `# Deep\n\n${'- '.repeat(3000)}x${table}`, 3, 201],
		['a list nested by indenting', `# Deep\n\n${indentedList(3000)}${table}`, 103, 201]
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
