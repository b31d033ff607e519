// Before any Date use: vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { DAY_MS, dayStart, nextDayStart, studyDay, studyDayStart } from './time';

const at = (iso: string) => Date.parse(iso);
const calendarDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

describe('study days in Asia/Seoul (UTC+9, no DST)', () => {
	it('runs on local time', () => {
		expect(new Date(at('2024-05-01T00:00:00Z')).getTimezoneOffset()).toBe(-540);
	});

	it('puts 03:59 in the previous day and 04:00 in the new one', () => {
		expect(studyDay(at('2024-05-01T03:59:59+09:00'), 4)).toBe(calendarDay(2024, 4, 30));
		expect(studyDay(at('2024-05-01T04:00:00+09:00'), 4)).toBe(calendarDay(2024, 5, 1));
		expect(studyDay(at('2024-05-01T23:59:00+09:00'), 4)).toBe(calendarDay(2024, 5, 1));
	});

	it('keeps 08:59 and 09:01 on one day though the UTC date changes between them', () => {
		expect(studyDay(at('2024-05-01T08:59:00+09:00'), 4)).toBe(studyDay(at('2024-05-01T09:01:00+09:00'), 4));
	});

	it('gives the start of the current and of the next study day', () => {
		const lateNight = at('2024-05-01T03:59:00+09:00');
		expect(dayStart(lateNight, 4)).toBe(at('2024-04-30T04:00:00+09:00'));
		expect(nextDayStart(lateNight, 4)).toBe(at('2024-05-01T04:00:00+09:00'));
		const morning = at('2024-05-01T04:00:00+09:00');
		expect(dayStart(morning, 4)).toBe(morning);
		expect(nextDayStart(morning, 4)).toBe(at('2024-05-02T04:00:00+09:00'));
	});

	it('follows another day-start hour', () => {
		expect(dayStart(at('2024-05-01T00:30:00+09:00'), 0)).toBe(at('2024-05-01T00:00:00+09:00'));
		expect(nextDayStart(at('2024-12-31T23:00:00+09:00'), 0)).toBe(at('2025-01-01T00:00:00+09:00'));
	});

	it('maps a day number back to its start', () => {
		const day = studyDay(at('2024-02-29T12:00:00+09:00'), 4);
		expect(studyDayStart(day, 4)).toBe(at('2024-02-29T04:00:00+09:00'));
		expect(studyDayStart(day + 1, 4)).toBe(at('2024-03-01T04:00:00+09:00'));
	});
});
