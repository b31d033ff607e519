import { diffChars, diffWords, type DiffSegment } from './diff';
import { koreanClose } from './hangul';
import { allowedEdits, fixedPartsOf, editDistance, normalizeAnswer, withoutParentheses } from './normalize';

/**
 * `exact`: equal once normalised (or with optional parts left out); `close`: a typo, a slip
 * of a Korean word or another particle, which the person then counts as right or keeps wrong.
 */
export type TypedVerdict = 'exact' | 'close' | 'wrong';

export interface TypedMatch {
	verdict: TypedVerdict;
	/** Counts as right: an exact verdict, or a close or wrong one the person overruled. */
	accepted: boolean;
	overruled: boolean;
	/** The person kept a close answer wrong (it stays wrong, and they are not asked again). */
	kept: boolean;
	/** What differed, for display; `word` segments are shown with spaces between them. */
	diff: DiffSegment[];
	diffLevel: 'char' | 'word';
}

/**
 * Forgiving comparison of a typed answer: case, spacing, punctuation and Unicode form never
 * matter, a parenthesised part of the expected answer may be left out, and the items of a
 * comma-separated list may come in any order. Long answers with a typo or two, and Korean
 * answers with other particles or one slipped word, are close: neither right nor wrong until
 * the person says which, as after Anki's type-answer comparison.
 */
export function checkTypedAnswer(given: string, expected: string): TypedMatch {
	const verdict = typedVerdict(given, expected);
	const wordLevel = verdict === 'wrong' && /\S\s+\S/.test(expected.trim()) && /\S\s+\S/.test(given.trim());
	const diff =
		verdict === 'exact'
			? [{ kind: 'same' as const, text: expected }]
			: wordLevel
				? diffWords(given, expected, normalizeAnswer)
				: diffChars(given, expected);
	return { verdict, accepted: verdict === 'exact', overruled: false, kept: false, diff, diffLevel: wordLevel ? 'word' : 'char' };
}

/** The person says a close or wrong answer was right after all (a typo, a synonym, a fuller answer). */
export function overruleTypedMatch(match: TypedMatch): TypedMatch {
	return match.accepted ? match : { ...match, accepted: true, overruled: true, kept: false };
}

/** The person says a close answer stays wrong. */
export function keepTypedMatchWrong(match: TypedMatch): TypedMatch {
	return match.accepted || match.verdict !== 'close' ? match : { ...match, kept: true };
}

function typedVerdict(given: string, expected: string): TypedVerdict {
	const typed = normalizeAnswer(given);
	if (!typed) return 'wrong';
	const shortened = withoutParentheses(expected);
	const targets = shortened ? [expected, shortened] : [expected];
	const normalizedTargets = targets.map(normalizeAnswer).filter(Boolean);
	if (normalizedTargets.includes(typed)) return 'exact';
	if (targets.some((target) => sameList(given, target))) return 'exact';
	for (const target of normalizedTargets) {
		if (fixedPartsOf(target) !== fixedPartsOf(typed)) continue;
		const max = allowedEdits(target.length);
		if (max > 0 && editDistance(typed, target, max) <= max) return 'close';
	}
	// Numbers are never forgiven; Korean words are compared by particle, syllable and jamo.
	const typedDigits = digitsOf(typed);
	for (const target of targets) {
		if (digitsOf(normalizeAnswer(target)) === typedDigits && koreanClose(given, target)) return 'close';
	}
	return 'wrong';
}

const digitsOf = (normalized: string) => normalized.replace(/[^\d.]/g, '');

/** `Loki, ELK` and `ELK, Loki` are the same answer. */
function sameList(given: string, expected: string): boolean {
	const items = (text: string) =>
		text
			.split(/[,、，;]/)
			.map(normalizeAnswer)
			.filter(Boolean)
			.sort();
	const expectedItems = items(expected);
	if (expectedItems.length < 2) return false;
	const givenItems = items(given);
	return givenItems.length === expectedItems.length && givenItems.every((item, i) => item === expectedItems[i]);
}
