import { describe, expect, it } from 'vitest';
import type { Deck } from '../notes/types';
import { buildReverse, buildTyped } from './choices';
import { EXPLAIN_WORDS } from '$lib/i18n/quiz';
import { buildExplain } from './explain';
import { deployStrategies, logLevels, serviceTypes, singleTerm, tableCards } from './fixtures';
import { promptHtml, type PromptWords } from './prompt';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';

const deck = (id: string, title: string): Deck => ({ id, title, parentId: null, path: [title], file: 'test.md', cardCount: 0, hash: '' });
const odd = tableCards({
	tableId: 'odd',
	columns: ['a<b', 'c&d'],
	rows: [
		['<x>', '1', '2'],
		['y', '3', '4'],
		['z', '5', '6']
	]
});
const index = new QuizIndex(
	[...serviceTypes, ...deployStrategies, ...logLevels, ...singleTerm, ...odd],
	[deck('deck-log-levels', '로그 레벨'), deck('deck-odd', 'Tags <i>')]
);
const words: PromptWords = {
	which: (subject, column, value) => `W[${subject}|${column}|${value}]`,
	compare: (first, second) => `C[${first}|${second}]`,
	attributes: (key, one, two) => `A[${key}|${one}|${two}]`,
	single: (key) => `S[${key}]`
};
const find = (id: string) => index.cards.find((card) => card.id === id)!;

describe('prompts in the reader’s language', () => {
	it('words a reverse question from its deck title, column and value', () => {
		const question = buildReverse(index, find('log-levels/ERROR/용도/forward'), mulberry32(1))!;
		expect(question.prompt).toBe('Which 로그 레벨 (용도): 즉시 조치 필요?');
		expect(promptHtml(question, words)).toBe('W[로그 레벨|용도|즉시 조치 필요]');
		const typed = buildTyped(index, find('service-types/NodePort/설명/forward'), 'reverse', true);
		expect(promptHtml(typed, words)).toBe('W[null|null|노드 포트로 외부 노출]');
	});

	it('escapes titles and columns, never the card HTML', () => {
		const question = buildTyped(index, find('odd/<x>/c&d/forward'), 'reverse', true);
		expect(promptHtml(question, words)).toBe('W[Tags &#x3C;i&#x3E;|c&#x26;d|2]');
		const explained = new Set<string>();
		for (let seed = 0; seed < 20; seed++)
			explained.add(promptHtml(buildExplain(index, find('odd/<x>/a<b/forward'), mulberry32(seed), EXPLAIN_WORDS).question, words));
		expect(explained).toContain('A[<strong>&#x3C;x&#x3E;</strong>|a&#x3C;b|c&#x26;d]');
		expect(explained).toContain('C[<strong>&#x3C;x&#x3E;</strong>|<strong>y</strong>]');
	});

	it('words each kind of explain question from its model answer', () => {
		const seen = new Set<string>();
		for (let seed = 0; seed < 20; seed++) {
			const question = buildExplain(index, find('deploy/Rolling/장점/forward'), mulberry32(seed), EXPLAIN_WORDS).question;
			const html = promptHtml(question, words);
			seen.add(html[0]);
			if (question.kind === 'attributes') expect(html).toMatch(/^A\[<strong>Rolling<\/strong>\|(설명|장점)\|(장점|단점)\]$/);
			else expect(html).toMatch(/^C\[<strong>Rolling<\/strong>\|<strong>.+<\/strong>\]$/);
		}
		expect(seen).toEqual(new Set(['A', 'C']));
		const single = buildExplain(index, find('single-term/Pod/설명/forward'), mulberry32(0), EXPLAIN_WORDS).question;
		expect(promptHtml(single, words)).toBe('S[<strong>Pod</strong>]');
	});

	it('shows a card’s own front for forward questions', () => {
		const typed = buildTyped(index, find('log-levels/WARN/예시/forward'), 'typed', false);
		expect(promptHtml(typed, words)).toBe('<strong>WARN</strong> · 예시');
	});
});
