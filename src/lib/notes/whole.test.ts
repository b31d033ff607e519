import { describe, expect, it } from 'vitest';
import { buildQuiz } from '../quiz/build-quiz';
import { checkTypedAnswer } from '../quiz/match';
import { QuizIndex } from '../quiz/quiz-index';
import { mulberry32 } from '../quiz/rng';
import type { TypedQuestion } from '../quiz/types';
import { compileText, decksOf } from './testing';
import type { Card } from './types';
import { orderOf } from './whole';

const wholeOf = (markdown: string) => decksOf(markdown).cards.filter((card) => card.kind);
const table = (header: string[], rows: string[][]) =>
	[`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const shown = (cards: Card[]) => cards.map((card) => [card.kind, card.frontText, card.backText]);

// Real-shaped tables written for these tests (modelled on the corpus and the owner's note).
const RED = `# 관측\n\n## 메트릭 프레임워크\n\n### RED 메트릭\n\n${table(
	['메트릭', '설명'],
	[
		['**R**ate', '초당 요청 수'],
		['**E**rrors', '에러율'],
		['**D**uration', '응답 시간']
	]
)}\n`;
const LEVELS = `# Logging\n\n## Log levels\n\n${table(
	['Level', 'When'],
	[
		['DEBUG', 'details for developers'],
		['INFO', 'normal business events'],
		['WARNING', 'something to look at'],
		['ERROR', 'a request failed'],
		['CRITICAL', 'the service is down']
	]
)}\n`;
const OSI = `# 네트워크\n\n## OSI 7계층\n\n${table(
	['계층', '이름', '예시'],
	[
		['L1', '물리', '케이블'],
		['L2', '데이터 링크', 'Ethernet'],
		['L3', '네트워크', 'IP'],
		['L4', '전송', 'TCP'],
		['L5', '세션', 'NetBIOS'],
		['L6', '표현', 'TLS'],
		['L7', '응용', 'HTTP']
	]
)}\n`;

describe('whole-table cards (issue #15, item 6)', () => {
	it('a small table asks its keys as one list, titled by its heading, in the note’s language', () => {
		expect(shown(wholeOf(RED))).toEqual([['keys', 'RED 메트릭: 메트릭 3가지?', 'Rate, Errors, Duration']]);
		const [card] = wholeOf(RED);
		expect(card.back).toBe('<strong>R</strong>ate, <strong>E</strong>rrors, <strong>D</strong>uration');
		const english = `# Ops\n\n## Three pillars\n\n${table(
			['Pillar', 'Question'],
			[
				['Logs', 'what happened'],
				['Metrics', 'how much'],
				['Traces', 'where the time went']
			]
		)}\n`;
		expect(shown(wholeOf(english))).toEqual([['keys', 'Three pillars: Pillar (all 3)?', 'Logs, Metrics, Traces']]);
	});

	it('keys on a known scale are asked in order, the first given to set the direction', () => {
		expect(shown(wholeOf(LEVELS))).toEqual([
			['order', 'Log levels: Level in order (DEBUG → …)?', 'DEBUG → INFO → WARNING → ERROR → CRITICAL']
		]);
		const korean = `# 장애\n\n## 심각도\n\n${table(
			['등급', '대응'],
			[
				['긴급', '즉시 호출'],
				['높음', '1시간 안에'],
				['보통', '업무 시간에'],
				['낮음', '다음 스프린트']
			]
		)}\n`;
		expect(shown(wholeOf(korean))).toEqual([['order', '심각도: 등급 순서 (긴급 → …)?', '긴급 → 높음 → 보통 → 낮음']]);
	});

	it('numbered keys ask the first column in their order (the numbers themselves are no question)', () => {
		expect(shown(wholeOf(OSI))).toEqual([
			['order', 'OSI 7계층: 이름 순서 (L1 → …)?', '물리 → 데이터 링크 → 네트워크 → 전송 → 세션 → 표현 → 응용']
		]);
	});

	it('tells an ordered scale from keys that only share its words', () => {
		expect(orderOf(['DEBUG', 'INFO', 'WARN', 'ERROR'])).not.toBeNull();
		expect(orderOf(['ERROR', 'WARN', 'INFO', 'DEBUG'])).not.toBeNull();
		expect(orderOf(['Low', 'Medium', 'High'])).not.toBeNull();
		expect(orderOf(['INFO', 'DEBUG', 'ERROR'])).toBeNull(); // not in order
		expect(orderOf(['ERROR', 'Timeout', 'INFO'])).toBeNull(); // one key is on no scale
		expect(orderOf(['Low', 'High'])).toBeNull(); // a pair is no scale worth asking
	});

	it('makes none where the question would have no single answer or give itself away', () => {
		const none = (header: string[], rows: string[][], heading = 'Things') =>
			expect(shown(wholeOf(`# N\n\n## ${heading}\n\n${table(header, rows)}\n`))).toEqual([]);
		// The heading names the keys.
		none(
			['개념', '설명'],
			[
				['**SLI** (Indicator)', '지표'],
				['**SLO** (Objective)', '목표'],
				['**SLA** (Agreement)', '협약']
			],
			'SLI / SLO / SLA'
		);
		// A pair.
		none(
			['모델', '설명'],
			[
				['Push', '보낸다'],
				['Pull', '가져온다']
			]
		);
		// More than seven rows.
		none(
			['리소스', '용도'],
			Array.from({ length: 8 }, (_, i) => [`Resource ${'ABCDEFGH'[i]}x`, `use ${i}`])
		);
		// Keys that say nothing alone.
		none(
			['포트', '용도'],
			[
				['80', '웹'],
				['443', '보안 웹'],
				['22', '원격 접속']
			]
		);
		// Examples and pitfalls: the note's own picks from an open set.
		none(
			['표현식', '뜻'],
			[
				['execution(* com..*(..))', '메서드 실행'],
				['@annotation(Log)', '어노테이션'],
				['within(com.service.*)', '패키지 안']
			],
			'Pointcut 표현식 예시'
		);
		none(
			['설정', '결과'],
			[
				['CPU만 limits', '버스트 가능'],
				['일부 컨테이너만', '버스트 가능'],
				['limits만', '보장됨']
			],
			'흔한 함정'
		);
		// Cases of a decision, not things to name.
		none(
			['상황', '선택'],
			[
				['이벤트 빈도 높음', 'Polling'],
				['이벤트 빈도 낮음', 'Interrupt'],
				['실시간 요구', 'Interrupt']
			]
		);
		// Keys that are sentences, or hold commas (a list of commas would read as more items).
		none(
			['설정', '효과'],
			[
				['w:1, j:true', '저널까지'],
				['w:majority', '과반수'],
				['w:0', '확인 없음']
			]
		);
		none(
			['Things', 'Why'],
			[
				['Check if candidate wants to take a break first.', 'comfort'],
				['Give an overview of the interview format.', 'clarity'],
				['Tell them which language they may use.', 'fairness']
			]
		);
		// A comparison: the things compared are its columns, named by its heading.
		none(
			['항목', 'Kafka', 'RabbitMQ'],
			[
				['모델', '로그', '큐'],
				['순서', '파티션 내 보장', '큐 내 보장'],
				['보관', '기간 동안', '소비 시 삭제']
			],
			'Kafka vs RabbitMQ 비교'
		);
	});

	it('drops a list that two tables of a note both ask (it says nothing of either)', () => {
		const downtime = (nines: string) =>
			`### ${nines}\n\n${table(
				['Duration', 'Acceptable downtime'],
				[
					['Downtime per year', `${nines} y`],
					['Downtime per month', `${nines} m`],
					['Downtime per day', `${nines} d`]
				]
			)}\n`;
		const note = decksOf(
			`# Availability\n\n${downtime('99.9%')}\n${downtime('99.99%')}\n## Pillars\n\n${table(
				['Pillar', 'Question'],
				[
					['Logs', 'what'],
					['Metrics', 'how much'],
					['Traces', 'where']
				]
			)}\n`
		);
		expect(shown(note.cards.filter((card) => card.kind))).toEqual([['keys', 'Pillars: Pillar (all 3)?', 'Logs, Metrics, Traces']]);
		const { report } = compileText(`# Availability\n\n${downtime('99.9%')}\n${downtime('99.99%')}`);
		expect(report.map((entry) => entry.cards.whole)).toEqual([0, 0]);
	});

	it('names its subject by the heading: with its parent when generic, the question’s subject when a long question', () => {
		const three = table(
			['상태', '설명'],
			[
				['New', '생성'],
				['Ready', '대기'],
				['Running', '실행']
			]
		);
		const front = (markdown: string) => wholeOf(markdown)[0].frontText;
		expect(front(`# OS\n\n## 프로세스 (OS-032)\n\n### 12. 기본 상태\n\n${three}\n`)).toBe('기본 상태: 상태 3가지?');
		expect(front(`# OS\n\n## 프로세스 상태\n\n### 비교\n\n${three}\n`)).toBe('프로세스 상태 비교: 상태 3가지?');
		expect(front(`# OS\n\n## 프로세스의 스케줄링 상태에 대해 자세히 설명해 주세요. (OS-032)\n\n${three}\n`)).toBe('프로세스: 상태 3가지?');
	});

	it('obeys the directives ordered, list and no-whole', () => {
		const tools = (directive: string, rows: number) =>
			`# N\n\n## 부하 테스트 도구\n\n${directive}\n${table(
				['도구', '언어'],
				Array.from({ length: rows }, (_, i) => [`Tool${'ABCDEFGHIJ'[i]}`, `언어 ${i}`])
			)}\n`;
		expect(shown(wholeOf(tools('<!-- tabledeck: ordered -->', 4)))).toEqual([
			['order', '부하 테스트 도구: 도구 순서 (ToolA → …)?', 'ToolA → ToolB → ToolC → ToolD']
		]);
		expect(shown(wholeOf(tools('<!-- tabledeck: no-whole -->', 4)))).toEqual([]);
		expect(wholeOf(tools('', 9))).toEqual([]);
		expect(shown(wholeOf(tools('<!-- tabledeck: list -->', 9)))[0][1]).toBe('부하 테스트 도구: 도구 9가지?');
	});

	it('keeps its id when rows are edited, added or reordered, and every row card keeps its own', () => {
		const before = decksOf(RED).cards;
		const edited = decksOf(
			RED.replace('에러율', '실패 비율').replace('| **D**uration | 응답 시간 |', '| **D**uration | 응답 시간 |\n| Saturation | 포화도 |')
		).cards;
		const ids = (cards: Card[]) => new Map(cards.map((card) => [`${card.kind ?? card.rowKey}/${card.column}/${card.direction}`, card.id]));
		for (const [what, id] of ids(before)) expect(ids(edited).get(what)).toBe(id);
		expect(edited.find((card) => card.kind)!.backText).toBe('Rate, Errors, Duration, Saturation');
	});

	it('says in the build report what it made, or why not', () => {
		const { report } = compileText(LEVELS);
		expect(report[0].cards).toEqual({ forward: 5, reverse: 5, whole: 1 });
		expect(report[0].signals).toContain('order card: keys are steps of a known scale (levels, severities, sizes)');
	});

	it('the quiz types a whole table’s answer: a list in any order, an order only in order', () => {
		const cards = [...decksOf(RED).cards, ...decksOf(LEVELS, 'levels.md').cards];
		const index = new QuizIndex(cards);
		const setup = { deckIds: [], length: 'all' as const, types: ['mcq', 'reverse', 'explain'] as const, source: 'decks' as const };
		const questions = buildQuiz(index, { ...setup, types: [...setup.types] }, mulberry32(7));
		const whole = questions.filter((question) => cards.find((card) => card.id === question.cardId)?.kind) as TypedQuestion[];
		expect(whole).toHaveLength(2);
		expect(whole.every((question) => question.type === 'typed')).toBe(true);
		const list = whole.find((question) => question.prompt.includes('RED'))!;
		const order = whole.find((question) => question.prompt.includes('Log levels'))!;
		expect(checkTypedAnswer('Errors, Duration, Rate', list.expected).verdict).toBe('exact');
		expect(checkTypedAnswer('DEBUG, INFO, WARNING, ERROR, CRITICAL', order.expected).verdict).toBe('exact');
		expect(checkTypedAnswer('INFO, DEBUG, WARNING, ERROR, CRITICAL', order.expected).verdict).not.toBe('exact');
		// No row of a table is the whole-table card: explain prompts and distractors never show it.
		expect(index.table(list.tableId).rows.map((row) => row.key)).toEqual(['Rate', 'Errors', 'Duration']);
	});
});
