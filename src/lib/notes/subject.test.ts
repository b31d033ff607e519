import { describe, expect, it } from 'vitest';
import { headingSubject } from './subject';

describe('headingSubject: what a heading is about', () => {
	it('is a short heading itself, without its id or number', () => {
		expect(headingSubject('Redis 영속성')).toBe('Redis 영속성');
		expect(headingSubject('12. 기본 상태')).toBe('기본 상태');
	});

	it('is the thing a question defines, or its first noun phrase after a one-word scope', () => {
		expect(headingSubject('33. 쓰기 작업의 확인 수준을 지정하는 Write Concern이란 무엇이며 어떻게 설정하나요?')).toBe('Write Concern');
		expect(headingSubject('18. 여러 필드를 조합한 Compound Index(복합 인덱스)란 무엇이며 언제 사용하나요?')).toBe('Compound Index');
		expect(headingSubject('kubectl logs 명령어의 다양한 옵션(-f, --previous, -c, --since)을 설명해주세요. (K8S-101)')).toBe(
			'kubectl logs 명령어'
		);
		expect(headingSubject('Kubernetes에서 Memory limits을 초과했을 때와 CPU limits을 초과했을 때의 동작 차이를 설명해주세요.')).toBe(
			'Memory limits'
		);
		expect(headingSubject('@Transactional 은 어떤 기능을 하나요? (SPRING-015)')).toBe('@Transactional');
	});

	it('is empty when the question starts with a clause, not a name', () => {
		expect(headingSubject('Kubernetes에서 requests만 설정했을 때와 limits만 설정했을 때의 동작 차이를 설명해주세요. (K8S-069)')).toBe('');
		expect(headingSubject('우리는 스케줄링 알고리즘을 "프로세스" 스케줄링 알고리즘이라고 부릅니다. 왜 그럴까요?')).toBe('');
	});
});
