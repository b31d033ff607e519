import { describe, expect, it } from 'vitest';
import { foldText, queryTerms, stripHtml } from './text';

describe('foldText', () => {
	it('folds case and full-width forms (NFKC)', () => {
		expect(foldText('ＰＯＤ Pod')).toBe('pod pod');
		expect(foldText('ﬁle ①')).toBe('file 1');
	});

	it('composes Hangul typed as separate jamo (NFD) into the syllables cards are written in', () => {
		const decomposed = '쿠버네티스'.normalize('NFD');
		expect(decomposed).not.toBe('쿠버네티스');
		expect(foldText(decomposed)).toBe('쿠버네티스');
	});
});

describe('stripHtml', () => {
	it('drops tags, reads <br> as a space and decodes entities', () => {
		expect(stripHtml('<strong>Pod</strong><br>a &amp; b &lt;T&gt; &#44032;&#xAC01;')).toBe('Pod a & b <T> 가각');
	});

	it('leaves unknown entities and plain text as they are', () => {
		expect(stripHtml('&bogus; 1 < 2')).toBe('&bogus; 1 < 2');
	});
});

describe('queryTerms', () => {
	it('splits on any white space, folded', () => {
		expect(queryTerms('  Canary\u3000배포 \n')).toEqual(['canary', '배포']);
		expect(queryTerms('   ')).toEqual([]);
	});
});
