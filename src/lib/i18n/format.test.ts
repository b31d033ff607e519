import { describe, expect, it } from 'vitest';
import { formatInterval } from '$lib/scheduler/format-interval';
import { formatDayOffset, formatDays, formatSpan, ratingLabels } from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPANS = [
	0,
	30_000,
	MINUTE,
	10 * MINUTE,
	90 * MINUTE,
	23 * HOUR,
	DAY,
	4 * DAY,
	30 * DAY,
	45 * DAY,
	97 * DAY,
	364 * DAY,
	547.5 * DAY,
	36500 * DAY
];

describe('formatSpan', () => {
	it('says intervals in Korean units on the Korean UI (issue #16: `1m`, `10d` and `3.2mo` were English)', () => {
		expect([MINUTE, 10 * MINUTE, 90 * MINUTE, 4 * DAY, 97 * DAY, 547.5 * DAY].map((ms) => formatSpan(ms, 'ko'))).toEqual([
			'1분',
			'10분',
			'1.5시간',
			'4일',
			'3.2개월',
			'1.5년'
		]);
		expect(formatSpan(30_000, 'ko')).toBe('1분 미만');
		for (const ms of SPANS) expect(formatSpan(ms, 'ko')).not.toMatch(/[a-z]/i);
	});

	it("keeps Anki's labels in English, with `mo` for months", () => {
		for (const ms of SPANS) expect(formatSpan(ms, 'en')).toBe(formatInterval(ms));
		expect(formatSpan(97 * DAY, 'en')).toBe('3.2mo');
	});
});

describe('formatDays', () => {
	it('gives a stability in days with one decimal in each language', () => {
		expect(formatDays(12.46, 'en')).toBe('12.5d');
		expect(formatDays(3, 'ko')).toBe('3.0일');
	});
});

describe('formatDayOffset', () => {
	it('labels forecast days with Intl in each language', () => {
		expect([0, 1, 5].map((n) => formatDayOffset(n, 'en'))).toEqual(['Today', 'Tomorrow', 'In 5 days']);
		expect([0, 1, 5].map((n) => formatDayOffset(n, 'ko'))).toEqual(['오늘', '내일', '5일 후']);
	});
});

describe('ratingLabels', () => {
	it('never shows Good and Easy alike when Easy is longer (issue #16: 32 and 34 days both read 1.1mo)', () => {
		const spans = { 1: 10 * MINUTE, 2: 25 * DAY, 3: 32 * DAY, 4: 34 * DAY };
		expect(formatSpan(spans[3], 'en')).toBe(formatSpan(spans[4], 'en'));
		expect(ratingLabels(spans, 'en')).toEqual({ 1: '10m', 2: '25d', 3: '32d', 4: '34d' });
		expect(ratingLabels(spans, 'ko')).toEqual({ 1: '10분', 2: '25일', 3: '32일', 4: '34일' });
	});

	it('keeps equal labels for equal intervals and distinct ones as they are', () => {
		const max = { 1: 10 * MINUTE, 2: 36500 * DAY, 3: 36500 * DAY, 4: 36500 * DAY };
		expect(ratingLabels(max, 'en')).toEqual({ 1: '10m', 2: '100y', 3: '100y', 4: '100y' });
		expect(ratingLabels({ 1: MINUTE, 2: 6 * MINUTE, 3: 10 * MINUTE, 4: 4 * DAY }, 'en')).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '4d' });
	});

	it('follows the scheduler: over many cards, labels read Again < Hard ≤ Good < Easy', () => {
		const order = (spans: Record<1 | 2 | 3 | 4, number>) => {
			const labels = ratingLabels(spans, 'en');
			expect(labels[3]).not.toBe(labels[4]);
		};
		for (let good = DAY; good < 3 * 365 * DAY; good += 7 * DAY) order({ 1: MINUTE, 2: good * 0.8, 3: good, 4: good + DAY });
	});
});
