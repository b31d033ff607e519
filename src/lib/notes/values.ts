/**
 * What a cell's plain text is, as far as making a question of it goes: a placeholder that
 * answers nothing, a quantity or a rating that many rows could share, or a clue that can
 * name its row on the front of a reverse card.
 */

// A cell holding only one of these stands for "nothing here" in real notes.
const PLACEHOLDERS = new Set(['-', '--', '—', '–', 'n/a', 'na', 'none', '?', '.', '…', '...', 'tbd']);

/** `-`, `—`, `N/A`: an empty cell, written so that the table does not look unfinished. */
export function isPlaceholder(text: string): boolean {
	return PLACEHOLDERS.has(text.trim().toLowerCase());
}

// Units and marks a quantity may carry: `~5MB`, `> 80%`, `4m 23s`, `O(n log n)`, `10.x`.
const UNIT = /^(?:[a-z]{0,3}|bytes?|sec|min|ms|µs|ns|times?|x|개|초|분|시간|일|배|회|건|ms)$/i;

/** A number, size, duration, threshold or complexity: `0`, `~80MB`, `> 1%`, `256KB-1MB`, `O(n^2)`. */
export function isQuantity(text: string): boolean {
	const t = text.trim();
	if (!/\d/.test(t) && !/^O\(.*\)$/i.test(t)) return false;
	// `O(n^2)`, `O(log(n))`, `Θ(n log n)`.
	if (/^[OΘΩ]\((?:[^()]|\([^()]*\))*\)$/i.test(t)) return true;
	// Every word is a number with at most a short unit, or a symbol.
	const words = t.split(/[\s,/()~≈<>≤≥=+\-–—:*^]+/).filter(Boolean);
	return words.every((word) => {
		const match = /^[\d.,]*\d[\d.,]*%?(.*)$/.exec(word);
		if (match) return UNIT.test(match[1]);
		return /^(?:x|n|k|v|\.x)$/i.test(word);
	});
}

// Ratings, levels, yes/no and other words that many rows share in spirit even when one table
// happens to hold each once: `높음 → ?` has no one right answer.
const RATINGS = new Set(
	[
		'o|x|○|◯|△|×|✅|❌|✔|✔️|✓|✗|✘|⭕|:+1:|:x:|:white_check_mark:|yes|no|y|n|true|false|high|low|medium|fast|slow|easy|hard|good|bad|simple|complex|critical|warning|major|minor|required|optional|supported|unsupported|partial|full|all|some|many|most|few|always|never|sometimes|rare|common|default|strong|weak',
		'예|아니오|아니요|있음|없음|유|무|상|중|하|높음|낮음|중간|보통|매우 높음|매우 낮음|빠름|느림|많음|적음|큼|작음|쉬움|어려움|가능|불가|불가능|필요|불필요|지원|미지원|좋음|나쁨|강함|약함|복잡|복잡함|단순|단순함|간단|간단함|허용|차단|유지|필수|선택|권장|비권장|기본|제한적|효율적'
	]
		.join('|')
		.split('|')
);

/** A rating, level or yes/no: `높음`, `O`, `✅`, `Critical`, `더 큼`, `매우 빠름`. */
export function isRating(text: string): boolean {
	const t = text.trim().toLowerCase();
	if (RATINGS.has(t)) return true;
	// "더 큼", "매우 빠름", "상대적으로 느림", "very high": a degree word before a rating.
	const words = t.split(/\s+/);
	if (
		words.length === 2 &&
		RATINGS.has(words[1]) &&
		/^(더|덜|매우|아주|조금|약간|상대적으로|비교적|가장|very|more|less|most|least|quite)$/.test(words[0])
	) {
		return true;
	}
	// A single Korean word of two or three syllables ending like an adjective made a noun
	// (높음, 느림, 적합함, 유리함): almost always a rating in a table cell.
	return words.length === 1 && /^[가-힣]{1,3}(?:음|함|림|름|움|큼)$/.test(t);
}

/** A bare link or address: a reference column, not a clue. */
export function isAddress(text: string): boolean {
	return text
		.trim()
		.split(/[\s,]+/)
		.every(isOneAddress);
}

function isOneAddress(text: string): boolean {
	return /^(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|co|kr|me|info|edu)(?:\/\S*)?)$/i.test(text.trim());
}

/**
 * Whether a value, on the front of a reverse card, could name its row: it says something
 * (letters, not just a number, a rating or a link) and is not a single character.
 */
export function isClue(text: string): boolean {
	const t = text.trim();
	if (!/\p{L}/u.test(t) || isPlaceholder(t) || isQuantity(t) || isRating(t) || isAddress(t)) return false;
	return [...t].length >= 2;
}

/** `/24`, `1`, `A`, `w`: a key too short to stand alone on a card's front. */
export function isBareSymbol(text: string): boolean {
	const t = text.trim();
	return [...t].length === 1 || !/\p{L}/u.test(t);
}

/** A plain number (`256`, `1,024`, `-3.5`, `12%`): a cell of a number grid. */
export function isPlainNumber(text: string): boolean {
	return /^[~≈<>≤≥±+-]*\s*[\d.,]*\d[\d.,]*\s*%?$/.test(text.trim());
}

const YES = /^(✅|✔️?|✓|☑️?|o|○|◯|⭕|yes|y|true|예|있음|가능|지원)$/i;
const NO = /^(❌|✗|✘|✖️?|x|×|no|n|false|아니오|아니요|없음|불가|불가능|미지원)$/i;

/**
 * A column of yes/no marks (`O`/`X`, `✅`/`❌`, `Yes`/`No`), as the rows' texts: the keys
 * marked yes, and the yes mark as written, or null when any value is something else or the
 * marks do not split the rows. Asked row by row, each is a yes/no question; asked as "which
 * rows are marked", it is one list.
 */
export function yesRows(values: readonly string[]): { yes: number[]; mark: string } | null {
	const given = values.map((value, i) => [value.trim(), i] as const).filter(([value]) => value && !isPlaceholder(value));
	if (given.length < 3 || !given.every(([value]) => YES.test(value) || NO.test(value))) return null;
	const yes = given.filter(([value]) => YES.test(value));
	if (yes.length === 0 || yes.length === given.length) return null;
	return { yes: yes.map(([, i]) => i), mark: yes[0][0] };
}

/** Whether a text has Hangul: a Korean note's questions are asked in Korean. */
export const hangul = (text: string) => /[\uac00-\ud7a3]/.test(text);
