import { describe, expect, it } from 'vitest';
import { tableCards } from './cards';
import { parseMarkdown } from './markdown';
import { shapeTable } from './shape';
import { findTables } from './tables';
import { brief, decksOf } from './testing';

function cardsOf(markdown: string, noReverse = false) {
	const shape = shapeTable(findTables('n.md', parseMarkdown(markdown)).tables[0]);
	if (shape.kind !== 'cards') throw new Error(shape.reason);
	return tableCards(shape.table, { file: 'n.md', deckId: 'deck', tableId: 'table', noReverse });
}

describe('tableCards', () => {
	it('asks a term table both ways: key → value and value → key', () => {
		const { cards, problems, warnings } = cardsOf('| 타입 | 설명 |\n|---|---|\n| **ClusterIP** | 클러스터 내부에서만 접근 (기본) |\n');
		expect(problems).toEqual([]);
		expect(warnings).toEqual([]);
		expect(cards).toEqual([
			expect.objectContaining({ front: '<strong>ClusterIP</strong>', back: '클러스터 내부에서만 접근 (기본)', direction: 'forward' }),
			expect.objectContaining({
				front: '설명: 클러스터 내부에서만 접근 (기본) → 타입',
				back: '<strong>ClusterIP</strong>',
				direction: 'reverse'
			})
		]);
		for (const card of cards) {
			expect(card).toMatchObject({
				deckId: 'deck',
				tableId: 'table',
				rowKey: 'ClusterIP',
				column: '설명',
				source: { file: 'n.md', line: 3 }
			});
		}
	});

	// Reverse cards come after all forward ones, so a new card's reverse is not asked right after it.
	it('asks an attribute table "key · column" for every column, and reverses the first column only', () => {
		const { cards } = cardsOf('| 전략 | 설명 | 장점 | 단점 |\n|---|---|---|---|\n| **Canary** | 일부에만 배포 | 리스크 최소 | 복잡 |\n');
		expect(brief(cards)).toEqual([
			['forward', '설명', 'Canary · 설명', '일부에만 배포'],
			['forward', '장점', 'Canary · 장점', '리스크 최소'],
			['forward', '단점', 'Canary · 단점', '복잡'],
			['reverse', '설명', '설명: 일부에만 배포 → 전략', 'Canary']
		]);
		expect(cards[0].front).toBe('<strong>Canary</strong> · 설명');
	});

	it('asks a comparison table about each compared column, with the line of the row asked', () => {
		const { cards } = cardsOf(
			'| 기준 | Prometheus | InfluxDB |\n|---|---|---|\n| 데이터 수집 | Pull (스크래핑) | Push |\n| 쿼리 언어 | PromQL | InfluxQL/Flux |\n'
		);
		expect(brief(cards)).toEqual([
			['forward', '데이터 수집', 'Prometheus · 데이터 수집', 'Pull (스크래핑)'],
			['forward', '쿼리 언어', 'Prometheus · 쿼리 언어', 'PromQL'],
			['forward', '데이터 수집', 'InfluxDB · 데이터 수집', 'Push'],
			['forward', '쿼리 언어', 'InfluxDB · 쿼리 언어', 'InfluxQL/Flux'],
			['reverse', '데이터 수집', '데이터 수집: Pull (스크래핑) → Prometheus / InfluxDB', 'Prometheus'],
			['reverse', '데이터 수집', '데이터 수집: Push → Prometheus / InfluxDB', 'InfluxDB']
		]);
		expect(cards.map((c) => [c.rowKey, c.source.line])).toEqual([
			['Prometheus', 3],
			['Prometheus', 4],
			['InfluxDB', 3],
			['InfluxDB', 4],
			['Prometheus', 3],
			['InfluxDB', 3]
		]);
	});

	// Regression: a comparison with a single criterion row asked "Prometheus?" without saying about what.
	it('names the criterion even when a comparison has one row', () => {
		const { cards } = cardsOf('| 기준 | Prometheus | InfluxDB |\n|---|---|---|\n| 데이터 수집 | Pull | Push |\n');
		expect(cards.filter((c) => c.direction === 'forward').map((c) => c.frontText)).toEqual([
			'Prometheus · 데이터 수집',
			'InfluxDB · 데이터 수집'
		]);
	});

	it('makes no reverse cards with no-reverse', () => {
		const { cards } = cardsOf('| a | b | c |\n|---|---|---|\n| x | 1x | 2x |\n| y | 1y | 2y |\n', true);
		expect(cards.map((c) => c.direction)).toEqual(['forward', 'forward', 'forward', 'forward']);
	});

	it('leaves out a reverse card whose front two rows share, and keeps their forward cards', () => {
		const { cards } = cardsOf(
			'| 이름 | 설명 |\n|---|---|\n| Canary | 일부에 먼저 |\n| A/B | 일부에 먼저 |\n| Rolling | 점진적 교체 |\n| Recreate | 모두 내리고 새로 |\n'
		);
		expect(brief(cards)).toEqual([
			['forward', '설명', 'Canary', '일부에 먼저'],
			['forward', '설명', 'A/B', '일부에 먼저'],
			['forward', '설명', 'Rolling', '점진적 교체'],
			['forward', '설명', 'Recreate', '모두 내리고 새로'],
			['reverse', '설명', '설명: 점진적 교체 → 이름', 'Rolling'],
			['reverse', '설명', '설명: 모두 내리고 새로 → 이름', 'Recreate']
		]);
	});

	// Issue #15: `높음 → ?`, `> 80% → CPU Usage`, `O`: fronts with many right answers.
	it('makes no reverse card from a rating, yes/no, number or threshold', () => {
		const ratings = cardsOf('| 도구 | 난이도 |\n|---|---|\n| k6 | 쉬움 |\n| JMeter | 어려움 |\n| Gatling | 보통 |\n');
		expect(ratings.cards.map((c) => c.direction)).toEqual(['forward', 'forward', 'forward']);
		expect(ratings.columns).toEqual([
			{ column: '난이도', note: 'no reverse cards: values are numbers, ratings or too short to name a row' }
		]);
		const alerts = cardsOf('| 항목 | 조건 | 심각도 |\n|---|---|---|\n| Error Rate | > 1% | Critical |\n| CPU Usage | > 80% | Warning |\n');
		expect(alerts.cards.filter((c) => c.direction === 'reverse')).toEqual([]);
		const marks = cardsOf('| 기능 | 지원 |\n|---|---|\n| TLS | O |\n| mTLS | X |\n| SSO | ✅ |\n');
		expect(marks.cards.filter((c) => c.direction === 'reverse')).toEqual([]);
	});

	it('asks an example column backwards only: an example is a clue, not an answer', () => {
		const { cards, columns } = cardsOf(
			'| 타입 | 용도 | 예시 |\n|---|---|---|\n| Counter | 누적 카운트 | 처리 건수 |\n| Gauge | 현재 값 | 큐 길이 |\n'
		);
		expect(brief(cards)).toEqual([
			['forward', '용도', 'Counter · 용도', '누적 카운트'],
			['forward', '용도', 'Gauge · 용도', '현재 값'],
			['reverse', '용도', '용도: 누적 카운트 → 타입', 'Counter'],
			['reverse', '예시', '예시: 처리 건수 → 타입', 'Counter'],
			['reverse', '용도', '용도: 현재 값 → 타입', 'Gauge'],
			['reverse', '예시', '예시: 큐 길이 → 타입', 'Gauge']
		]);
		expect(columns).toEqual([
			{ column: '예시', note: 'no forward cards: examples have many right answers; they are asked as clues instead' }
		]);
	});

	it('asks nothing of a placeholder cell, a column that says the same in every row, or a column of links', () => {
		const { cards } = cardsOf(
			'| 명령 | 설명 | 대체 | 상태 | 참고 |\n|---|---|---|---|---|\n| ls | 목록 보기 | - | ✅ | [문서](https://a.io) |\n| cp | 복사 | N/A | ✅ | x.com |\n| mv | 이동 | rename | ✅ | y.com |\n'
		);
		expect(cards.filter((c) => c.direction === 'forward').map((c) => c.frontText)).toEqual([
			'ls · 설명',
			'cp · 설명',
			'mv · 설명',
			'mv · 대체'
		]);
		// A reference column is not a clue either (the corpus asked "18 million visitors → Pinterest").
		const refs = cardsOf(
			'| Company | Reference(s) |\n|---|---|\n| Pinterest | 18 million visitors, 10x growth |\n| Playfish | 50 million monthly users |\n'
		);
		expect(refs.cards).toEqual([]);
	});

	it('names the key column when the key alone says nothing: `/24`, `1`', () => {
		const { cards } = cardsOf('| CIDR | 주소 수 |\n|---|---|\n| /24 | 256 |\n| /16 | 65,536 |\n');
		expect(brief(cards)).toEqual([
			['forward', '주소 수', 'CIDR: /24 · 주소 수', '256'],
			['forward', '주소 수', 'CIDR: /16 · 주소 수', '65,536']
		]);
	});

	it('makes no card with an empty side, or whose answer is its own key', () => {
		const { cards } = cardsOf('| 키 | 값 | 비고 |\n|---|---|---|\n| a |  | x |\n| same | same | y |\n| **b** | b | b |\n');
		expect(brief(cards)).toEqual([
			['forward', '비고', '키: a · 비고', 'x'],
			['forward', '비고', 'same · 비고', 'y']
		]);
		const term = cardsOf('| 키 | 값 |\n|---|---|\n| same | same |\n| xy | 다른 값 |\n').cards;
		expect(brief(term)).toEqual([
			['forward', '값', 'xy', '다른 값'],
			['reverse', '값', '값: 다른 값 → 키', 'xy']
		]);
	});

	it('skips a row with an empty key with a warning, and a blank row silently', () => {
		const { cards, warnings } = cardsOf('| 키 | 값 |\n|---|---|\n| a | 1 |\n|  | 주인 없음 |\n|  |  |\n');
		expect(cards.map((c) => c.rowKey)).toEqual(['a']);
		expect(warnings).toEqual([{ file: 'n.md', line: 4, column: 1, message: 'row skipped: its key cell is empty' }]);
	});

	it('reports every repeat of a key, with the line of its first use', () => {
		const { problems } = cardsOf('| 키 | 값 |\n|---|---|\n| a | 1 |\n| b | 2 |\n| c | 3 |\n| a | 4 |\n| **a** | 5 |\n');
		expect(problems).toEqual([
			{
				file: 'n.md',
				line: 6,
				column: 1,
				message: 'duplicate key "a" in one table (first at line 3); add <!-- tabledeck: key=N --> or rename one'
			},
			{
				file: 'n.md',
				line: 7,
				column: 1,
				message: 'duplicate key "a" in one table (first at line 3); add <!-- tabledeck: key=N --> or rename one'
			}
		]);
	});

	it('gives every card of a table its own id, the same for the same key, column and direction', () => {
		const first = cardsOf('| a | b | c |\n|---|---|---|\n| x | 1 | 2 |\n| y | 3 | 4 |\n').cards;
		const edited = cardsOf('| a | b | c |\n|---|---|---|\n| x | 9 | 8 |\n| y | 7 | 6 |\n').cards;
		expect(new Set(first.map((c) => c.id)).size).toBe(first.length);
		expect(edited.map((c) => c.id)).toEqual(first.map((c) => c.id));
	});
});

describe('a card whose answer is already written in its key (issue #15)', () => {
	it('is not made; a column name sharing the answer’s word does not count', () => {
		const cards = decksOf(
			'# K8s\n\n### CSI 드라이버\n\n| 드라이버 | 스토리지 | 설명 |\n|---|---|---|\n| csi-driver-nfs | NFS | 네트워크 파일 공유 |\n| aws-ebs-csi-driver | AWS EBS | 블록 볼륨 |\n| ceph-csi | Ceph RBD | 분산 스토리지 |\n\n### 스케줄링\n\n| 알고리즘 | 선점 여부 |\n|---|---|\n| FCFS | 비선점 |\n| SRTF | 선점 |\n'
		).cards;
		const fronts = cards.filter((card) => card.direction === 'forward' && !card.kind).map((card) => `${card.frontText} → ${card.backText}`);
		expect(fronts).not.toContain('csi-driver-nfs · 스토리지 → NFS');
		expect(fronts).not.toContain('aws-ebs-csi-driver · 스토리지 → AWS EBS');
		expect(fronts).toContain('ceph-csi · 스토리지 → Ceph RBD');
		expect(fronts).toContain('csi-driver-nfs · 설명 → 네트워크 파일 공유');
		expect(fronts).toContain('SRTF · 선점 여부 → 선점');
	});
});

describe('reverse cards need a clue that names one row (issue #15)', () => {
	it('counts values equal but for a trailing aside as one, and keeps a value that is all aside', () => {
		const cards = decksOf(
			'# N\n\n### 정책\n\n| 상황 | 권장 알고리즘 | 비고 |\n|---|---|---|\n| 일반 캐시 | 최근 사용 기준 교체 | a |\n| 고정 지연 | 최근 사용 기준 교체 (고정 크기) | b |\n| 빈도 중시 | 참조 횟수 기준 교체 | c |\n| 모름 | (정해지지 않음) | d |\n'
		).cards;
		const reverse = cards.filter((card) => card.direction === 'reverse').map((card) => card.backText);
		expect(reverse).toEqual(['빈도 중시', '모름']);
	});
});
