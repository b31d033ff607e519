import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../notes/types';
import { buildQuiz } from './build-quiz';
import { deployStrategies, elkVsLgtm, logLevels, serviceTypes, tableCards, twoRowTerm } from './fixtures';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';
import type { Question, QuizSetup } from './types';

const deck = (id: string, parentId: string | null): Deck => ({
	id,
	title: id,
	parentId,
	path: [id],
	file: 'test.md',
	cardCount: 0,
	hash: ''
});
const decks = [
	deck('root', null),
	deck('k8s', 'root'),
	deck('deck-service-types', 'k8s'),
	deck('deck-deploy', 'root'),
	deck('deck-log-levels', 'root'),
	deck('deck-elk-lgtm', 'root'),
	deck('deck-two-rows', 'root')
];
const cards = [...serviceTypes, ...deployStrategies, ...logLevels, ...elkVsLgtm, ...twoRowTerm];
const index = new QuizIndex(cards, decks);
const setup = (overrides: Partial<QuizSetup> = {}): QuizSetup => ({
	deckIds: [],
	source: 'decks',
	length: 10,
	types: ['mcq', 'reverse', 'typed', 'explain'],
	...overrides
});
const fact = (card: Card) => `${card.tableId}|${card.rowKey}|${card.column}`;
const cardOf = (question: Question) => index.card(question.cardId)!;

describe('buildQuiz', () => {
	it('asks exactly n questions, each about a different card and fact', () => {
		const questions = buildQuiz(index, setup({ length: 20, types: ['mcq', 'reverse', 'typed'] }), mulberry32(1));
		expect(questions).toHaveLength(20);
		expect(new Set(questions.map((q) => q.cardId)).size).toBe(20);
		expect(new Set(questions.map((q) => fact(cardOf(q)))).size).toBe(20);
		expect(new Set(questions.map((q) => q.id)).size).toBe(20);
	});

	it('asks every fact once with length all', () => {
		const facts = new Set(cards.map(fact));
		const questions = buildQuiz(index, setup({ length: 'all', types: ['mcq', 'typed'] }), mulberry32(2));
		expect(questions).toHaveLength(facts.size);
		expect(new Set(questions.map((q) => fact(cardOf(q))))).toEqual(facts);
	});

	it('takes turns between the selected types, falling back to typed', () => {
		const questions = buildQuiz(index, setup({ length: 'all', types: ['mcq', 'reverse'] }), mulberry32(3));
		const requested = questions.map((q) => q.requested);
		for (let i = 2; i < requested.length; i++) expect(requested[i]).toBe(requested[i - 2]);
		expect(new Set(requested)).toEqual(new Set(['mcq', 'reverse']));
		for (const question of questions) expect([question.requested, 'typed']).toContain(question.type);
		const fallbacks = questions.filter((q) => q.type === 'typed');
		expect(fallbacks.length).toBeGreaterThan(0);
		expect(fallbacks.every((q) => q.tableId === 'two-rows' || q.tableId === 'elk-lgtm')).toBe(true);
	});

	it('gives the same quiz for the same seed and another for another seed', () => {
		const strip = (questions: Question[]) => JSON.stringify(questions);
		expect(strip(buildQuiz(index, setup(), mulberry32(42)))).toBe(strip(buildQuiz(new QuizIndex(cards, decks), setup(), mulberry32(42))));
		expect(strip(buildQuiz(cards, setup(), mulberry32(42)))).toBe(strip(buildQuiz(new QuizIndex(cards), setup(), mulberry32(42))));
		const order = (seed: number) =>
			buildQuiz(index, setup(), mulberry32(seed))
				.map((q) => q.id)
				.join();
		expect(new Set([1, 2, 3, 4, 5].map(order)).size).toBeGreaterThan(1);
	});

	it('draws only from the chosen decks and the decks below them', () => {
		const fromK8s = buildQuiz(index, setup({ deckIds: ['k8s'], length: 'all', types: ['typed'] }), mulberry32(4));
		expect(fromK8s.length).toBe(4);
		expect(fromK8s.every((q) => q.deckId === 'deck-service-types')).toBe(true);
		const two = buildQuiz(index, setup({ deckIds: ['deck-deploy', 'deck-log-levels'], length: 50 }), mulberry32(4));
		expect(new Set(two.map((q) => q.deckId))).toEqual(new Set(['deck-deploy', 'deck-log-levels']));
		expect(buildQuiz(index, setup({ deckIds: ['missing'] }), mulberry32(4))).toEqual([]);
	});

	it('does not ask again a row an explain prompt has shown whole', () => {
		const questions = buildQuiz(index, setup({ length: 'all' }), mulberry32(5));
		const shown = new Set<string>();
		for (const question of questions) {
			const card = cardOf(question);
			expect(shown.has(`${card.tableId}|${card.rowKey}`)).toBe(false);
			if (question.type === 'explain') for (const row of question.model.rows) shown.add(`${question.tableId}|${row.key}`);
		}
		expect(questions.some((q) => q.type === 'explain')).toBe(true);
	});

	it('words explain prompts as the caller says, and barely without words', () => {
		const explainOnly = setup({ length: 'all', types: ['explain'] });
		const words = {
			compare: (a: string, b: string) => `<${a}|${b}>`,
			attributes: (k: string, x: string, y: string) => `<${k}:${x}+${y}>`,
			single: (k: string) => `<${k}>`
		};
		const worded = buildQuiz(index, explainOnly, mulberry32(9), { explainWords: words });
		expect(worded.length).toBeGreaterThan(0);
		for (const question of worded) expect(question.prompt).toMatch(/^<.*>$/);
		const bare = buildQuiz(index, explainOnly, mulberry32(9));
		expect(bare.map((q) => q.id)).toEqual(worded.map((q) => q.id));
		for (const question of bare) expect(question.prompt).not.toMatch(/하세요|[<>]/);
	});

	it('asks the weakest cards first from a map of retrievability', () => {
		const ranking = new Map([
			['log-levels/INFO/용도/forward', 0.2],
			['deploy/Canary/단점/forward', 0.1],
			['service-types/NodePort/설명/reverse', 0.3],
			['service-types/NodePort/설명/forward', 0.05],
			['no-such-card', 0]
		]);
		const questions = buildQuiz(index, setup({ source: 'weak', types: ['typed'] }), mulberry32(6), { ranking });
		expect(questions.map((q) => q.cardId)).toEqual([
			'service-types/NodePort/설명/forward',
			'deploy/Canary/단점/forward',
			'log-levels/INFO/용도/forward'
		]);
	});

	it('asks the soonest due cards first from a function, within the chosen decks', () => {
		const due = (id: string) => (id.startsWith('deploy/') ? id.length : id.startsWith('log-levels/') ? 0 : undefined);
		const questions = buildQuiz(index, setup({ source: 'due', deckIds: ['deck-deploy'], types: ['typed'], length: 'all' }), mulberry32(7), {
			ranking: due
		});
		const lengths = questions.map((q) => q.cardId.length);
		expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
		expect(questions.every((q) => q.deckId === 'deck-deploy')).toBe(true);
		expect(() => buildQuiz(index, setup({ source: 'due' }), mulberry32(7))).toThrow(TypeError);
	});

	it('stays quick and bounded on a huge deck', () => {
		const rows = Array.from({ length: 10_000 }, (_, i) => [`key ${i}`, `value ${i}`]);
		const huge = new QuizIndex(tableCards({ tableId: 'huge', columns: ['값'], rows }));
		const questions = buildQuiz(huge, setup({ length: 50 }), mulberry32(8));
		expect(questions).toHaveLength(50);
	});
});
