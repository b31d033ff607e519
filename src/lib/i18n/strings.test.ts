import { describe, expect, it } from 'vitest';
import { STUDY_STRINGS } from './study';

describe('review and deck strings', () => {
	it('count one card in the singular in English, and say the same in Korean', () => {
		const { en, ko } = STUDY_STRINGS;
		expect(en.review.summary(1, '1 minute', '0%')).toBe('1 card reviewed in 1 minute; again rate 0%.');
		expect(en.review.summary(2, '1 minute', '50%')).toBe('2 cards reviewed in 1 minute; again rate 50%.');
		expect(en.review.newWaiting(1)).toBe('1 new card is past today’s limit.');
		expect(en.review.newWaiting(12)).toBe('12 new cards are past today’s limit.');
		expect(ko.review.newWaiting(12)).toBe('오늘 한도를 넘은 새 카드가 12장 있습니다.');
		expect(ko.review.learnMore(10)).toBe('10장 더 학습');
		expect(en.review.leech('Pod', 8)).toMatch(/^“Pod” is a leech: forgotten 8 times\./);
		expect(ko.review.leech('Pod', 12)).toMatch(/^“Pod” 카드는 12번 잊은/);
		expect(en.deck.historyCounts(1, 1)).toBe('1 rating, 1 lapse');
		expect(en.deck.historyCounts(3, 0)).toBe('3 ratings, 0 lapses');
		expect(ko.deck.historyCounts(3, 1)).toBe('평가 3번, 잊음 1번');
	});
});
