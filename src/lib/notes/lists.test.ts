import { describe, expect, it } from 'vitest';
import { brief, compileText, decksOf } from './testing';

// Real-shaped tables written for these tests (modelled on the corpus: an interviewer's
// checklist, and a three-way comparison whose rows are unnamed sentences).
const CHECKLIST = `# Interviewer

## Wrap up

|  | Things |
| --- | --- |
| ✅ | Leave time for the candidate's questions. |
| ✅ | Thank the candidate. |
| ❌ | Say how they did. |
`;
const PARALLEL = `# 알고리즘

### Greedy vs DP vs Backtracking 비교

| Greedy | Dynamic Programming | Backtracking |
|---|---|---|
| 매 단계에서 가장 좋아 보이는 것을 고른다 | 겹치는 부분 문제의 답을 저장해 다시 쓴다 | 가능한 선택을 모두 시도하고 되돌아간다 |
| 다시 돌아보지 않는 한 번의 선택 | 점화식으로 표를 채워 나간다 | 조건에 맞지 않으면 가지를 친다 |
`;

describe('tables whose columns are lists (issue #15)', () => {
	it('a checklist asks each mark’s items as one list, not "✅ → a sentence"', () => {
		const { report, decks } = compileText(CHECKLIST);
		expect(brief(decks!.cards)).toEqual([
			['forward', 'Things ✅', 'Wrap up: Things ✅', "Leave time for the candidate's questions. / Thank the candidate."],
			['forward', 'Things ❌', 'Wrap up: Things ❌', 'Say how they did.']
		]);
		expect(report[0].shape).toBe('list');
		const one = decksOf(CHECKLIST.replace('| ❌ | Say how they did. |\n', ''));
		expect(brief(one.cards)).toEqual([
			['forward', 'Things', 'Wrap up: Things', "Leave time for the candidate's questions. / Thank the candidate."]
		]);
	});

	it('a table of things compared in unnamed sentence rows asks each thing’s column whole', () => {
		const { report, decks } = compileText(PARALLEL);
		expect(report[0].signals).toEqual(['every column is a thing compared, and the rows are unnamed aspects written as sentences']);
		expect(brief(decks!.cards).map(([, column, front]) => [column, front])).toEqual([
			['Greedy', 'Greedy vs DP vs Backtracking 비교: Greedy'],
			['Dynamic Programming', 'Greedy vs DP vs Backtracking 비교: Dynamic Programming'],
			['Backtracking', 'Greedy vs DP vs Backtracking 비교: Backtracking']
		]);
		expect(decks!.cards[0].backText).toBe('매 단계에서 가장 좋아 보이는 것을 고른다 / 다시 돌아보지 않는 한 번의 선택');
	});

	it('a single row of values under attribute headers is the record of what the heading names', () => {
		const note = decksOf('# 정렬\n\n### Bubble Sort\n\n| Space Complexity | Time Complexity |\n|:---:|:---:|\n| O(1) | O(n^2) |\n');
		expect(brief(note.cards)).toEqual([
			['forward', 'Space Complexity', 'Bubble Sort · Space Complexity', 'O(1)'],
			['forward', 'Time Complexity', 'Bubble Sort · Time Complexity', 'O(n^2)']
		]);
		// A first cell that could name the row keeps it the key.
		const named = decksOf('# N\n\n### Cache\n\n| 이름 | 설명 |\n|---|---|\n| TTL | 만료 시간 |\n');
		expect(brief(note.cards).length + brief(named.cards).length).toBe(4);
		expect(named.cards[0].frontText).toBe('TTL');
	});

	it('two lists of uses side by side (`Filter 사용 | Interceptor 사용`) are asked per column', () => {
		const note = decksOf(
			'# Spring\n\n**실무 예시**\n| Filter 사용 | Interceptor 사용 |\n|---|---|\n| 인코딩 처리 | 로그인 체크 |\n| CORS 설정 | 권한 검사 |\n'
		);
		expect(brief(note.cards)).toEqual([
			['forward', 'Filter 사용', '실무 예시: Filter 사용', '인코딩 처리 / CORS 설정'],
			['forward', 'Interceptor 사용', '실무 예시: Interceptor 사용', '로그인 체크 / 권한 검사']
		]);
	});

	it('a pitfalls table asks what really happens, never what people wrongly expect', () => {
		const { decks, report } = compileText(
			'# K8s\n\n### 흔한 함정\n\n| 상황 | 예상 | 실제 |\n|---|---|---|\n| podSelector: {} | 아무것도 선택 안함 | 모든 Pod 선택 |\n| Ingress만 정의 | Egress 차단 | Egress 허용 |\n| 빈 정책 | 영향 없음 | 격리 |\n'
		);
		expect(decks!.cards.filter((card) => card.column === '예상')).toEqual([]);
		expect(decks!.cards.filter((card) => card.column === '실제' && card.direction === 'forward')).toHaveLength(3);
		expect(report[0].columns).toContainEqual({ column: '예상', note: 'no forward cards: what people wrongly expect is no fact to learn' });
	});

	it('reads a nested complexity like O(log(n)) as a quantity, so a one-row table is still a record', () => {
		const note = decksOf('# 정렬\n\n### Partitioning\n\n| Space Complexity | Time Complexity |\n|---|---|\n| O(log(n)) | O(nlogn) |\n');
		expect(brief(note.cards).map(([, , front, back]) => [front, back])).toEqual([
			['Partitioning · Space Complexity', 'O(log(n))'],
			['Partitioning · Time Complexity', 'O(nlogn)']
		]);
	});

	it('a record that repeats a summary table’s question is left to the summary', () => {
		const note = decksOf(
			'# 정렬\n\n## Bubble Sort\n\n| Space Complexity | Time Complexity |\n|---|---|\n| O(1) | O(n^2) |\n\n## 요약\n\n| Algorithm | Space Complexity | Time Complexity |\n|---|---|---|\n| Bubble sort | O(1) | O(n^2) |\n| Merge sort | O(n) | O(n log n) |\n'
		);
		// The summary, under the generic `요약`, names its subject: `정렬 요약 › Bubble sort · …`.
		const asked = note.cards.filter((card) => card.frontText.toLowerCase().endsWith('bubble sort · space complexity'));
		expect(asked.map((card) => card.frontText)).toEqual(['정렬 요약 › Bubble sort · Space Complexity']);
	});

	it('a table of contents (every row an Obsidian link to another note) makes no cards', () => {
		const { decks, warnings, report } = compileText(
			'# 면접 준비\n\n## P1\n\n| 주제 | 내용 | 문항 |\n|---|---|---|\n| [[CS/os\\|운영체제]] | 프로세스, 스레드 | 122문항 |\n| [[CS/db\\|데이터베이스]] | 트랜잭션, 인덱스 | 70문항 |\n\n## 용어\n\n| 용어 | 뜻 |\n|---|---|\n| [[CS/os\\|프로세스]] | 실행 중인 프로그램 |\n| 스레드 | 실행 단위 |\n'
		);
		expect(report[0].signals).toEqual(['a table of contents: every row links to another note']);
		expect(warnings.map((warning) => warning.message)).toContain('table skipped: a table of contents: every row links to another note');
		// One link among plain keys is a term that links to more: its table makes cards.
		expect(decks!.cards.map((card) => card.frontText)).toContain('면접 준비 용어 › 프로세스');
	});

	it('keeps a table keyed by short criteria a comparison or an attribute table', () => {
		// `| Operation | RPC | REST |`: the first column names operations, and the cells are short.
		const rpc = compileText(
			'# API\n\n### RPC vs REST comparison\n\n| Operation | RPC | REST |\n|---|---|---|\n| Signup | POST /signup | POST /persons |\n| Read a person’s items list | GET /readItems?id=1 | GET /persons/1/items |\n'
		);
		expect(rpc.report[0].shape).not.toBe('list');
		// A mark column with words in its header is a column like any other.
		const status = compileText('# N\n\n## Support\n\n| Support | Feature |\n|---|---|\n| ✅ | Streaming |\n| ✅ | Batching |\n');
		expect(status.report[0].shape).not.toBe('list');
	});
});
