import { describe, expect, it } from 'vitest';
import { heatmapWeeks, monthColumns, monthTotals, streaks, streaksOf, summarizeDays } from './heatmap';

// Study day 20157 is 2025-03-10, a Monday.
const MONDAY = 20157;

describe('heatmapWeeks', () => {
	it('puts each study day under its weekday', () => {
		const column = (day: number) => heatmapWeeks(new Map(), day, 1)[0].cells.findIndex((cell) => cell?.day === day);
		expect(column(0)).toBe(4);
		expect(column(MONDAY)).toBe(1);
		expect(column(MONDAY - 1)).toBe(0);
	});

	it('lays 14 days out in Sunday-first weeks, blank before the first day and after today', () => {
		const counts = new Map([
			[MONDAY, 8],
			[MONDAY - 1, 2],
			[MONDAY - 13, 1],
			[MONDAY - 14, 50] // outside the 14 days: neither shown nor the maximum
		]);
		const weeks = heatmapWeeks(counts, MONDAY, 14);
		// Days MONDAY-13 (a Tuesday) .. MONDAY: weeks start on Sundays MONDAY-15, MONDAY-8, MONDAY-1.
		expect(weeks.map((w) => w.start)).toEqual([MONDAY - 15, MONDAY - 8, MONDAY - 1]);
		expect(weeks[0].cells.map((c) => c?.count ?? null)).toEqual([null, null, 1, 0, 0, 0, 0]);
		expect(weeks[2].cells.map((c) => c?.count ?? null)).toEqual([2, 8, null, null, null, null, null]);
		expect(weeks[2].cells[1]).toEqual({ day: MONDAY, count: 8, level: 4 });
		expect(weeks[0].cells[2]?.level).toBe(1);
		expect(weeks.flatMap((w) => w.cells).filter((c) => c !== null)).toHaveLength(14);
	});

	it('shows a whole year in 53 weeks', () => {
		expect(heatmapWeeks(new Map(), MONDAY).length).toBe(53);
	});

	it('grades levels by share of the busiest day', () => {
		// MONDAY - 1 is a Sunday: the week MONDAY - 1 .. MONDAY + 5 is one row.
		const week = [0, 1, 2, 3, 4, 5, 8];
		const counts = new Map(week.map((count, i) => [MONDAY - 1 + i, count]));
		const levels = heatmapWeeks(counts, MONDAY + 5, 7)[0].cells.map((cell) => cell?.level);
		expect(levels).toEqual([0, 1, 1, 2, 2, 3, 4]);
		expect(heatmapWeeks(new Map(), MONDAY + 5, 7)[0].cells.map((cell) => cell?.level)).toEqual([0, 0, 0, 0, 0, 0, 0]);
	});
});

describe('monthColumns (issue #16: the heatmap names its months)', () => {
	const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

	it('starts each label at the week holding the month’s 1st and spans up to the next', () => {
		// 2025-03-31 is a Monday: its week holds April 1st, so April starts there.
		const weeks = heatmapWeeks(new Map(), dayOf('2025-04-30'), 45);
		const labels = monthColumns(weeks);
		expect(labels.map(({ year, month, column, span }) => [year, month, column, span])).toEqual([
			[2025, 3, 0, 2],
			[2025, 4, 2, 5]
		]);
		expect(weeks[2].cells.some((cell) => cell?.day === dayOf('2025-04-01'))).toBe(true);
	});

	it('labels a whole year with 13 months whose spans cover every week', () => {
		const weeks = heatmapWeeks(new Map(), dayOf('2025-06-15'));
		const labels = monthColumns(weeks);
		expect(labels.length).toBe(13);
		expect(labels.reduce((sum, label) => sum + label.span, 0)).toBe(weeks.length);
		expect(labels.at(-1)).toMatchObject({ year: 2025, month: 6 });
	});
});

describe('streaks', () => {
	const today = 100;
	it('counts the run ending today and the longest run', () => {
		expect(streaks([90, 91, 92, 93, 97, 98, 99, 100], today)).toEqual({ current: 4, longest: 4 });
		expect(streaks([80, 81, 82, 83, 84, 85, 99, 100], today)).toEqual({ current: 2, longest: 6 });
	});

	it('keeps the streak while today is not yet studied, and ends it after a missed day', () => {
		expect(streaks([97, 98, 99], today)).toEqual({ current: 3, longest: 3 });
		expect(streaks([97, 98], today)).toEqual({ current: 0, longest: 2 });
	});

	it('is zero without reviews', () => {
		expect(streaks([], today)).toEqual({ current: 0, longest: 0 });
	});

	it('extends a summary with newer days as if counted at once', () => {
		const days = [80, 81, 82, 90, 91, 99, 100];
		const summary = summarizeDays(days.slice(4), summarizeDays(days.slice(0, 4)));
		expect(summary).toEqual(summarizeDays(days));
		expect(streaksOf(summary, today)).toEqual({ current: 2, longest: 3 });
	});
});

describe('monthTotals', () => {
	it('adds up reviews and study days per calendar month', () => {
		// MONDAY is 2025-03-10; 40 days back reach into January.
		const counts = new Map([
			[MONDAY, 3],
			[MONDAY - 9, 2],
			[MONDAY - 10, 4],
			[MONDAY - 39, 1]
		]);
		expect(monthTotals(counts, MONDAY, 40)).toEqual([
			{ year: 2025, month: 1, reviews: 1, days: 1 },
			{ year: 2025, month: 2, reviews: 4, days: 1 },
			{ year: 2025, month: 3, reviews: 5, days: 2 }
		]);
	});
});
