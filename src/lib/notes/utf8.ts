import type { Problem } from './types';

/**
 * Decodes UTF-8, reporting the place of every invalid byte sequence: TextDecoder's fatal
 * mode says only that a file is bad, not where, and the build must say `file:line:col`.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string; problems: Problem[] } {
	const text = new TextDecoder('utf-8').decode(bytes);
	const problems: Problem[] = [];
	let line = 1;
	let column = 1;
	let i = 0;
	while (i < bytes.length) {
		const length = sequenceLength(bytes, i);
		if (length === 0) {
			problems.push({ file, line, column, message: `invalid UTF-8 byte 0x${hex(bytes[i])}` });
			i += 1;
		} else {
			if (bytes[i] === 0x0a) {
				line += 1;
				column = 0;
			}
			i += length;
		}
		column += 1;
	}
	return { text, problems };
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid. */
function sequenceLength(b: Uint8Array, i: number): number {
	const first = b[i];
	if (first < 0x80) return 1;
	let length: number;
	let min: number;
	let max = 0xbf;
	if (first >= 0xc2 && first <= 0xdf) [length, min] = [2, 0x80];
	else if (first === 0xe0) [length, min] = [3, 0xa0];
	else if (first === 0xed)
		[length, min, max] = [3, 0x80, 0x9f]; // no surrogates
	else if (first >= 0xe1 && first <= 0xef) [length, min] = [3, 0x80];
	else if (first === 0xf0) [length, min] = [4, 0x90];
	else if (first >= 0xf1 && first <= 0xf3) [length, min] = [4, 0x80];
	else if (first === 0xf4) [length, min, max] = [4, 0x80, 0x8f];
	else return 0;
	if (i + length > b.length) return 0;
	if (b[i + 1] < min || b[i + 1] > max) return 0;
	for (let k = 2; k < length; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return 0;
	return length;
}

function hex(byte: number): string {
	return byte.toString(16).toUpperCase().padStart(2, '0');
}
