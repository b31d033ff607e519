import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A short stable id from its parts. The parts are joined with a separator that cannot occur
 * in markdown text (U+001F), so ["a b", "c"] and ["a", "b c"] never collide.
 * 64 bits: at 100k cards the chance of any collision is about 3e-10.
 */
export function stableId(...parts: string[]): string {
	return hash16(parts.join('\u001f'));
}

/** A content hash of any text, for change detection. */
export function contentHash(text: string): string {
	return hash16(text);
}

/** The first 16 hex digits of the text's SHA-256 (of its UTF-8 bytes). */
let hash16 = (text: string): string => bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);

/**
 * Lets a Node build hash with Node's own SHA-256 (`createHash` from node:crypto): the same
 * digest, natively, for a sixth of a big build's time. The browser keeps @noble/hashes.
 */
export function useNativeSha256(createHash: (algorithm: 'sha256') => { update(text: string): { digest(encoding: 'hex'): string } }): void {
	hash16 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
}
