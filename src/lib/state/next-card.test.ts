import { describe, expect, it } from 'vitest';
import { dayStart, LEARNING, nextDayStart, RELEARNING, REVIEW } from '$lib/scheduler';
import { earliest, shownFrom } from './next-card';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 2, 10, 12);
const dayEnd = nextDayStart(NOW, 4);

describe('shownFrom', () => {
	it('shows a review from the start of its due day, not at the hour it was rated (issue #16)', () => {
		const due = NOW + 3 * DAY + 6 * HOUR;
		expect(shownFrom({ state: REVIEW, due }, dayEnd, 4)).toBe(dayStart(due, 4));
		expect(shownFrom({ state: REVIEW, due }, dayEnd, 4)).toBeLessThan(due);
	});

	it('shows a review due today but not shown (the review limit) when the next day starts', () => {
		expect(shownFrom({ state: REVIEW, due: NOW + HOUR }, dayEnd, 4)).toBe(dayEnd);
	});

	it('shows learning cards at their minute', () => {
		expect(shownFrom({ state: LEARNING, due: NOW + 10 * 60_000 }, dayEnd, 4)).toBe(NOW + 10 * 60_000);
		expect(shownFrom({ state: RELEARNING, due: NOW + 2 * DAY }, dayEnd, 4)).toBe(NOW + 2 * DAY);
	});
});

describe('earliest', () => {
	it('is the smallest known time, or null', () => {
		expect(earliest(null, 5, 3)).toBe(3);
		expect(earliest(null, null)).toBeNull();
	});
});
