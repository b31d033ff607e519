import { describe, expect, it } from 'vitest';
import { DECK_UPDATE_STRINGS } from './deck-update';

describe('deck update strings', () => {
	it('count the cards written with thousands separators, in English and Korean', () => {
		const { en, ko } = DECK_UPDATE_STRINGS;
		expect(en.progress(2000, 10000)).toBe('Updating the decks: 2,000 of 10,000 cards');
		expect(ko.progress(2000, 10000)).toBe('덱 업데이트 중: 카드 10,000장 중 2,000장');
		expect(Object.keys(ko)).toEqual(Object.keys(en));
	});
});
