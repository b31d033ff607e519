import { describe, expect, it } from 'vitest';
import { isScaleValue } from './ratings';
import { compileText } from './testing';

describe('rating grids', () => {
	it('count steps of a scale and stars, not yes/no', () => {
		expect(['높음', '매우 높음', '상대적으로 쉬움', 'Some', 'Most', '★★☆', '상'].filter(isScaleValue)).toHaveLength(7);
		expect(['가능', '불가', '있음', 'O', '✅', 'Dirty Read'].filter(isScaleValue)).toEqual([]);
	});

	it('leave a single rating column of an attribute table alone (the owner’s 심각도)', () => {
		const { decks } = compileText(
			'# 알림\n\n## 알림 규칙\n\n| 항목 | 조건 | 심각도 |\n|---|---|---|\n| Error Rate | > 1% | 높음 |\n| CPU | > 80% | 낮음 |\n| Lag | > 10000 | 중간 |\n'
		);
		expect(decks!.cards.filter((card) => card.column === '심각도').map((card) => card.frontText)).toEqual([
			'Error Rate · 심각도',
			'CPU · 심각도',
			'Lag · 심각도'
		]);
	});

	it('say in the report why a rating column has no row cards, and what replaced them', () => {
		const { report } = compileText(
			'# N\n\n## A vs B 비교\n\n| 기준 | A | B |\n|---|---|---|\n| 속도 | 빠름 | 느림 |\n| 용도 | 캐시 | 저장 |\n'
		);
		expect(report[0].columns).toContainEqual({
			column: '속도',
			note: 'no forward cards: ratings on a small scale; asked as which row is highest'
		});
		expect(report[0].signals).toContain('1 which-row-is-highest card(s) for rating columns');
		expect(report[0].cards.whole).toBe(1);
	});
});
