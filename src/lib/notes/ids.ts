import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A short stable id from its parts. The parts are joined with a separator that cannot occur
 * in markdown text (U+001F), so ["a b", "c"] and ["a", "b c"] never collide.
 * 64 bits: at 100k cards the chance of any collision is about 3e-10.
 */
export function stableId(...parts: string[]): string {
	return bytesToHex(sha256(utf8ToBytes(parts.join('\u001f')))).slice(0, 16);
}

/** A content hash of any text, for change detection. */
export function contentHash(text: string): string {
	return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);
}
