/**
 * Test-only: hand-built cards shaped like the deck build makes them (see src/lib/notes/cards.ts),
 * so quiz tests need no notes parser. Ids are readable: `table/key/column/direction`.
 */
import type { Card } from '../notes/types';
import { escapeHtml } from './normalize';

export interface TableSpec {
	tableId: string;
	deckId?: string;
	/** The attribute headers (every header but the key column's). */
	columns: string[];
	/** `[key, ...values]`; an empty value makes no card, as in the build. */
	rows: string[][];
}

export function tableCards({ tableId, deckId = `deck-${tableId}`, columns, rows }: TableSpec): Card[] {
	const term = columns.length === 1;
	const firstValues = new Map<string, number>();
	for (const row of rows) firstValues.set(row[1], (firstValues.get(row[1]) ?? 0) + 1);
	const cards: Card[] = [];
	for (const [key, ...values] of rows) {
		columns.forEach((column, i) => {
			const value = values[i] ?? '';
			if (!value) return;
			const front = term ? key : `${key} · ${column}`;
			const keyHtml = `<strong>${escapeHtml(key)}</strong>`;
			const frontHtml = term ? keyHtml : `${keyHtml} · ${escapeHtml(column)}`;
			cards.push(card(tableId, deckId, key, column, 'forward', front, frontHtml, value, escapeHtml(value)));
			if (i === 0 && firstValues.get(value) === 1)
				cards.push(card(tableId, deckId, key, column, 'reverse', value, escapeHtml(value), key, keyHtml));
		});
	}
	return cards;
}

/** A comparison table `| 기준 | A | B |`: each compared thing becomes a row key, each criterion a column. */
export function comparisonCards(tableId: string, criteria: string[], things: Record<string, string[]>, deckId?: string): Card[] {
	return tableCards({ tableId, deckId, columns: criteria, rows: Object.entries(things).map(([thing, values]) => [thing, ...values]) });
}

function card(
	tableId: string,
	deckId: string,
	rowKey: string,
	column: string,
	direction: Card['direction'],
	frontText: string,
	front: string,
	backText: string,
	back: string
): Card {
	return {
		id: `${tableId}/${rowKey}/${column}/${direction}`,
		deckId,
		front,
		back,
		frontText,
		backText,
		source: { file: 'test.md', line: 1 },
		tableId,
		rowKey,
		column,
		direction
	};
}

export const serviceTypes = tableCards({
	tableId: 'service-types',
	columns: ['설명'],
	rows: [
		['ClusterIP', '클러스터 내부에서만 접근 (기본)'],
		['NodePort', '노드 포트로 외부 노출'],
		['LoadBalancer', '클라우드 로드밸런서 연결'],
		['ExternalName', '외부 DNS 매핑']
	]
});

export const deployStrategies = tableCards({
	tableId: 'deploy',
	columns: ['설명', '장점', '단점'],
	rows: [
		['Rolling', '점진적 교체', '무중단', '롤백 느림'],
		['Blue/Green', '환경 전환', '즉시 롤백', '리소스 2배'],
		['Canary', '일부에만 배포', '리스크 최소', '복잡'],
		['A/B Testing', '사용자 분할', '실험 가능', '복잡']
	]
});

export const logLevels = tableCards({
	tableId: 'log-levels',
	columns: ['용도', '예시'],
	rows: [
		['ERROR', '즉시 조치 필요', '외부 API 실패, DB 연결 실패'],
		['WARN', '잠재적 문제', '재시도 성공, 임계치 근접'],
		['INFO', '비즈니스 이벤트', '주문 생성, 결제 완료'],
		['DEBUG', '개발/디버깅용', '요청/응답 상세']
	]
});

export const elkVsLgtm = comparisonCards('elk-lgtm', ['로그', '시각화', '메트릭'], {
	ELK: ['Elasticsearch', 'Kibana', '별도 구성 필요'],
	LGTM: ['Loki', 'Grafana', 'Mimir (Prometheus 호환)']
});

export const singleTerm = tableCards({ tableId: 'single-term', columns: ['설명'], rows: [['Pod', '가장 작은 배포 단위']] });

export const singleAttribute = tableCards({
	tableId: 'single-attr',
	columns: ['용도', '예시'],
	rows: [['Counter', '누적 카운트', '처리 건수']]
});

export const twoRowTerm = tableCards({
	tableId: 'two-rows',
	columns: ['설명'],
	rows: [
		['Pull', '스크래핑'],
		['Push', '전송']
	]
});
