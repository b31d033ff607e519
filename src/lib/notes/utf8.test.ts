import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeUtf8', () => {
	it('decodes valid text, Korean and astral characters included, with no problems', () => {
		const text = '# 인프라\n| 😀 | `x` |\n';
		expect(decodeUtf8('a.md', bytes(text))).toEqual({ text, problems: [] });
	});

	it('reports every invalid byte with its line and character column, not only the first', () => {
		// Latin-1 "é" (0xE9) after three characters, then a stray continuation byte on line 3.
		const { problems } = decodeUtf8('notes/a.md', bytes('caf', [0xe9], '\n한글\n| ', [0x80], ' |\n'));
		expect(problems).toEqual([
			{ file: 'notes/a.md', line: 1, column: 4, message: 'invalid UTF-8 byte 0xE9' },
			{ file: 'notes/a.md', line: 3, column: 3, message: 'invalid UTF-8 byte 0x80' }
		]);
	});

	it('rejects overlong forms, surrogates, code points above U+10FFFF and cut-off sequences', () => {
		const cases = [
			[0xc0, 0xaf], // overlong "/"
			[0xe0, 0x80, 0xaf], // overlong "/"
			[0xed, 0xa0, 0x80], // U+D800, a surrogate
			[0xf4, 0x90, 0x80, 0x80], // U+110000
			[0xe2, 0x82] // "€" cut short at the end of the file
		];
		for (const sequence of cases) {
			const { problems } = decodeUtf8('a.md', bytes('x', sequence));
			expect(problems.length, sequence.join(',')).toBeGreaterThan(0);
			expect(problems[0]).toMatchObject({ line: 1, column: 2 });
		}
	});

	it('still returns the text, with U+FFFD for bad bytes, so the rest of the file can be checked', () => {
		const { text } = decodeUtf8('a.md', bytes('a', [0xff], 'b\n'));
		expect(text).toBe('a\uFFFDb\n');
	});
});
