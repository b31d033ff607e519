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
