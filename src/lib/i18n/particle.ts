// Korean grammar for prompts built around card text, which may or may not be Korean.

/**
 * Appends the Korean particle that fits the word's last sound: 과/은 after a final consonant,
 * 와/는 after a vowel; both forms (`과(와)`) when the word does not end in Hangul.
 */
export function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
	const last = [...word.replace(/[\s\p{P}]+$/u, '')].at(-1) ?? '';
	const code = last.codePointAt(0) ?? 0;
	if (code >= 0xac00 && code <= 0xd7a3) return word + ((code - 0xac00) % 28 ? afterConsonant : afterVowel);
	return `${word}${afterConsonant}(${afterVowel})`;
}
