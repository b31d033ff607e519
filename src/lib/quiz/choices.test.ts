import { describe, expect, it } from 'vitest';
import type { Card } from '../notes/types';
import { buildMcq, buildReverse, buildTyped } from './choices';
import { deployStrategies, elkVsLgtm, logLevels, serviceTypes, tableCards, twoRowTerm } from './fixtures';
import { optionKey } from './normalize';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';
import type { ChoiceQuestion } from './types';

const index = new QuizIndex([...serviceTypes, ...deployStrategies, ...logLevels, ...elkVsLgtm, ...twoRowTerm]);
const byId = (cards: Card[], id: string) => cards.find((card) => card.id === id)!;
const texts = (question: ChoiceQuestion | null) => question!.options.map((option) => option.text);

function expectSoundOptions(question: ChoiceQuestion | null, answer: string) {
	expect(question).not.toBeNull();
	const options = texts(question);
	expect(options[question!.answerIndex]).toBe(answer);
	expect(options.every((text) => text.trim().length > 0)).toBe(true);
	expect(new Set(options.map(optionKey)).size).toBe(options.length);
	expect(options.filter((text) => optionKey(text) === optionKey(answer))).toHaveLength(1);
}

describe('multiple choice', () => {
	it('takes distractors from the same column of the same table first', () => {
		const card = byId(logLevels, 'log-levels/ERROR/용도/forward');
		const question = buildMcq(index, card, mulberry32(1), { poolDistractors: true });
		expectSoundOptions(question, '즉시 조치 필요');
		expect(texts(question).sort()).toEqual(['개발/디버깅용', '비즈니스 이벤트', '잠재적 문제', '즉시 조치 필요']);
		expect(question).toMatchObject({
			type: 'mcq',
			prompt: 'ERROR · 용도',
			promptHtml: '<strong>ERROR</strong> · 용도',
			cardIds: [card.id]
		});
	});

	it('drops a sibling value equal to the answer and never fills up from another column (issue #16)', () => {
		const card = byId(deployStrategies, 'deploy/Canary/단점/forward');
		for (let seed = 1; seed <= 20; seed++) {
			const question = buildMcq(index, card, mulberry32(seed), { poolDistractors: true });
			expectSoundOptions(question, '복잡');
			expect(texts(question).sort()).toEqual(['롤백 느림', '리소스 2배', '복잡'].sort());
		}
	});

	it('fills up from the same column of a sibling table of the same shape, in the same note unless pooled', () => {
		const columns = ['장점', '단점'];
		const own = tableCards({
			tableId: 'own',
			columns,
			rows: [
				['A', 'a+', 'a-'],
				['B', 'b+', 'b-']
			]
		});
		const sibling = tableCards({
			tableId: 'sibling',
			columns,
			rows: [
				['C', 'c+', 'c-'],
				['D', 'd+', 'd-']
			]
		});
		const elsewhere = sibling.map((card) => ({ ...card, tableId: 'elsewhere', id: `x${card.id}`, source: { file: 'other.md', line: 1 } }));
		const other = tableCards({
			tableId: 'other',
			columns: ['장점', '비용'],
			rows: [
				['E', 'e+', 'e$'],
				['F', 'f+', 'f$']
			]
		});
		const card = byId(own, 'own/A/단점/forward');
		for (let seed = 1; seed <= 10; seed++) {
			const local = new QuizIndex([...own, ...other, ...elsewhere]);
			expect(buildMcq(local, card, mulberry32(seed), { poolDistractors: false })).toBeNull();
			expect(texts(buildMcq(local, card, mulberry32(seed), { poolDistractors: true })).sort()).toEqual(['a-', 'b-', 'c-', 'd-']);
			const question = buildMcq(new QuizIndex([...own, ...sibling, ...other]), card, mulberry32(seed), { poolDistractors: false });
			expect(texts(question).sort()).toEqual(['a-', 'b-', 'c-', 'd-']);
		}
	});

	it('asks reverse cards with sibling keys as options', () => {
		const question = buildMcq(index, byId(serviceTypes, 'service-types/NodePort/설명/reverse'), mulberry32(2), { poolDistractors: false });
		expectSoundOptions(question, 'NodePort');
		expect(texts(question).sort()).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
		expect(question!.options.find((o) => o.text === 'NodePort')!.html).toBe('<strong>NodePort</strong>');
	});

	it('gives up with fewer than two distractors: a term table has no siblings, its column says too little', () => {
		const card = byId(twoRowTerm, 'two-rows/Pull/설명/forward');
		expect(buildMcq(index, card, mulberry32(1), { poolDistractors: false })).toBeNull();
		expect(buildMcq(index, card, mulberry32(1), { poolDistractors: true })).toBeNull();
	});

	it('orders options by the seed', () => {
		const card = byId(logLevels, 'log-levels/WARN/용도/forward');
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) => texts(buildMcq(index, card, mulberry32(seed), { poolDistractors: false })).join('|'))
		);
		expect(orders.size).toBeGreaterThan(5);
		expect(texts(buildMcq(index, card, mulberry32(7), { poolDistractors: false }))).toEqual(
			texts(buildMcq(index, card, mulberry32(7), { poolDistractors: false }))
		);
	});

	it('never offers blank or duplicate-looking options', () => {
		const messy = tableCards({
			tableId: 'messy',
			columns: ['값'],
			rows: [
				['a', 'Blue/Green'],
				['b', 'blue green'],
				['c', 'BLUE-GREEN!'],
				['d', 'Canary'],
				['e', '  '],
				['f', 'Rolling']
			]
		});
		const messyIndex = new QuizIndex(messy);
		for (let seed = 0; seed < 10; seed++) {
			const question = buildMcq(messyIndex, byId(messy, 'messy/d/값/forward'), mulberry32(seed), { poolDistractors: false });
			expectSoundOptions(question, 'Canary');
			expect(texts(question)).toHaveLength(3);
		}
	});
});

describe('reverse multiple choice', () => {
	it('shows the value and asks for the key among sibling rows', () => {
		const index = new QuizIndex(logLevels, [
			{ id: 'deck-log-levels', title: '로그 레벨', parentId: null, path: ['로그 레벨'], file: 'x.md', cardCount: 0, hash: '' }
		]);
		const question = buildReverse(index, byId(logLevels, 'log-levels/ERROR/용도/forward'), mulberry32(1));
		expectSoundOptions(question, 'ERROR');
		expect(question!.prompt).toBe('Which 로그 레벨 (용도): 즉시 조치 필요?');
		expect(texts(question).sort()).toEqual(['DEBUG', 'ERROR', 'INFO', 'WARN']);
		expect(question!.cardIds).toEqual(['log-levels/ERROR/용도/reverse']);
	});

	it('works from any column, leaving out rows that share the value', () => {
		const question = buildReverse(index, byId(deployStrategies, 'deploy/Canary/단점/forward'), mulberry32(3));
		expectSoundOptions(question, 'Canary');
		expect(texts(question).sort()).toEqual(['Blue/Green', 'Canary', 'Rolling']);
		expect(question!.prompt).toBe('Which one (단점): 복잡?');
		expect(question!.cardIds).toEqual(['deploy/Canary/단점/forward']);
	});

	it('gives up on a two-row table, where the typed fallback asks for the key', () => {
		const card = byId(elkVsLgtm, 'elk-lgtm/LGTM/시각화/forward');
		expect(buildReverse(index, card, mulberry32(1))).toBeNull();
		expect(buildTyped(index, card, 'reverse', true)).toMatchObject({
			type: 'typed',
			requested: 'reverse',
			prompt: 'Which one (시각화): Grafana?',
			expected: 'LGTM'
		});
	});
});

describe('typed', () => {
	it('asks the front and expects the back', () => {
		const card = byId(serviceTypes, 'service-types/ClusterIP/설명/forward');
		expect(buildTyped(index, card, 'typed', false)).toMatchObject({
			type: 'typed',
			requested: 'typed',
			prompt: 'ClusterIP',
			expected: '클러스터 내부에서만 접근 (기본)',
			cardIds: [card.id]
		});
	});
});
