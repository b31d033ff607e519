/** The owner's notes (decks/infra-monitoring.md): the tables they named come out exactly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNote } from './build';
import { brief, cardsIn, OWNER_NOTES } from './testing';

const FILE = 'infra-monitoring.md';
const compiled = compileNote({ file: FILE, bytes: readFileSync(join(OWNER_NOTES, FILE)) });
const note = compiled.decks!;

describe('the owner’s notes', () => {
	it('compile with no problem and no warning', () => {
		expect(compiled.problems).toEqual([]);
		expect(compiled.warnings).toEqual([]);
		expect(note.cards.length).toBe(190);
	});

	it('form a tree: note → ## section → ### table, titled by their headings', () => {
		expect(note.decks.map((d) => [d.path.slice(1).join(' › '), d.cardCount])).toEqual([
			['', 190],
			['Kubernetes 핵심 개념', 34],
			['Kubernetes 핵심 개념 › Pod', 7],
			['Kubernetes 핵심 개념 › 주요 리소스', 18],
			['Kubernetes 핵심 개념 › 서비스 타입', 9],
			['Docker 최적화', 8],
			['Docker 최적화 › 이미지 크기 최소화', 8],
			['CI/CD 패턴', 17],
			['CI/CD 패턴 › 배포 전략', 17],
			['LGTM 스택', 26],
			['LGTM 스택 › 구성요소', 13],
			['LGTM 스택 › LGTM vs ELK', 13],
			['Observability Three Pillars', 13],
			['Micrometer', 13],
			['Micrometer › 메트릭 타입', 13],
			['Grafana Alert', 10],
			['Grafana Alert › 주요 알림 항목', 10],
			['SLI / SLO / SLA', 9],
			['메트릭 프레임워크', 14],
			['메트릭 프레임워크 › RED 메트릭 (Request-oriented)', 7],
			['메트릭 프레임워크 › USE 메트릭 (Resource-oriented)', 7],
			['로그 전략', 13],
			['로그 전략 › 로그 레벨', 13],
			['Prometheus vs InfluxDB', 10],
			['장애 대응', 8],
			['장애 대응 › On-call 가이드', 8],
			['성능 튜닝', 8],
			['성능 튜닝 › 부하 테스트', 8],
			['OpenTelemetry', 7],
			['OpenTelemetry › 구성요소', 7]
		]);
		const [root] = note.decks;
		expect(root).toMatchObject({ title: '인프라 / 모니터링', parentId: null, path: ['인프라 / 모니터링'], file: FILE });
		const byPath = new Map(note.decks.map((d) => [JSON.stringify(d.path), d]));
		for (const deck of note.decks.slice(1)) {
			expect(deck.title).toBe(deck.path.at(-1));
			expect(deck.parentId).toBe(byPath.get(JSON.stringify(deck.path.slice(0, -1)))!.id);
		}
	});

	it('put a table right under a ## heading in that section’s deck', () => {
		const section = note.decks.find((d) => d.title === 'SLI / SLO / SLA')!;
		expect(note.decks.filter((d) => d.parentId === section.id)).toEqual([]);
		expect(cardsIn(note, 'SLI / SLO / SLA').every((c) => c.deckId === section.id)).toBe(true);
	});

	it('keep the ids the README documents, so that progress survives rebuilds', () => {
		expect(note.decks[0].id).toBe('51fbb414d38f0f09');
		expect(cardsIn(note, 'Kubernetes 핵심 개념', '서비스 타입')[0]).toEqual({
			id: '8fc0d51c25fdf1ae',
			deckId: 'd94e081778a5a763',
			front: '<strong>ClusterIP</strong>',
			back: '클러스터 내부에서만 접근 (기본)',
			frontText: 'ClusterIP',
			backText: '클러스터 내부에서만 접근 (기본)',
			source: { file: FILE, line: 31 },
			tableId: 'dd7f15e82e4cd4e3',
			rowKey: 'ClusterIP',
			column: '설명',
			direction: 'forward'
		});
	});
});

describe('the tables the owner named', () => {
	it('service types: every type both ways', () => {
		expect(brief(cardsIn(note, 'Kubernetes 핵심 개념', '서비스 타입'))).toEqual([
			['forward', '설명', 'ClusterIP', '클러스터 내부에서만 접근 (기본)'],
			['reverse', '설명', '설명: 클러스터 내부에서만 접근 (기본) → 타입', 'ClusterIP'],
			['forward', '설명', 'NodePort', '노드 포트로 외부 노출'],
			['reverse', '설명', '설명: 노드 포트로 외부 노출 → 타입', 'NodePort'],
			['forward', '설명', 'LoadBalancer', '클라우드 로드밸런서 연결'],
			['reverse', '설명', '설명: 클라우드 로드밸런서 연결 → 타입', 'LoadBalancer'],
			['forward', '설명', 'ExternalName', '외부 DNS 매핑'],
			['reverse', '설명', '설명: 외부 DNS 매핑 → 타입', 'ExternalName'],
			['forward', '타입', '서비스 타입: 타입 4가지?', 'ClusterIP, NodePort, LoadBalancer, ExternalName']
		]);
	});

	it('deployment strategies: each attribute, and 설명 reversed', () => {
		expect(brief(cardsIn(note, 'CI/CD 패턴', '배포 전략'))).toEqual([
			['forward', '설명', 'Rolling · 설명', '점진적 교체'],
			['reverse', '설명', '설명: 점진적 교체 → 전략', 'Rolling'],
			['forward', '장점', 'Rolling · 장점', '무중단'],
			['forward', '단점', 'Rolling · 단점', '롤백 느림'],
			['forward', '설명', 'Blue/Green · 설명', '환경 전환'],
			['reverse', '설명', '설명: 환경 전환 → 전략', 'Blue/Green'],
			['forward', '장점', 'Blue/Green · 장점', '즉시 롤백'],
			['forward', '단점', 'Blue/Green · 단점', '리소스 2배'],
			['forward', '설명', 'Canary · 설명', '일부에만 배포'],
			['reverse', '설명', '설명: 일부에만 배포 → 전략', 'Canary'],
			['forward', '장점', 'Canary · 장점', '리스크 최소'],
			['forward', '단점', 'Canary · 단점', '복잡'],
			['forward', '설명', 'A/B Testing · 설명', '사용자 분할'],
			['reverse', '설명', '설명: 사용자 분할 → 전략', 'A/B Testing'],
			['forward', '장점', 'A/B Testing · 장점', '실험 가능'],
			['forward', '단점', 'A/B Testing · 단점', '복잡'],
			['forward', '전략', '배포 전략: 전략 4가지?', 'Rolling, Blue/Green, Canary, A/B Testing']
		]);
	});

	it('Micrometer metric types: examples asked as clues, not as answers', () => {
		expect(brief(cardsIn(note, 'Micrometer', '메트릭 타입'))).toEqual([
			['forward', '용도', 'Counter · 용도', '누적 카운트'],
			['reverse', '예시', '예시: 처리 건수, 에러 수 → 타입', 'Counter'],
			['reverse', '용도', '용도: 누적 카운트 → 타입', 'Counter'],
			['forward', '용도', 'Gauge · 용도', '현재 값'],
			['reverse', '예시', '예시: 커넥션 풀 크기, 큐 길이 → 타입', 'Gauge'],
			['reverse', '용도', '용도: 현재 값 → 타입', 'Gauge'],
			['forward', '용도', 'Timer · 용도', '시간 측정'],
			['reverse', '예시', '예시: 응답 시간, 처리 시간 → 타입', 'Timer'],
			['reverse', '용도', '용도: 시간 측정 → 타입', 'Timer'],
			['forward', '용도', 'Distribution Summary · 용도', '값 분포'],
			['reverse', '예시', '예시: 요청 크기, 배치 크기 → 타입', 'Distribution Summary'],
			['reverse', '용도', '용도: 값 분포 → 타입', 'Distribution Summary'],
			['forward', '타입', '메트릭 타입: 타입 4가지?', 'Counter, Gauge, Timer, Distribution Summary']
		]);
	});

	it('log levels', () => {
		expect(brief(cardsIn(note, '로그 전략', '로그 레벨'))).toEqual([
			['forward', '용도', 'ERROR · 용도', '즉시 조치 필요'],
			['reverse', '예시', '예시: 외부 API 실패, DB 연결 실패 → 레벨', 'ERROR'],
			['reverse', '용도', '용도: 즉시 조치 필요 → 레벨', 'ERROR'],
			['forward', '용도', 'WARN · 용도', '잠재적 문제'],
			['reverse', '예시', '예시: 재시도 성공, 임계치 근접 → 레벨', 'WARN'],
			['reverse', '용도', '용도: 잠재적 문제 → 레벨', 'WARN'],
			['forward', '용도', 'INFO · 용도', '비즈니스 이벤트'],
			['reverse', '예시', '예시: 주문 생성, 결제 완료 → 레벨', 'INFO'],
			['reverse', '용도', '용도: 비즈니스 이벤트 → 레벨', 'INFO'],
			['forward', '용도', 'DEBUG · 용도', '개발/디버깅용'],
			['reverse', '예시', '예시: 요청/응답 상세 → 레벨', 'DEBUG'],
			['reverse', '용도', '용도: 개발/디버깅용 → 레벨', 'DEBUG'],
			['forward', '레벨', '로그 레벨: 레벨 순서 (ERROR → …)?', 'ERROR → WARN → INFO → DEBUG']
		]);
	});

	it('SLI / SLO / SLA, with the bold part of each key kept as HTML', () => {
		const cards = cardsIn(note, 'SLI / SLO / SLA');
		expect(brief(cards)).toEqual([
			['forward', '설명', 'SLI (Indicator) · 설명', '서비스 수준 지표'],
			['reverse', '예시', '예시: p99 응답 시간, 에러율 → 개념', 'SLI (Indicator)'],
			['reverse', '설명', '설명: 서비스 수준 지표 → 개념', 'SLI (Indicator)'],
			['forward', '설명', 'SLO (Objective) · 설명', '서비스 수준 목표'],
			['reverse', '예시', '예시: p99 < 200ms, 에러율 < 0.1% → 개념', 'SLO (Objective)'],
			['reverse', '설명', '설명: 서비스 수준 목표 → 개념', 'SLO (Objective)'],
			['forward', '설명', 'SLA (Agreement) · 설명', '서비스 수준 협약'],
			['reverse', '예시', '예시: 99.9% 가용성 미달 시 크레딧 → 개념', 'SLA (Agreement)'],
			['reverse', '설명', '설명: 서비스 수준 협약 → 개념', 'SLA (Agreement)']
		]);
		expect(cards[3].front).toBe('<strong>SLO</strong> (Objective) · 설명');
		expect(cards[4].front).toBe('예시: p99 &#x3C; 200ms, 에러율 &#x3C; 0.1% → 개념');
	});

	it('Prometheus vs InfluxDB: a comparison, asked per compared column', () => {
		expect(brief(cardsIn(note, 'Prometheus vs InfluxDB'))).toEqual([
			['forward', '데이터 수집', 'Prometheus · 데이터 수집', 'Pull (스크래핑)'],
			['reverse', '데이터 수집', '데이터 수집: Pull (스크래핑) → Prometheus / InfluxDB', 'Prometheus'],
			['forward', '쿼리 언어', 'Prometheus · 쿼리 언어', 'PromQL'],
			['forward', '고가용성', 'Prometheus · 고가용성', '자체 없음 (Thanos/Mimir)'],
			['forward', '생태계', 'Prometheus · 생태계', 'Kubernetes 표준'],
			['forward', '데이터 수집', 'InfluxDB · 데이터 수집', 'Push'],
			['reverse', '데이터 수집', '데이터 수집: Push → Prometheus / InfluxDB', 'InfluxDB'],
			['forward', '쿼리 언어', 'InfluxDB · 쿼리 언어', 'InfluxQL/Flux'],
			['forward', '고가용성', 'InfluxDB · 고가용성', '클러스터 지원'],
			['forward', '생태계', 'InfluxDB · 생태계', 'IoT에 강점']
		]);
	});

	it('the alert table: an attribute table, not a comparison, and no thresholds asked backwards', () => {
		expect(brief(cardsIn(note, 'Grafana Alert', '주요 알림 항목'))).toEqual([
			['forward', '조건', 'Error Rate · 조건', '> 1%'],
			['forward', '심각도', 'Error Rate · 심각도', 'Critical'],
			['forward', '조건', 'Response Time p99 · 조건', '> 500ms'],
			['forward', '심각도', 'Response Time p99 · 심각도', 'Warning'],
			['forward', '조건', 'CPU Usage · 조건', '> 80%'],
			['forward', '심각도', 'CPU Usage · 심각도', 'Warning'],
			['forward', '조건', 'Memory Usage · 조건', '> 85%'],
			['forward', '심각도', 'Memory Usage · 심각도', 'Warning'],
			['forward', '조건', 'Kafka Lag · 조건', '> 10000'],
			['forward', '심각도', 'Kafka Lag · 심각도', 'Critical']
			// No "항목 5가지?": `주요` says these are the owner's picks among the alerts one could set.
		]);
	});

	it('LGTM vs ELK: the other comparison, keyed by the stacks', () => {
		const cards = cardsIn(note, 'LGTM 스택', 'LGTM vs ELK');
		// The one rated row (리소스 사용량 높음 / 낮음) is asked once, as which stack uses more.
		expect(new Set(cards.map((c) => c.rowKey))).toEqual(new Set(['ELK', 'LGTM', '']));
		expect(brief(cards.filter((c) => c.column === '리소스 사용량'))).toEqual([
			['forward', '리소스 사용량', 'LGTM vs ELK › 리소스 사용량: 더 높은 쪽 (ELK / LGTM)?', 'ELK']
		]);
		expect(brief(cards.filter((c) => c.column === '로그'))).toEqual([
			['forward', '로그', 'ELK · 로그', 'Elasticsearch'],
			['reverse', '로그', '로그: Elasticsearch → ELK / LGTM', 'ELK'],
			['forward', '로그', 'LGTM · 로그', 'Loki'],
			['reverse', '로그', '로그: Loki → ELK / LGTM', 'LGTM']
		]);
	});

	it('keep **L**oki as "Loki" in plain text and rowKey', () => {
		const loki = cardsIn(note, 'LGTM 스택', '구성요소').filter((c) => c.rowKey === 'Loki');
		expect(brief(loki)).toEqual([
			// `구성요소` says what kind of table it is, not whose: the question names the stack.
			['forward', '역할', 'LGTM 스택 구성요소 › Loki · 역할', '로그'],
			['reverse', '역할', '역할: 로그 → 구성 (LGTM 스택 구성요소)', 'Loki'],
			['forward', '설명', 'LGTM 스택 구성요소 › Loki · 설명', '레이블 기반 로그 저장소']
		]);
		expect(loki[0].front).toBe('LGTM 스택 구성요소 › <strong>L</strong>oki · 역할');
	});
});
