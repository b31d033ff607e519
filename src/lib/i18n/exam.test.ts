import { describe, expect, it } from 'vitest';
import { EXAM_STRINGS } from './exam';

describe('interview date strings', () => {
	it('say the plan’s share of today and readiness in English and in Korean', () => {
		const { en, ko } = EXAM_STRINGS;
		expect(Object.keys(ko)).toEqual(Object.keys(en));
		expect(en.plannedToday(1)).toBe('1 extra review today comes from the interview plan.');
		expect(en.plannedToday(4)).toBe('4 extra reviews today come from the interview plan.');
		expect(ko.plannedToday(4)).toBe('오늘 복습 중 4개는 면접 계획에 따라 앞당긴 것입니다.');
		expect(en.recallNow(0.8649)).toBe('Predicted recall on that day: 86.4% of the cards.');
		expect(en.recallPlanned(0.9, 3)).toBe('With the plan: 90%, taking up to 3 extra reviews a day.');
		expect(ko.recallPlanned(0.9, 3)).toBe('계획대로 하면 90%, 하루에 최대 3개를 더 복습합니다.');
		expect(en.on('2026-12-20', 1)).toBe('2026-12-20 — 1 day left.');
		expect(ko.on('2026-12-20', 0)).toBe('2026-12-20 — 그날이 되었습니다.');
	});
});
