/**
 * A card's id comes from the note's path, the table's place, the row key, the column asked and
 * the direction, and nothing else: each edit below must keep every other card's id (and so
 * the progress a person has made on it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decksOf, inRowOrder, OWNER_NOTES } from './testing';
import type { Card, NoteDecks } from './types';

const FILE = 'infra-monitoring.md';
const owner = readFileSync(join(OWNER_NOTES, FILE), 'utf8');
const base = decksOf(owner, FILE);

/** Card id by what the card is about, readable in a failure message. */
function idsByMeaning(note: NoteDecks): Map<string, string> {
	const path = new Map(note.decks.map((d) => [d.id, d.path.join(' › ')]));
	return new Map(note.cards.map((c) => [`${path.get(c.deckId)} | ${c.rowKey} | ${c.column} | ${c.direction}`, c.id]));
}

/** Replaces text that must occur exactly once, so that a test cannot silently edit nothing. */
function edit(text: string, from: string, to: string): string {
	expect(text.split(from).length, `"${from}" occurs once`).toBe(2);
	return text.replace(from, () => to);
}

/** Every card of `before` whose meaning is still in `after` has the same id there. */
function expectKept(before: NoteDecks, after: NoteDecks, except: (key: string) => boolean = () => false) {
	const now = idsByMeaning(after);
	const kept = [...idsByMeaning(before)].filter(([key]) => !except(key));
	expect(kept.length).toBeGreaterThan(0);
	expect(kept.filter(([key, id]) => now.get(key) !== id)).toEqual([]);
}

const SERVICE_ROW = '| **ClusterIP** | 클러스터 내부에서만 접근 (기본) |';
const STRATEGY_TABLE = `| 전략 | 설명 | 장점 | 단점 |
|------|------|------|------|
| **Rolling** | 점진적 교체 | 무중단 | 롤백 느림 |
| **Blue/Green** | 환경 전환 | 즉시 롤백 | 리소스 2배 |
| **Canary** | 일부에만 배포 | 리스크 최소 | 복잡 |
| **A/B Testing** | 사용자 분할 | 실험 가능 | 복잡 |`;
const strategyIds = (note: NoteDecks) => inRowOrder(note.cards.filter((c) => c.rowKey === 'Canary'));

describe('card identity', () => {
	it('depends on nothing but the note path, place, key, column and direction', () => {
		expect(new Set(base.cards.map((c) => c.id)).size).toBe(base.cards.length);
		expect(idsByMeaning(base).size).toBe(base.cards.length);
		const elsewhere = decksOf(owner, `archive/${FILE}`);
		expect(elsewhere.cards.filter((c) => base.cards.some((b) => b.id === c.id))).toEqual([]);
	});

	it('survives editing an answer cell, in both directions of the card', () => {
		const after = decksOf(edit(owner, SERVICE_ROW, '| **ClusterIP** | 클러스터 안에서만 (기본값) |'), FILE);
		expect(after.cards.map((c) => c.id)).toEqual(base.cards.map((c) => c.id));
		expect(after.cards.find((c) => c.rowKey === 'ClusterIP' && c.direction === 'reverse')!.frontText).toBe(
			'설명: 클러스터 안에서만 (기본값) → 타입'
		);
	});

	it('survives adding rows, at the top and in the middle', () => {
		let text = edit(owner, SERVICE_ROW, `| **Headless** | 셀렉터로 파드 IP 직접 반환 |\n${SERVICE_ROW}`);
		text = edit(text, '| **Canary** |', '| **Shadow** | 복제 트래픽 | 실사용 검증 | 비용 |\n| **Canary** |');
		const after = decksOf(text, FILE);
		expectKept(base, after);
		expect(after.cards.length).toBe(base.cards.length + 2 + 4);
	});

	it('survives removing rows: only the removed row’s cards go', () => {
		const after = decksOf(edit(owner, '| **NodePort** | 노드 포트로 외부 노출 |\n', ''), FILE);
		expectKept(base, after, (key) => key.includes('| NodePort |'));
		expect(after.cards.length).toBe(base.cards.length - 2);
	});

	it('survives reordering rows', () => {
		const after = decksOf(
			edit(owner, `${SERVICE_ROW}\n| **NodePort** | 노드 포트로 외부 노출 |`, `| **NodePort** | 노드 포트로 외부 노출 |\n${SERVICE_ROW}`),
			FILE
		);
		expect(new Set(after.cards.map((c) => c.id))).toEqual(new Set(base.cards.map((c) => c.id)));
		expect(after.cards.map((c) => c.id)).not.toEqual(base.cards.map((c) => c.id));
	});

	it('survives adding a column in the middle of a table', () => {
		const widened = STRATEGY_TABLE.split('\n')
			.map((line, i) => line.replace(/^(\|[^|]+\|[^|]+\|)/, (start) => `${start} ${['비용', '---', '낮음', '높음', '중간', '중간'][i]} |`))
			.join('\n');
		const after = decksOf(edit(owner, STRATEGY_TABLE, widened), FILE);
		expectKept(base, after);
		expect(strategyIds(after).map((c) => c.column)).toEqual(['설명', '설명', '비용', '장점', '단점']);
	});

	it('survives reordering columns: swapping two attributes keeps every id', () => {
		const swapped = STRATEGY_TABLE.replace(/^(\|[^|]+\|[^|]+\|)([^|]+\|)([^|]+\|)$/gm, '$1$3$2');
		const after = decksOf(edit(owner, STRATEGY_TABLE, swapped), FILE);
		expect(new Set(after.cards.map((c) => c.id))).toEqual(new Set(base.cards.map((c) => c.id)));
		expect(strategyIds(after).map((c) => c.column)).toEqual(['설명', '설명', '단점', '장점']);
	});

	it('survives moving another column first: every forward card keeps its id, the reverse card asks the new first column', () => {
		const moved = STRATEGY_TABLE.replace(/^(\|[^|]+\|)([^|]+\|)([^|]+\|)/gm, '$1$3$2');
		const after = decksOf(edit(owner, STRATEGY_TABLE, moved), FILE);
		expectKept(base, after, (key) => key.includes('배포 전략') && key.endsWith('| reverse'));
		expect(strategyIds(after).map((c) => [c.column, c.direction, c.frontText])).toEqual([
			['장점', 'forward', 'Canary · 장점'],
			['장점', 'reverse', '장점: 리스크 최소 → 전략'],
			['설명', 'forward', 'Canary · 설명'],
			['단점', 'forward', 'Canary · 단점']
		]);
	});

	it('survives adding sections elsewhere, even ones with the same ### titles', () => {
		const extra =
			'## 네트워크\n\n### 서비스 타입\n\n| 타입 | 설명 |\n|---|---|\n| **ClusterIP** | 다른 의미 |\n\n| 포트 | 뜻 |\n|---|---|\n| 포트 A | 첫째 |\n\n';
		let text = edit(owner, '## Kubernetes 핵심 개념', `${extra}## Kubernetes 핵심 개념`);
		text = edit(text, '## 관련 Interview 문서', `${extra.replace('네트워크', '부록')}## 관련 Interview 문서`);
		const after = decksOf(text, FILE);
		expectKept(base, after);
		expect(after.cards.length).toBe(base.cards.length + 8);
		expect(new Set(after.cards.map((c) => c.id)).size).toBe(after.cards.length);
	});

	it('changes when a key is renamed, and only for that key', () => {
		const after = decksOf(edit(owner, SERVICE_ROW, SERVICE_ROW.replace('ClusterIP', 'Cluster IP')), FILE);
		expectKept(base, after, (key) => key.includes('| ClusterIP |'));
		const renamed = after.cards.filter((c) => c.rowKey === 'Cluster IP').map((c) => c.id);
		expect(renamed).toHaveLength(2);
		expect(renamed.filter((id) => base.cards.some((c) => c.id === id))).toEqual([]);
	});

	it('changes when a table moves to another place', () => {
		const text = edit(owner, '### 서비스 타입\n', '### Service types\n');
		const moved = decksOf(text, FILE).cards.filter((c) => c.rowKey === 'ClusterIP');
		expect(moved.filter((c: Card) => base.cards.some((b) => b.id === c.id))).toEqual([]);
	});

	// Regression: tables were numbered among the ones that made cards, so skipping the first of
	// two tables under one heading gave every card of the second a new id.
	it('survives skipping, or a grid gaining a word, in another table of the same place', () => {
		const two = (first: string) => `## S\n\n${first}\n| k | v |\n|---|---|\n| a | one |\n\n| k | v |\n|---|---|\n| b | two |\n`;
		const plain = decksOf(two(''));
		const skipped = decksOf(two('<!-- tabledeck: skip -->'));
		expect(skipped.cards.map((c) => c.rowKey)).toEqual(['b', 'b']);
		expectKept(skipped, plain);

		const grid = (cell: string) => `## S\n\n| x | y |\n|---|---|\n| 1 | ${cell} |\n\n| k | v |\n|---|---|\n| b | 2 |\n`;
		expectKept(decksOf(grid('2')), decksOf(grid('2 words')));
	});

	it('is the same for a decomposed (NFD) Korean key as for the composed one', () => {
		const nfdKey = '| 파드 | 가장 작은 단위 |'.normalize('NFD');
		const text = (row: string) => `# 노트\n\n## 쿠버네티스\n\n| 개념 | 설명 |\n|---|---|\n${row}\n`;
		expect(nfdKey).not.toBe(nfdKey.normalize('NFC'));
		const composed = decksOf(text(nfdKey.normalize('NFC')));
		const decomposed = decksOf(text(nfdKey));
		expect(decomposed.cards.map((c) => [c.id, c.rowKey])).toEqual(composed.cards.map((c) => [c.id, c.rowKey]));
		expect(decomposed.cards[0].rowKey).toBe('파드');
	});
});
