/**
 * A short fingerprint of each card as stored, kept on its note's row (`NoteRow.cardDigests`),
 * so a deck update finds the cards that changed from one stored string and the cards
 * index's keys, without reading the old card rows. Not a security hash: two 32-bit FNV-1a
 * sums with different offsets, 16 hex digits, so an edit goes unseen about once in 2^64.
 */
import type { Card } from '$lib/notes/types';
import { fromCardRow } from './rows';

/** Hex digits per card in NoteRow.cardDigests. */
export const DIGEST_LENGTH = 16;

/** The digest of a card's stored fields (fromCardRow's, in its order; not its note or place). */
export function cardDigest(card: Card): string {
	const text = JSON.stringify(fromCardRow(card));
	// Both sums in one pass over the text: a first load digests every card.
	let a = 0x811c9dc5;
	let b = 0x050c5d1f;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193);
		b = Math.imul(b ^ code, 0x01000193);
	}
	return hex8(a) + hex8(b);
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** The digest at `pos` in a note's digests, or undefined when the string does not reach it. */
export function digestAt(digests: string | undefined, pos: number): string | undefined {
	if (typeof digests !== 'string' || digests.length < (pos + 1) * DIGEST_LENGTH) return undefined;
	return digests.slice(pos * DIGEST_LENGTH, (pos + 1) * DIGEST_LENGTH);
}
