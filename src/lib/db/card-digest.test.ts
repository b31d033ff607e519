import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/notes/types';
import { cardDigest, DIGEST_LENGTH, digestAt } from './card-digest';

const card = (back: string): Card => ({
	id: 'c1',
	deckId: 'd1',
	front: '<p>ClusterIP</p>',
	back: `<p>${back}</p>`,
	frontText: 'ClusterIP',
	backText: back,
	source: { file: 'k8s.md', line: 3 },
	tableId: 't1',
	rowKey: 'ClusterIP',
	column: '설명',
	direction: 'forward'
});

describe('cardDigest', () => {
	it('tells apart 20,000 one-character edits of a card, in either 32-bit half', () => {
		const digests = Array.from({ length: 20_000 }, (_, i) => cardDigest(card(`내부 전용 ${String.fromCharCode(0x4e00 + i)}`)));
		expect(new Set(digests).size).toBe(20_000);
		expect(new Set(digests.map((d) => d.slice(0, 8))).size).toBeGreaterThan(19_990);
		expect(new Set(digests.map((d) => d.slice(8))).size).toBeGreaterThan(19_990);
		expect(digests.every((d) => /^[0-9a-f]{16}$/.test(d))).toBe(true);
	});

	it('is the same for the same stored fields, whatever extra properties a row carries', () => {
		const row = { ...card('x'), noteId: 'n1', pos: 4 };
		expect(cardDigest(row)).toBe(cardDigest(card('x')));
		expect(cardDigest(card('x'))).not.toBe(cardDigest(card('y')));
	});

	it('reads a digest at a place only when the stored string reaches it', () => {
		const digests = cardDigest(card('a')) + cardDigest(card('b'));
		expect(digestAt(digests, 1)).toBe(cardDigest(card('b')));
		expect(digestAt(digests, 2)).toBeUndefined();
		expect(digestAt(undefined, 0)).toBeUndefined();
		expect(DIGEST_LENGTH).toBe(16);
	});
});
