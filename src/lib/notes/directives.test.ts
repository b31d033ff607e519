import { describe, expect, it } from 'vitest';
import type { Html } from 'mdast';
import { isDirectiveComment, parseDirectives } from './directives';

const comment = (value: string, line = 7, column = 3): Html => ({
	type: 'html',
	value,
	position: { start: { line, column }, end: { line, column: column + value.length } }
});

describe('isDirectiveComment', () => {
	it('knows a tabledeck comment from any other HTML', () => {
		expect(isDirectiveComment(comment('<!-- tabledeck: skip -->'))).toBe(true);
		expect(isDirectiveComment(comment('<!--TableDeck:key=2-->'))).toBe(true);
		expect(isDirectiveComment(comment('<!-- just a note -->'))).toBe(false);
		expect(isDirectiveComment(comment('<details>'))).toBe(false);
		expect(isDirectiveComment({ type: 'paragraph' })).toBe(false);
	});
});

describe('parseDirectives', () => {
	it('reads each directive', () => {
		const none = { skip: false, transpose: false, noReverse: false, keyColumn: null };
		expect(parseDirectives('a.md', comment('<!-- tabledeck: skip -->')).directives).toEqual({ ...none, skip: true });
		expect(parseDirectives('a.md', comment('<!-- tabledeck: transpose -->')).directives).toEqual({ ...none, transpose: true });
		expect(parseDirectives('a.md', comment('<!-- tabledeck: no-reverse -->')).directives).toEqual({ ...none, noReverse: true });
		expect(parseDirectives('a.md', comment('<!-- tabledeck: key=3 -->')).directives).toEqual({ ...none, keyColumn: 2 });
	});

	it('combines several, separated by spaces, commas or pipes, in any case', () => {
		const { directives, problems } = parseDirectives('a.md', comment('<!-- TableDeck: No-Reverse, key=2 | transpose -->'));
		expect(problems).toEqual([]);
		expect(directives).toEqual({ skip: false, transpose: true, noReverse: true, keyColumn: 1 });
	});

	it('reports every unknown word at the comment, as file:line:col', () => {
		const { problems } = parseDirectives('notes/a.md', comment('<!-- tabledeck: reverse key=0 skip kye=2 -->', 12, 1));
		expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
			['notes/a.md', 12, 1],
			['notes/a.md', 12, 1],
			['notes/a.md', 12, 1]
		]);
		expect(problems.map((p) => p.message)).toEqual([
			'unknown tabledeck directive "reverse" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'unknown tabledeck directive "key=0" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'unknown tabledeck directive "kye=2" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)'
		]);
	});
});
