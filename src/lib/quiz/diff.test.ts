import { describe, expect, it } from 'vitest';
import { diffChars, diffWords } from './diff';
import { normalizeAnswer } from './normalize';

describe('diff', () => {
	it('marks characters missing from and extra in the given answer', () => {
		expect(diffChars('Rollng', 'Rolling')).toEqual([
			{ kind: 'same', text: 'Roll' },
			{ kind: 'missing', text: 'i' },
			{ kind: 'same', text: 'ng' }
		]);
		expect(diffChars('Canaryy', 'canary')).toEqual([
			{ kind: 'same', text: 'canary' },
			{ kind: 'extra', text: 'y' }
		]);
	});

	it('compares Hangul by syllable whatever its Unicode form', () => {
		expect(diffChars('\u1105\u1169\u1100\u1173', '로그')).toEqual([{ kind: 'same', text: '로그' }]);
	});

	it('compares words by their normalised form', () => {
		expect(diffWords('Loki ELK Tempo', 'Loki, ELK', normalizeAnswer)).toEqual([
			{ kind: 'same', text: 'Loki, ELK' },
			{ kind: 'extra', text: 'Tempo' }
		]);
	});

	it('falls back to whole texts when the table would be huge', () => {
		const long = 'a'.repeat(600);
		const other = 'b'.repeat(600);
		expect(diffChars(long, other)).toEqual([
			{ kind: 'extra', text: long },
			{ kind: 'missing', text: other }
		]);
	});
});
