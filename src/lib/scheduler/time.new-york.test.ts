// Before any Date use: vitest runs each test file in its own worker.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, dayStart, nextDayStart, studyDay } from './time';

const at = (iso: string) => Date.parse(iso);
const calendarDay = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

describe('study days in America/New_York across DST changes', () => {
	it('runs on local time', () => {
		expect(new Date(at('2024-01-15T12:00:00Z')).getTimezoneOffset()).toBe(300);
		expect(new Date(at('2024-07-15T12:00:00Z')).getTimezoneOffset()).toBe(240);
	});

	describe('spring forward (2024-03-10, 02:00 EST becomes 03:00 EDT)', () => {
		it('makes the day before 23 hours long', () => {
			const saturday = at('2024-03-09T12:00:00-05:00');
			expect(dayStart(saturday, 4)).toBe(at('2024-03-09T04:00:00-05:00'));
			expect(nextDayStart(saturday, 4)).toBe(at('2024-03-10T04:00:00-04:00'));
			expect(nextDayStart(saturday, 4) - dayStart(saturday, 4)).toBe(23 * HOUR_MS);
		});

		it('keeps 03:30 EDT in the previous study day and starts the new one at 04:00 EDT', () => {
			expect(studyDay(at('2024-03-10T03:30:00-04:00'), 4)).toBe(calendarDay(2024, 3, 9));
			expect(studyDay(at('2024-03-10T03:59:59-04:00'), 4)).toBe(calendarDay(2024, 3, 9));
			expect(studyDay(at('2024-03-10T04:00:00-04:00'), 4)).toBe(calendarDay(2024, 3, 10));
		});

		it('starts the day at the first hour that exists when the day-start hour is skipped', () => {
			expect(studyDay(at('2024-03-10T01:59:00-05:00'), 2)).toBe(calendarDay(2024, 3, 9));
			expect(studyDay(at('2024-03-10T03:00:00-04:00'), 2)).toBe(calendarDay(2024, 3, 10));
			expect(dayStart(at('2024-03-10T12:00:00-04:00'), 2)).toBe(at('2024-03-10T03:00:00-04:00'));
		});
	});

	describe('fall back (2024-11-03, 02:00 EDT becomes 01:00 EST)', () => {
		it('makes the day before 25 hours long', () => {
			const saturday = at('2024-11-02T12:00:00-04:00');
			expect(dayStart(saturday, 4)).toBe(at('2024-11-02T04:00:00-04:00'));
			expect(nextDayStart(saturday, 4)).toBe(at('2024-11-03T04:00:00-05:00'));
			expect(nextDayStart(saturday, 4) - dayStart(saturday, 4)).toBe(25 * HOUR_MS);
		});

		it('keeps both 01:30s and 03:59 EST in the previous study day', () => {
			expect(studyDay(at('2024-11-03T01:30:00-04:00'), 4)).toBe(calendarDay(2024, 11, 2));
			expect(studyDay(at('2024-11-03T01:30:00-05:00'), 4)).toBe(calendarDay(2024, 11, 2));
			expect(studyDay(at('2024-11-03T03:59:00-05:00'), 4)).toBe(calendarDay(2024, 11, 2));
			expect(studyDay(at('2024-11-03T04:00:00-05:00'), 4)).toBe(calendarDay(2024, 11, 3));
		});
	});

	it('agrees with local Date arithmetic for every hour of a year', () => {
		let mismatches = 0;
		for (let t = at('2024-01-01T00:30:00-05:00'); t < at('2025-01-01T00:00:00-05:00'); t += HOUR_MS) {
			const wall = new Date(t);
			// Local date of (wall-clock time − 4h), computed from the fields, not from offsets.
			const shifted = new Date(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours() - 4);
			const expected = Date.UTC(shifted.getFullYear(), shifted.getMonth(), shifted.getDate()) / DAY_MS;
			if (studyDay(t, 4) !== expected) mismatches++;
			if (!(dayStart(t, 4) <= t && t < nextDayStart(t, 4))) mismatches++;
		}
		expect(mismatches).toBe(0);
	});
});
