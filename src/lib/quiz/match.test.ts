import { describe, expect, it } from 'vitest';
import { checkTypedAnswer, overruleTypedMatch } from './match';
import { editDistance, normalizeAnswer, optionKey, withoutParentheses } from './normalize';

const verdict = (given: string, expected: string) => checkTypedAnswer(given, expected).verdict;

describe('normalizeAnswer', () => {
	it('ignores case, spacing, punctuation and Unicode form', () => {
		expect(normalizeAnswer('  Blue / Green! ')).toBe('bluegreen');
		expect(normalizeAnswer('\u1100\u1161')).toBe('가');
		expect(normalizeAnswer('ＣｌｕｓｔｅｒＩＰ')).toBe('clusterip');
	});

	it('keeps decimal points, operators and #', () => {
		expect(normalizeAnswer('에러율 < 0.1%')).toBe('에러율<0.1');
		expect(normalizeAnswer('01')).not.toBe(normalizeAnswer('0.1'));
		expect(normalizeAnswer('C#')).not.toBe(normalizeAnswer('C'));
	});

	it('never gives an empty option key for visible text', () => {
		expect(optionKey('—')).toBe('—');
		expect(optionKey('   ')).toBe('');
	});

	it('drops parenthesised parts only when something is left', () => {
		expect(withoutParentheses('ClusterIP (기본)')).toBe('ClusterIP');
		expect(withoutParentheses('자체 없음 (Thanos/Mimir)')).toBe('자체 없음');
		expect(withoutParentheses('(기본)')).toBeNull();
		expect(withoutParentheses('Pod')).toBeNull();
	});

	it('counts an adjacent swap as one edit and gives up past the limit', () => {
		expect(editDistance('canary', 'canray', 2)).toBe(1);
		expect(editDistance('canary', 'canery', 2)).toBe(1);
		expect(editDistance('kitten', 'sitting', 5)).toBe(3);
		expect(editDistance('abc', 'xyz', 1)).toBe(2);
	});
});

describe('checkTypedAnswer', () => {
	it('accepts spacing around operators and a dropped comma', () => {
		expect(verdict('p99<200ms 에러율<0.1%', 'p99 < 200ms, 에러율 < 0.1%')).toBe('exact');
		expect(verdict('P99 < 200MS, 에러율 < 0.1 %', 'p99 < 200ms, 에러율 < 0.1%')).toBe('exact');
	});

	it('rejects a different number', () => {
		expect(verdict('p99 < 500ms, 에러율 < 0.1%', 'p99 < 200ms, 에러율 < 0.1%')).toBe('wrong');
		expect(verdict('~20MB', '~80MB')).toBe('wrong');
		expect(verdict('> 85%', '> 80%')).toBe('wrong');
	});

	it('lets the parenthesised part be left out, or kept', () => {
		expect(verdict('ClusterIP', 'ClusterIP (기본)')).toBe('exact');
		expect(verdict('clusterip (기본)', 'ClusterIP (기본)')).toBe('exact');
		expect(verdict('클러스터 내부에서만 접근', '클러스터 내부에서만 접근 (기본)')).toBe('exact');
		expect(verdict('SLI', 'SLI (Indicator)')).toBe('exact');
		expect(verdict('기본', 'ClusterIP (기본)')).toBe('wrong');
	});

	it('forgives a typo in a long enough Latin answer', () => {
		expect(verdict('Canery', 'Canary')).toBe('close');
		expect(verdict('Elastcsearch', 'Elasticsearch')).toBe('close');
		expect(verdict('Distribution Sumary', 'Distribution Summary')).toBe('close');
		expect(verdict('StatefullSet', 'StatefulSet')).toBe('close');
	});

	it('needs an exact match for short answers', () => {
		expect(verdict('INFO', 'WARN')).toBe('wrong');
		expect(verdict('Pull', 'Push')).toBe('wrong');
		expect(verdict('Loko', 'Loki')).toBe('wrong');
		expect(verdict('Tmer', 'Timer')).toBe('close');
		expect(verdict('info', 'INFO')).toBe('exact');
	});

	it('does not forgive a Hangul syllable that makes another word (see hangul.test.ts for slips)', () => {
		expect(verdict('리스크 최대', '리스크 최소')).toBe('wrong');
		expect(verdict('롤백 빠름', '롤백 느림')).toBe('wrong');
		expect(verdict('롤백느림', '롤백 느림')).toBe('exact');
		expect(verdict('상태없는 앱배포', '상태 없는 앱 배포')).toBe('exact');
	});

	it('accepts list items in any order', () => {
		expect(verdict('에러 수, 처리 건수', '처리 건수, 에러 수')).toBe('exact');
		expect(verdict('ELK, Loki', 'Loki, ELK')).toBe('exact');
		expect(verdict('Loki', 'Loki, ELK')).toBe('wrong');
	});

	it('rejects blank and unrelated answers', () => {
		expect(verdict('', 'Canary')).toBe('wrong');
		expect(verdict('  !! ', 'Canary')).toBe('wrong');
		expect(verdict('Deployment', 'DaemonSet')).toBe('wrong');
	});

	it('shows a typo as a character diff', () => {
		const match = checkTypedAnswer('Canery', 'Canary');
		// Close: the person counts it as right or keeps it wrong.
		expect(match.accepted).toBe(false);
		expect(match.diffLevel).toBe('char');
		expect(match.diff).toEqual([
			{ kind: 'same', text: 'Can' },
			{ kind: 'missing', text: 'a' },
			{ kind: 'extra', text: 'e' },
			{ kind: 'same', text: 'ry' }
		]);
	});

	it('shows a wrong phrase as a word diff', () => {
		const match = checkTypedAnswer('상태 없는 앱 배포', '상태 없는 앱 배포, 롤링 업데이트');
		expect(match.verdict).toBe('wrong');
		expect(match.diffLevel).toBe('word');
		expect(match.diff).toEqual([
			{ kind: 'same', text: '상태 없는 앱 배포,' },
			{ kind: 'missing', text: '롤링 업데이트' }
		]);
	});

	it('lets the person overrule a wrong verdict, and only that', () => {
		const wrong = checkTypedAnswer('stateless app', '상태 없는 앱 배포');
		const overruled = overruleTypedMatch(wrong);
		expect(overruled).toMatchObject({ verdict: 'wrong', accepted: true, overruled: true });
		const right = checkTypedAnswer('Canary', 'Canary');
		expect(overruleTypedMatch(right)).toBe(right);
	});
});
