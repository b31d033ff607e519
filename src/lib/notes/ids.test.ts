import { describe, expect, it } from 'vitest';
import { contentHash, stableId } from './ids';

describe('stableId', () => {
	it('is 16 hex digits, the same for the same parts on every run', () => {
		const id = stableId('infra-monitoring.md', 'ClusterIP', '설명', 'forward');
		expect(id).toMatch(/^[0-9a-f]{16}$/);
		expect(stableId('infra-monitoring.md', 'ClusterIP', '설명', 'forward')).toBe(id);
	});

	it('tells apart parts that join to the same text', () => {
		expect(stableId('a b', 'c')).not.toBe(stableId('a', 'b c'));
		expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
		expect(stableId('x', 'forward')).not.toBe(stableId('x', 'reverse'));
	});
});

describe('contentHash', () => {
	it('changes with any change of the text', () => {
		expect(contentHash('{"a":1}')).toBe(contentHash('{"a":1}'));
		expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a":2}'));
	});
});

describe('useNativeSha256', () => {
	it('gives the same ids as the browser’s hash, for any text (Korean, emoji, a lone surrogate)', async () => {
		const { createHash } = await import('node:crypto');
		const texts = [
			'infra-monitoring.md\u001fClusterIP',
			'서비스 타입\u001f설명',
			'🚀 emoji',
			'lone \ud800 surrogate',
			'',
			'x'.repeat(10_000)
		];
		const browser = texts.map((text) => [stableId(text), contentHash(text)]);
		const ids = await import('./ids');
		ids.useNativeSha256(createHash);
		expect(texts.map((text) => [ids.stableId(text), ids.contentHash(text)])).toEqual(browser);
	});
});
