import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Card, DeckIndex, NoteDecks } from '../notes/types';
import { buildQuiz } from './build-quiz';
import { buildMcq, buildReverse } from './choices';
import { EXPLAIN_WORDS } from '$lib/i18n/quiz';
import { buildExplain } from './explain';
import { checkTypedAnswer } from './match';
import { optionKey } from './normalize';
import { QuizIndex } from './quiz-index';
import { mulberry32 } from './rng';
import type { QuizSetup } from './types';

// The owner's notes as `npm run decks` builds them (npm test runs it first).
const dir = new URL('../../../static/decks/', import.meta.url);
const deckIndex = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as DeckIndex;
const cards = deckIndex.notes.flatMap((note) => (JSON.parse(readFileSync(new URL(note.json, dir), 'utf8')) as NoteDecks).cards);
const index = new QuizIndex(cards, deckIndex.decks);
const find = (rowKey: string, column: string, direction: Card['direction'] = 'forward') =>
	cards.find((card) => card.rowKey === rowKey && card.column === column && card.direction === direction)!;
const all: QuizSetup = { deckIds: [], source: 'decks', length: 'all', types: ['mcq', 'reverse', 'typed', 'explain'] };

describe("the owner's notes", () => {
	it('asks log levels with the other log levels as options', () => {
		const error = find('ERROR', '용도');
		const mcq = buildMcq(index, error, mulberry32(1), { poolDistractors: true })!;
		expect(mcq.options.map((o) => o.text).sort()).toEqual(['개발/디버깅용', '비즈니스 이벤트', '잠재적 문제', '즉시 조치 필요']);
		const reverse = buildReverse(index, error, mulberry32(1))!;
		expect(reverse.prompt).toBe('Which 로그 레벨 (용도): 즉시 조치 필요?');
		expect(reverse.options.map((o) => o.text).sort()).toEqual(['DEBUG', 'ERROR', 'INFO', 'WARN']);
	});

	it('makes sound multiple choice for every card that has enough siblings', () => {
		for (const card of cards) {
			const question = buildMcq(index, card, mulberry32(card.id.length), { poolDistractors: true });
			if (question === null) continue; // too few rows: the quiz types the answer instead (distractors.properties.test.ts)
			const keys = question!.options.map((o) => optionKey(o.text));
			expect(keys.every(Boolean)).toBe(true);
			expect(new Set(keys).size).toBe(keys.length);
			expect(question!.options[question!.answerIndex].text).toBe(card.backText);
		}
	});

	it('explains every table, whatever its shape', () => {
		// A row's card of each table (a whole-table card has no row to explain; the quiz types it).
		const byTable = new Map(cards.filter((card) => !card.kind).map((card) => [card.tableId, card]));
		for (const card of byTable.values()) {
			const { question } = buildExplain(index, card, mulberry32(3), EXPLAIN_WORDS);
			expect(question.prompt.length).toBeGreaterThan(0);
			expect(question.model.rows.length).toBeGreaterThan(0);
			expect(question.model.rows.every((row) => row.cells.length === question.model.columns.length)).toBe(true);
		}
		const kinds = new Set(
			[...Array(30).keys()].map((seed) => buildExplain(index, find('Rolling', '장점'), mulberry32(seed), EXPLAIN_WORDS).question.prompt)
		);
		expect(kinds).toContain('Rolling: 장점과 단점은?');
		const prometheus = buildExplain(index, find('Prometheus', '쿼리 언어'), mulberry32(0), EXPLAIN_WORDS).question;
		expect(prometheus.kind === 'attributes' || prometheus.prompt === 'Prometheus vs InfluxDB: 차이를 설명하세요').toBe(true);
	});

	// Issue #15: example columns have reverse cards only; the quiz still asks the bare example.
	it('asks an example backwards with the cell as written, not the card’s labelled front', () => {
		const question = buildReverse(index, find('ERROR', '예시', 'reverse'), mulberry32(1))!;
		expect(question.reverse!.value.text).toBe('외부 API 실패, DB 연결 실패');
		expect(question.options.map((o) => o.text)).toContain('ERROR');
	});

	it('accepts the forgiving answers from the issue', () => {
		const slo = index.table(find('SLO (Objective)', '예시', 'reverse').tableId);
		expect(checkTypedAnswer('p99<200ms 에러율<0.1%', slo.value(slo.row('SLO (Objective)')!, '예시')!.text).accepted).toBe(true);
		expect(checkTypedAnswer('ClusterIP', find('ClusterIP', '설명', 'reverse').backText).accepted).toBe(true);
		expect(checkTypedAnswer('Canery', find('Canary', '설명', 'reverse').backText).verdict).toBe('close');
		expect(checkTypedAnswer('INFO', find('WARN', '용도', 'reverse').backText).accepted).toBe(false);
		expect(checkTypedAnswer('pull', find('Prometheus', '데이터 수집').backText).accepted).toBe(true);
	});

	it('builds whole quizzes of every type from every deck', () => {
		for (const seed of [1, 2, 3]) {
			const questions = buildQuiz(index, all, mulberry32(seed));
			expect(questions.length).toBeGreaterThan(50);
			expect(new Set(questions.map((q) => q.cardId)).size).toBe(questions.length);
			expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['mcq', 'reverse', 'typed', 'explain']));
		}
		const section = deckIndex.decks.find((deck) => deck.title === 'Kubernetes 핵심 개념')!;
		const questions = buildQuiz(index, { ...all, deckIds: [section.id], length: 10 }, mulberry32(4));
		expect(questions).toHaveLength(10);
		const k8sDecks = new Set(deckIndex.decks.filter((deck) => deck.parentId === section.id).map((deck) => deck.id));
		expect(questions.every((q) => k8sDecks.has(q.deckId))).toBe(true);
	});
});
