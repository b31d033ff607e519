/**
 * The comparison form of an answer: NFKC (NFC plus the full-width letters and digits that
 * CJK keyboards type), lower case, no whitespace, no punctuation. `p99 < 200ms, 에러율 < 0.1%`
 * and `p99<200ms 에러율<0.1%` both become `p99<200ms에러율<0.1`.
 */
export function normalizeAnswer(text: string): string {
	return (
		text
			.normalize('NFKC')
			.toLowerCase()
			// A point between digits is a decimal point: 0.1 must not become 01. U+E000 is no punctuation.
			.replace(/(\d)\.(?=\d)/g, '$1\ue000')
			// `#` is kept so that C# and C stay different answers.
			.replace(/[\s\p{P}]/gu, (c) => (c === '#' ? c : ''))
			.replace(/\ue000/g, '.')
	);
}

/** The key that decides whether two options are the same; never empty for a non-blank text. */
export function optionKey(text: string): string {
	return normalizeAnswer(text) || text.normalize('NFKC').trim().toLowerCase();
}

const PARENTHESISED = /\s*[([（［][^()[\]（）［］]*[)\]）］]/g;

/** The text without its parenthesised parts (`ClusterIP (기본)` → `ClusterIP`), or null when nothing is left or nothing changed. */
export function withoutParentheses(text: string): string | null {
	const stripped = text.replace(PARENTHESISED, '').trim();
	return stripped && stripped !== text.trim() ? stripped : null;
}

/**
 * The parts of a normalised answer no typo may change: its digits (20MB is not 80MB) and its
 * Hangul syllables, since one syllable is a whole sound and often a meaning (최소 vs 최대).
 */
export function fixedPartsOf(normalized: string): string {
	return normalized.replace(/[^\d\uac00-\ud7a3]/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
	const m = a.length;
	const n = b.length;
	if (Math.abs(m - n) > max) return max + 1;
	let before = new Array<number>(n + 1).fill(0);
	let previous = Array.from({ length: n + 1 }, (_, j) => j);
	let current = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
			current[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[before, previous, current] = [previous, current, before];
	}
	return previous[n];
}

/** How many typos an answer of this (normalised) length forgives: short answers need an exact match. */
export function allowedEdits(length: number): number {
	if (length < 5) return 0;
	if (length < 10) return 1;
	if (length < 16) return 2;
	return 3;
}

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
