import { describe, expect, it } from 'vitest';
import type { Card } from '../notes/types';
import { withParticle } from '$lib/i18n/particle';
import { EXPLAIN_WORDS } from '$lib/i18n/quiz';
import { buildExplain, modelAnswerText } from './explain';
import { deployStrategies, elkVsLgtm, serviceTypes, singleAttribute, singleTerm } from './fixtures';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';
import type { ExplainKind, ExplainQuestion } from './types';

const index = new QuizIndex([...serviceTypes, ...deployStrategies, ...elkVsLgtm, ...singleTerm, ...singleAttribute]);
const card = (cards: Card[], id: string) => cards.find((c) => c.id === id)!;

/** The explain questions a card gives over many seeds, by kind. */
function kinds(from: Card): Map<ExplainKind, ExplainQuestion> {
	const seen = new Map<ExplainKind, ExplainQuestion>();
	for (let seed = 0; seed < 40; seed++) {
		const { question } = buildExplain(index, from, mulberry32(seed), EXPLAIN_WORDS);
		seen.set(question.kind, question);
	}
	return seen;
}

describe('explain aloud', () => {
	it('compares two rows of a term table side by side', () => {
		const seen = kinds(card(serviceTypes, 'service-types/ClusterIP/설명/forward'));
		expect([...seen.keys()]).toEqual(['compare']);
		const question = seen.get('compare')!;
		expect(question.prompt).toMatch(/^ClusterIP vs (NodePort|LoadBalancer|ExternalName): 차이를 설명하세요$/);
		expect(question.model.columns).toEqual(['설명']);
		expect(question.model.rows[0]).toMatchObject({
			key: 'ClusterIP',
			keyHtml: '<strong>ClusterIP</strong>',
			cells: [{ text: '클러스터 내부에서만 접근 (기본)' }]
		});
		expect(question.model.rows).toHaveLength(2);
		expect(question.cardIds[0]).toBe('service-types/ClusterIP/설명/forward');
		expect(question.cardIds).toHaveLength(2);
	});

	it('asks two attributes of a row, or compares it with a sibling, in an attribute table', () => {
		const seen = kinds(card(deployStrategies, 'deploy/Rolling/장점/forward'));
		expect([...seen.keys()].sort()).toEqual(['attributes', 'compare']);
		const attributes = seen.get('attributes')!;
		expect(['Rolling: 설명과 장점은?', 'Rolling: 장점과 단점은?']).toContain(attributes.prompt);
		expect(attributes.model.columns).toContain('장점');
		expect(attributes.model.rows).toHaveLength(1);
		const compare = seen.get('compare')!;
		expect(compare.model.columns).toEqual(['설명', '장점', '단점']);
		expect(compare.model.rows[0].cells.map((cell) => cell.text)).toEqual(['점진적 교체', '무중단', '롤백 느림']);
		expect(compare.cardIds).toHaveLength(6);
	});

	it('compares the compared things of a comparison table criterion by criterion', () => {
		const question = kinds(card(elkVsLgtm, 'elk-lgtm/ELK/로그/forward')).get('compare')!;
		expect(question.prompt).toBe('ELK vs LGTM: 차이를 설명하세요');
		expect(question.model.columns).toEqual(['로그', '시각화', '메트릭']);
		expect(question.model.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
			['Elasticsearch', 'Kibana', '별도 구성 필요'],
			['Loki', 'Grafana', 'Mimir (Prometheus 호환)']
		]);
	});

	it('asks to explain the one row of a single-row table', () => {
		const single = kinds(card(singleTerm, 'single-term/Pod/설명/reverse'));
		expect([...single.keys()]).toEqual(['single']);
		expect(single.get('single')).toMatchObject({
			prompt: 'Pod에 대해 설명하세요',
			model: { columns: ['설명'], rows: [{ key: 'Pod', cells: [{ text: '가장 작은 배포 단위' }] }] }
		});
		const attribute = kinds(card(singleAttribute, 'single-attr/Counter/예시/forward'));
		expect([...attribute.keys()]).toEqual(['attributes']);
		expect(attribute.get('attributes')!.prompt).toBe('Counter: 용도와 예시는?');
	});

	it('prefers a sibling row the quiz has not asked yet', () => {
		for (let seed = 0; seed < 10; seed++) {
			const { question } = buildExplain(
				index,
				card(serviceTypes, 'service-types/ClusterIP/설명/forward'),
				mulberry32(seed),
				EXPLAIN_WORDS,
				(_, key) => key !== 'ExternalName'
			);
			expect(question.prompt).toBe('ClusterIP vs ExternalName: 차이를 설명하세요');
		}
	});

	it('writes the model answer as text, skipping blank cells', () => {
		const model = {
			columns: ['장점', '단점'],
			rows: [
				{
					key: 'Rolling',
					keyHtml: 'Rolling',
					cells: [
						{ text: '무중단', html: '' },
						{ text: '', html: '' }
					]
				}
			]
		};
		expect(modelAnswerText(model)).toBe('Rolling — 장점: 무중단');
	});

	it('picks the particle from the last syllable', () => {
		expect(withParticle('장점', '과', '와')).toBe('장점과');
		expect(withParticle('용도', '과', '와')).toBe('용도와');
		expect(withParticle('단점', '은', '는')).toBe('단점은');
		expect(withParticle('시각화', '은', '는')).toBe('시각화는');
		expect(withParticle('심각도 (P1)', '은', '는')).toBe('심각도 (P1)은(는)');
		expect(withParticle('Pros', '과', '와')).toBe('Pros과(와)');
	});
});
