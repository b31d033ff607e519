/** `missing`: in the expected answer only; `extra`: in the given answer only. */
export type DiffKind = 'same' | 'missing' | 'extra';

export interface DiffSegment {
	kind: DiffKind;
	text: string;
}

// The LCS table is m×n; past this the diff is shown whole rather than computed.
const MAX_CELLS = 250_000;

/** Character-level diff, case- and NFC-insensitive, with `same` text taken from the expected answer. */
export function diffChars(given: string, expected: string): DiffSegment[] {
	const g = Array.from(given.normalize('NFC'));
	const e = Array.from(expected.normalize('NFC'));
	return diffTokens(g, e, (t) => t.toLowerCase(), '');
}

/** Word-level diff; words compare by `keyOf` (e.g. normalised), so `Loki,` matches `loki`. */
export function diffWords(given: string, expected: string, keyOf: (word: string) => string): DiffSegment[] {
	const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);
	return diffTokens(words(given), words(expected), keyOf, ' ');
}

function diffTokens(given: string[], expected: string[], keyOf: (token: string) => string, joiner: string): DiffSegment[] {
	const m = given.length;
	const n = expected.length;
	if (m * n > MAX_CELLS) {
		const whole: DiffSegment[] = [
			...given.map((text) => ({ kind: 'extra' as const, text })),
			...expected.map((text) => ({ kind: 'missing' as const, text }))
		];
		return merge(whole, joiner);
	}
	const gk = given.map(keyOf);
	const ek = expected.map(keyOf);
	// lcs[i][j] = LCS length of given[i..] and expected[j..], flattened.
	const width = n + 1;
	const lcs = new Uint32Array((m + 1) * width);
	for (let i = m - 1; i >= 0; i--) {
		for (let j = n - 1; j >= 0; j--) {
			lcs[i * width + j] = gk[i] === ek[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
		}
	}
	const segments: DiffSegment[] = [];
	let i = 0;
	let j = 0;
	while (i < m || j < n) {
		if (i < m && j < n && gk[i] === ek[j]) {
			segments.push({ kind: 'same', text: expected[j] });
			i++;
			j++;
		} else if (j < n && (i === m || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
			segments.push({ kind: 'missing', text: expected[j++] });
		} else {
			segments.push({ kind: 'extra', text: given[i++] });
		}
	}
	return merge(segments, joiner);
}

function merge(segments: DiffSegment[], joiner: string): DiffSegment[] {
	const merged: DiffSegment[] = [];
	for (const segment of segments) {
		const last = merged.at(-1);
		if (last && last.kind === segment.kind) last.text += joiner + segment.text;
		else merged.push({ ...segment });
	}
	return merged;
}
