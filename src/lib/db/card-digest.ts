/**
 * A short fingerprint of each card as stored, kept on its note's row (`NoteRow.cardDigests`),
 * so a deck update finds the cards that changed from one stored string and the note's card
 * ids (card-store's directory), without reading the old cards. Not a security hash: cyrb53's two
 * 32-bit lanes (different multipliers, mixed into each other at the end) kept whole, 16 hex
 * digits. Two FNV sums differing only in their offsets would not be independent: an edit
 * that fools one is likelier to fool the other.
 */
import type { Card } from '$lib/notes/types';
import { fromCardRow } from './rows';

/** Hex digits per card in NoteRow.cardDigests. */
export const DIGEST_LENGTH = 16;

/** The digest of a card's stored fields (fromCardRow's, in its order; not its note or place). */
export function cardDigest(card: Card): string {
	const text = JSON.stringify(fromCardRow(card));
	// Both lanes in one pass over the text: a first load digests every card.
	let a = 0xdeadbeef;
	let b = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 2654435761);
		b = Math.imul(b ^ code, 1597334677);
	}
	a = Math.imul(a ^ (a >>> 16), 2246822507);
	a ^= Math.imul(b ^ (b >>> 13), 3266489909);
	b = Math.imul(b ^ (b >>> 16), 2246822507);
	b ^= Math.imul(a ^ (a >>> 13), 3266489909);
	return hex8(b) + hex8(a);
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** The digest at `pos` in a note's digests, or undefined when the string does not reach it. */
export function digestAt(digests: string | undefined, pos: number): string | undefined {
	if (typeof digests !== 'string' || digests.length < (pos + 1) * DIGEST_LENGTH) return undefined;
	return digests.slice(pos * DIGEST_LENGTH, (pos + 1) * DIGEST_LENGTH);
}
