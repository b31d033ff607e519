import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';
import { shapeTable, type KeyedTable, type Shape } from './shape';
import { findTables } from './tables';

const shapeOf = (markdown: string): Shape => shapeTable(findTables('a.md', parseMarkdown(markdown)).tables[0]);

/** A shape that must make cards, seen as plain text: the key and values of each entry. */
function keyed(markdown: string): { transposed: boolean; attributes: string[]; entries: string[][]; note?: string } {
	const shape = shapeOf(markdown);
	if (shape.kind !== 'cards') throw new Error(`skipped: ${shape.reason}`);
	const table: KeyedTable = shape.table;
	return {
		transposed: table.transposed,
		attributes: table.attributes.map((a) => a.name),
		entries: table.entries.map((e) => [e.key.text, ...e.values.map((v) => v.text)]),
		...(shape.note ? { note: shape.note } : {})
	};
}

const reason = (markdown: string) => {
	const shape = shapeOf(markdown);
	return shape.kind === 'skip' ? shape.reason : null;
};

describe('shapeTable: term and attribute tables', () => {
	it('keys a two-column table by its first column', () => {
		expect(keyed('| 타입 | 설명 |\n|---|---|\n| ClusterIP | 내부 |\n| NodePort | 노드 |\n')).toEqual({
			transposed: false,
			attributes: ['설명'],
			entries: [
				['ClusterIP', '내부'],
				['NodePort', '노드']
			]
		});
	});

	it('keeps every other column of a wider table as an attribute, in order', () => {
		const table = keyed('| 전략 | 설명 | 장점 | 단점 |\n|---|---|---|---|\n| Canary | 일부 | 리스크 최소 | 복잡 |\n');
		expect(table.attributes).toEqual(['설명', '장점', '단점']);
		expect(table.entries).toEqual([['Canary', '일부', '리스크 최소', '복잡']]);
	});

	it('treats the owner’s | 항목 | 조건 | 심각도 | alert table as an attribute table', () => {
		const table = keyed(
			'### 주요 알림 항목\n\n| 항목 | 조건 | 심각도 |\n|---|---|---|\n| Error Rate | > 1% | Critical |\n| CPU Usage | > 80% | Warning |\n'
		);
		expect(table.transposed).toBe(false);
		expect(table.attributes).toEqual(['조건', '심각도']);
		expect(table.entries[0]).toEqual(['Error Rate', '> 1%', 'Critical']);
	});

	it('is an attribute table when unsure: a criterion word before attribute headers, or only two columns', () => {
		expect(keyed('| 구분 | 설명 | 예시 |\n|---|---|---|\n| 로그 | 기록 | Loki |\n').transposed).toBe(false);
		expect(keyed('| 기준 | Prometheus |\n|---|---|\n| 수집 | Pull |\n').transposed).toBe(false);
		expect(keyed('| 기준 | Prometheus | |\n|---|---|---|\n| 수집 | Pull | Push |\n').transposed).toBe(false);
		expect(keyed('| Tool | Redis | Memcached |\n|---|---|---|\n| 자료구조 | 다양함 | 문자열 |\n').transposed).toBe(false);
	});

	it('names a column with an empty header by its place', () => {
		expect(keyed('| 키 | | 값 |\n|---|---|---|\n| a | b | c |\n').attributes).toEqual(['#2', '값']);
	});
});

describe('shapeTable: comparison tables', () => {
	it.each(['기준', '비교', '구분', 'Criteria', 'Aspect', 'vs', 'VS.', ''])('transposes a table whose first header is "%s"', (word) => {
		expect(
			keyed(
				`| ${word} | Prometheus | InfluxDB |\n|---|---|---|\n| 데이터 수집 | Pull (스크래핑) | Push |\n| 쿼리 언어 | PromQL | InfluxQL/Flux |\n`
			)
		).toEqual({
			transposed: true,
			attributes: ['데이터 수집', '쿼리 언어'],
			entries: [
				['Prometheus', 'Pull (스크래핑)', 'PromQL'],
				['InfluxDB', 'Push', 'InfluxQL/Flux']
			]
		});
	});

	it('transposes under an "A vs B" title that names every compared column', () => {
		const titled = '## Kafka vs RabbitMQ\n\n| 항목 | Kafka | RabbitMQ |\n|---|---|---|\n| 모델 | 로그 | 큐 |\n';
		expect(keyed(titled).transposed).toBe(true);
		expect(keyed('**Kafka vs NATS:**\n\n| 항목 | Kafka | NATS |\n|---|---|---|\n| 모델 | 로그 | 주제 |\n').transposed).toBe(true);
	});

	// Issue #15: `| 특성 | JSON | BSON |` under "JSON과의 차이점" asked "형식 · BSON".
	it('weighs weak signals together: a criterion word, a heading that compares, name-like headers', () => {
		expect(keyed('**JSON과의 차이점:**\n\n| 특성 | JSON | BSON |\n|---|---|---|\n| 형식 | 텍스트 | 바이너리 |\n').transposed).toBe(true);
		expect(keyed('### L1 vs L2 비교\n\n| 항목 | L1 | L2 |\n|---|---|---|\n| 크기 | 작음 | 큼 |\n').transposed).toBe(true);
		const lead = '**동기 vs 비동기**: 누가 확인하는가\n\n| 구분 | 동기 | 비동기 |\n|---|---|---|\n| 완료 확인 | 호출자 | 콜백 |\n';
		expect(keyed(lead).transposed).toBe(true);
		// One weak signal is not enough, and an attribute header settles it the other way.
		expect(keyed('## 메시징\n\n| 항목 | 카프카 | 큐 |\n|---|---|---|\n| 모델 | 로그 | 큐 |\n').transposed).toBe(false);
		const faults =
			'### 단편화 비교\n\n| 구분 | 발생 위치 | 원인 | 해결 |\n|---|---|---|---|\n| 내부 단편화 | 블록 안 | 고정 크기 | 가변 |\n';
		expect(keyed(faults).transposed).toBe(false);
		// An attribute word the heading names is a compared thing; a partly named heading needs a criterion word.
		expect(
			keyed('**Role vs ClusterRole**:\n\n| 구분 | Role | ClusterRole |\n|---|---|---|\n| 범위 | 네임스페이스 | 클러스터 |\n').transposed
		).toBe(true);
		const volumes =
			'### emptyDir, hostPath의 차이와 사용 사례\n\n| 볼륨 타입 | 생명주기 | 쓰임 |\n|---|---|---|\n| emptyDir | Pod와 함께 | 캐시 |\n';
		expect(keyed(volumes).transposed).toBe(false);
	});
});

describe('shapeTable: directives', () => {
	it('key=N makes column N the key, the other columns attributes in order', () => {
		const table = keyed('<!-- tabledeck: key=2 -->\n| 포트 | 프로토콜 | 용도 |\n|---|---|---|\n| 80 | HTTP | 웹 |\n');
		expect(table.attributes).toEqual(['포트', '용도']);
		expect(table.entries).toEqual([['HTTP', '80', '웹']]);
	});

	it('key=N wins over the comparison guess', () => {
		expect(keyed('<!-- tabledeck: key=1 -->\n| 기준 | A | B |\n|---|---|---|\n| x | 1a | 1b |\n').transposed).toBe(false);
	});

	it('skips a table whose key=N is past its last column', () => {
		expect(reason('<!-- tabledeck: key=4 -->\n| a | b | c |\n|---|---|---|\n| x | y | z |\n')).toBe('key=4 but the table has 3 columns');
	});

	it('transpose turns any table', () => {
		expect(keyed('<!-- tabledeck: transpose -->\n| 항목 | 개발 | 운영 |\n|---|---|---|\n| 로그 레벨 | DEBUG | WARN |\n')).toEqual({
			transposed: true,
			attributes: ['로그 레벨'],
			entries: [
				['개발', 'DEBUG'],
				['운영', 'WARN']
			]
		});
	});
});

describe('shapeTable: category columns', () => {
	const category =
		'| 분류 | 제품 | 특징 |\n|---|---|---|\n| KV | Redis | 인메모리 |\n| KV | etcd | 합의 |\n| 문서 | MongoDB | BSON |\n| 문서 | CouchDB | HTTP |\n';

	it('keys a table whose first column mostly repeats by the first column that names each row once', () => {
		expect(keyed(category)).toEqual({
			transposed: false,
			attributes: ['분류', '특징'],
			entries: [
				['Redis', 'KV', '인메모리'],
				['etcd', 'KV', '합의'],
				['MongoDB', '문서', 'BSON'],
				['CouchDB', '문서', 'HTTP']
			],
			note: '"분류" groups rows, so column 2 "제품" is the key'
		});
	});

	it('skips a grouped table with no column that names each row once', () => {
		expect(reason('| 분류 | 값 |\n|---|---|\n| a | x |\n| a | x |\n| b | y |\n| b | y |\n')).toBe(
			'"분류" groups rows and no column names each row once'
		);
	});

	it('keeps the first column as the key when a single value repeats: that is a typo, reported later', () => {
		expect(keyed('| 키 | 값 |\n|---|---|\n| a | 1 |\n| b | 2 |\n| a | 3 |\n').entries.map((e) => e[0])).toEqual(['a', 'b', 'a']);
	});
});

describe('shapeTable: tables that make no sensible card', () => {
	it.each([
		['a single column', '| 목록 |\n|---|\n| 하나 |\n| 둘 |\n', 'a single column makes no question and answer'],
		['a header only', '| 키 | 값 |\n|---|---|\n', 'the table has a header only'],
		['only empty cells', '| 키 | 값 |\n|---|---|\n|  |  |\n| |\n', 'every cell is empty'],
		['only numbers', '| x | y |\n|---|---|\n| 1 | 2.5 |\n| -3 | 1,000 |\n| 50% | ~5 |\n', 'a grid of numbers makes no cards'],
		['empty key cells', '| 키 | 값 |\n|---|---|\n|  | 주인 없음 |\n|  | 또 없음 |\n', 'every key cell is empty'],
		['two columns of one name', '| 명령 | 설명 | 설명 |\n|---|---|---|\n| ls | 목록 | 보기 |\n', 'two columns are named "설명"'],
		[
			'two compared rows of one name',
			'| 기준 | A | B |\n|---|---|---|\n| 속도 | 빠름 | 느림 |\n| 속도 | 1 | 2 |\n',
			'two rows are named "속도"'
		]
	])('skips a table with %s', (_, markdown, why) => {
		expect(reason(markdown)).toBe(why);
	});

	it('skips a 10-column grid of numbers', () => {
		const row = (from: number) => `| ${Array.from({ length: 10 }, (_, i) => from + i).join(' | ')} |`;
		const grid = [row(0), `|${'---|'.repeat(10)}`, row(10), row(20), row(30)].join('\n');
		expect(reason(grid)).toBe('a grid of numbers makes no cards');
	});
});
