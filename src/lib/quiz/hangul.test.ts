import { describe, expect, it } from 'vitest';
import { checkTypedAnswer, keepTypedMatchWrong, overruleTypedMatch } from './match';

const verdict = (given: string, expected: string) => checkTypedAnswer(given, expected).verdict;

// Issue #16, item 9: Korean answers with another particle or one slipped syllable are close.
describe('Korean typed answers', () => {
	it('counts a missing, added or different particle as close', () => {
		expect(verdict('클러스터 내부 접근', '클러스터 내부에서 접근')).toBe('close');
		expect(verdict('서비스를 외부에 노출', '서비스 외부 노출')).toBe('close');
		expect(verdict('로그가 중앙에 수집', '로그를 중앙에서 수집')).toBe('close');
		expect(verdict('파드의 상태', '파드 상태')).toBe('close');
		expect(verdict('노드는 장애', '노드가 장애')).toBe('close');
		expect(verdict('ClusterIP를', 'ClusterIP')).toBe('close');
		// Two particles stacked (에서 + 만).
		expect(verdict('클러스터 내부 접근', '클러스터 내부에서만 접근')).toBe('close');
	});

	it('counts a jamo slip as close: a wrong vowel, a lost 받침, a doubled consonant', () => {
		expect(verdict('모니터랑', '모니터링')).toBe('close');
		expect(verdict('쿠버내티스', '쿠버네티스')).toBe('close');
		expect(verdict('로드밸런서 여결', '로드밸런서 연결')).toBe('close');
		expect(verdict('롤백 바름', '롤백 빠름')).toBe('close');
		expect(verdict('최데', '최대')).toBe('close');
		expect(verdict('최대값', '최댓값')).toBe('close');
		// The slipped consonant moved to the next syllable: one jamo apart all the same.
		expect(verdict('한구거', '한국어')).toBe('close');
	});

	it('counts one syllable left out, added or swapped inside a long enough word as close', () => {
		expect(verdict('쿠버네티', '쿠버네티스')).toBe('close');
		expect(verdict('모니터터링', '모니터링')).toBe('close');
		expect(verdict('모터니링', '모니터링')).toBe('close');
		expect(verdict('카나리 배포 전략', '카나리 배포 전략')).toBe('exact');
	});

	it('keeps another word wrong, even one syllable away', () => {
		expect(verdict('리스크 최대', '리스크 최소')).toBe('wrong');
		expect(verdict('롤백 느림', '롤백 빠름')).toBe('wrong');
		expect(verdict('클러스터 외부에서만 접근', '클러스터 내부에서만 접근')).toBe('wrong');
		expect(verdict('임계치 이하', '임계치 이상')).toBe('wrong');
		expect(verdict('수직 확장', '수평 확장')).toBe('wrong');
		expect(verdict('장점', '단점')).toBe('wrong');
		expect(verdict('상태 있는 앱', '상태 없는 앱')).toBe('wrong');
		// A syllable at the front turns a word into its opposite.
		expect(verdict('동기 처리', '비동기 처리')).toBe('wrong');
		expect(verdict('비정상', '정상')).toBe('wrong');
		expect(verdict('호출됨', '호출 안됨')).toBe('wrong');
		// Another first consonant in a short word is another word (Shift aside: 바름 for 빠름 above).
		expect(verdict('최고', '최소')).toBe('wrong');
		// Two syllables swapped make another word.
		expect(verdict('기동', '동기')).toBe('wrong');
		expect(verdict('로드밸런서', '인그레스')).toBe('wrong');
		expect(verdict('서비스 메시', '서비스 디스커버리')).toBe('wrong');
	});

	it('keeps a different number wrong, in digits or in words', () => {
		expect(verdict('레플리카 5개', '레플리카 3개')).toBe('wrong');
		expect(verdict('재시도 3회를', '재시도 4회')).toBe('wrong');
		expect(verdict('삼십 초', '사십 초')).toBe('wrong');
		expect(verdict('세 개', '네 개')).toBe('wrong');
		expect(verdict('이십 분', '이 분')).toBe('wrong');
		// The same number with another particle is still only a particle.
		expect(verdict('레플리카 3개를', '레플리카 3개')).toBe('close');
	});

	it('leaves the call to the person: close is not right until counted, and can be kept wrong', () => {
		const close = checkTypedAnswer('모니터랑', '모니터링');
		expect(close).toMatchObject({ verdict: 'close', accepted: false, overruled: false, kept: false });
		expect(overruleTypedMatch(close)).toMatchObject({ verdict: 'close', accepted: true, overruled: true });
		expect(keepTypedMatchWrong(close)).toMatchObject({ verdict: 'close', accepted: false, kept: true });
		// Only a close answer is kept: a right one stays right.
		const right = checkTypedAnswer('모니터링', '모니터링');
		expect(keepTypedMatchWrong(right)).toBe(right);
	});

	it('shows a particle as the one thing that differed', () => {
		expect(checkTypedAnswer('서비스 노출', '서비스를 노출').diff).toEqual([
			{ kind: 'same', text: '서비스' },
			{ kind: 'missing', text: '를' },
			{ kind: 'same', text: ' 노출' }
		]);
	});
});
