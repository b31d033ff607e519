import { disassemble, disassembleCompleteCharacter } from 'es-hangul';
import { editDistance, normalizeAnswer } from './normalize';

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Particles (조사) that may follow a word. Two may stack (`에서` + `만`), so stripping runs
 * twice; longer ones first, so `에서` goes whole rather than as `서`.
 */
const PARTICLES = [
	'에서',
	'에게',
	'한테',
	'으로',
	'부터',
	'까지',
	'보다',
	'처럼',
	'마다',
	'이나',
	'이랑',
	'이라',
	'라고',
	'은',
	'는',
	'이',
	'가',
	'을',
	'를',
	'의',
	'에',
	'로',
	'와',
	'과',
	'도',
	'만',
	'나',
	'랑',
	'께'
];

/**
 * Syllables that are numbers (일 이 삼…, 한 두 세 네…): one of them for another changes the
 * answer's number however small the slip, so `삼십` for `사십` stays wrong.
 */
const NUMERALS = new Set('영공일이삼사오육륙칠팔구십백천만억조한두세네셋넷둘열');

/** Syllables that deny or reverse a word (안 됨, 비동기, 무상태, 불필요): never a slip to leave out or add. */
const NEGATIONS = new Set('안못않없비무불미반');

/** The plain and tense forms of a consonant, one Shift key apart on a Korean keyboard. */
const TENSE: Record<string, string> = { ㄲ: 'ㄱ', ㄸ: 'ㄷ', ㅃ: 'ㅂ', ㅆ: 'ㅅ', ㅉ: 'ㅈ' };
const plain = (jamo: string) => TENSE[jamo] ?? jamo;

/**
 * Whether one syllable typed for another is a slip: one jamo apart, and in a two-syllable
 * word with the same first consonant up to Shift (최고 for 최소 is another word; 바름 for
 * 빠름 is a slip). Numbers never slip into numbers (삼/사, 세/네).
 */
function syllableSlip(typed: string, expected: string, wordLength: number): boolean {
	if (!isHangul(typed) || !isHangul(expected) || (isNumeral(typed) && isNumeral(expected))) return false;
	if (jamoDistance(typed, expected, 1) > 1) return false;
	if (wordLength >= 3) return true;
	const [x, y] = [disassembleCompleteCharacter(typed), disassembleCompleteCharacter(expected)];
	return !!x && !!y && plain(x.choseong) === plain(y.choseong);
}

/** A word without the particles after it; the word itself always keeps a syllable. */
function stem(word: string): string {
	let rest = word;
	for (let round = 0; round < 2; round++) {
		const particle = PARTICLES.find((p) => rest.length > p.length && rest.endsWith(p));
		if (!particle) break;
		rest = rest.slice(0, -particle.length);
	}
	return rest;
}

/** The words of an answer in comparison form, each without its particles. */
function stems(text: string): string[] {
	return text.split(/\s+/).map(normalizeAnswer).filter(Boolean).map(stem);
}

/** Edit distance over jamo (`값` is ㄱㅏㅂㅅ), giving up above `max`. */
function jamoDistance(a: string, b: string, max: number): number {
	return editDistance(disassemble(a), disassemble(b), max);
}

const isHangul = (c: string | undefined) => c !== undefined && HANGUL.test(c);
const isNumeral = (c: string) => NUMERALS.has(c);

/**
 * Whether a typed word is a slip of the expected one: one syllable one jamo off (a wrong
 * vowel, a lost 받침, ㅂ for ㅃ; see `syllableSlip`), two neighbouring syllables swapped, or
 * one syllable left out or added inside a word of three or more. A whole other syllable is
 * not a slip: it is most often another word (최소/최대, 내부/외부, 이상/이하), and neither is
 * a syllable gone from the front, nor a negation anywhere (동기/비동기, 호출됨/호출 안됨).
 */
function wordSlip(typed: string, expected: string): boolean {
	const a = Array.from(typed);
	const b = Array.from(expected);
	if (!b.some(isHangul) || b.length < 2) return false;
	if (a.length === b.length) {
		const at = b.flatMap((c, i) => (c === a[i] ? [] : [i]));
		if (at.length === 1) return syllableSlip(a[at[0]], b[at[0]], b.length);
		if (at.length === 2 && at[1] === at[0] + 1 && a[at[0]] === b[at[1]] && a[at[1]] === b[at[0]]) return b.length >= 3;
	} else if (Math.abs(a.length - b.length) === 1) {
		const [long, short] = a.length > b.length ? [a, b] : [b, a];
		let k = 0;
		while (k < short.length && long[k] === short[k]) k++;
		const oneOut = long.slice(k + 1).join('') === short.slice(k).join('');
		const extra = long[k];
		if (oneOut && k > 0 && isHangul(extra) && !isNumeral(extra) && !NEGATIONS.has(extra) && b.length >= 3) return true;
	}
	// A slip can move a consonant into the next syllable (한구거 for 한국어): one jamo apart in all.
	return a.length === b.length && b.length >= 3 && jamoDistance(typed, expected, 1) <= 1;
}

/**
 * Whether a typed Korean answer is close to the expected one: the same words with other or
 * missing particles (`서비스를` for `서비스`), or one word slipped (see `wordSlip`). The caller
 * checks the digits first: a number is never close to another.
 */
export function koreanClose(given: string, expected: string): boolean {
	// A particle may follow a Latin answer too (`ClusterIP를`).
	if (!HANGUL.test(expected) && !HANGUL.test(given)) return false;
	const g = stems(given);
	const e = stems(expected);
	if (g.join('\u0000') === e.join('\u0000')) return true;
	if (g.length === e.length) {
		const differing = e.flatMap((word, i) => (word === g[i] ? [] : [i]));
		if (differing.length === 1) return wordSlip(g[differing[0]], e[differing[0]]);
	}
	// Spaced otherwise as well: the answer as one word.
	return g.join('') === e.join('') || wordSlip(g.join(''), e.join(''));
}
