import { describe, expect, it } from 'vitest';
import { formatInterval } from './format-interval';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
	it.each([
		[0, '<1m'],
		[-5 * MINUTE, '<1m'],
		[30 * SECOND, '<1m'],
		[59 * SECOND, '<1m'],
		[MINUTE, '1m'],
		[89 * SECOND, '1m'],
		[90 * SECOND, '2m'],
		[6 * MINUTE, '6m'],
		[10 * MINUTE, '10m'],
		[59 * MINUTE, '59m'],
		[HOUR, '1h'],
		[90 * MINUTE, '1.5h'],
		[2 * HOUR + 6 * MINUTE, '2.1h'],
		[23 * HOUR, '23h'],
		[DAY, '1d'],
		[DAY + 11 * HOUR, '1d'],
		[DAY + 12 * HOUR, '2d'],
		[4 * DAY, '4d'],
		[30 * DAY, '30d'],
		[31 * DAY, '1mo'],
		[45 * DAY, '1.5mo'],
		[97 * DAY, '3.2mo'],
		[364 * DAY, '12mo'],
		[365 * DAY, '1y'],
		[547.5 * DAY, '1.5y'],
		[1258 * DAY, '3.4y'],
		[36500 * DAY, '100y']
	])('formats %d ms as %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});
