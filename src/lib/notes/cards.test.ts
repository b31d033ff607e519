import { describe, expect, it } from 'vitest';
import { tableCards } from './cards';
import { parseMarkdown } from './markdown';
import { shapeTable } from './shape';
import { findTables } from './tables';
import { brief } from './testing';

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
			expect.objectContaining({ front: '클러스터 내부에서만 접근 (기본)', back: '<strong>ClusterIP</strong>', direction: 'reverse' })
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
			['reverse', '설명', '일부에만 배포', 'Canary']
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
			['reverse', '데이터 수집', 'Pull (스크래핑)', 'Prometheus'],
			['reverse', '데이터 수집', 'Push', 'InfluxDB']
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
		const { cards } = cardsOf('| 이름 | 복잡도 |\n|---|---|\n| Canary | 복잡 |\n| A/B | 복잡 |\n| Rolling | 단순 |\n');
		expect(brief(cards)).toEqual([
			['forward', '복잡도', 'Canary', '복잡'],
			['forward', '복잡도', 'A/B', '복잡'],
			['forward', '복잡도', 'Rolling', '단순'],
			['reverse', '복잡도', '단순', 'Rolling']
		]);
	});

	it('makes no card with an empty side or a front equal to its back', () => {
		const { cards } = cardsOf('| 키 | 값 | 비고 |\n|---|---|---|\n| a |  | x |\n| same | same | y |\n| **b** | b | b |\n');
		expect(brief(cards)).toEqual([
			['forward', '비고', 'a · 비고', 'x'],
			['forward', '값', 'same · 값', 'same'],
			['forward', '비고', 'same · 비고', 'y'],
			['forward', '값', 'b · 값', 'b'],
			['forward', '비고', 'b · 비고', 'b']
		]);
		const term = cardsOf('| 키 | 값 |\n|---|---|\n| same | same |\n| x | y |\n').cards;
		expect(brief(term)).toEqual([
			['forward', '값', 'x', 'y'],
			['reverse', '값', 'y', 'x']
		]);
	});

	it('skips a row with an empty key with a warning, and a blank row silently', () => {
		const { cards, warnings } = cardsOf('| 키 | 값 |\n|---|---|\n| a | 1 |\n|  | 주인 없음 |\n|  |  |\n');
		expect(cards.map((c) => c.rowKey)).toEqual(['a', 'a']);
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
