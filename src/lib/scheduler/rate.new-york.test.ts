// Before any Date use: vitest runs each test file in its own worker.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { rate } from './rate';
import { DEFAULT_SETTINGS } from './types';

const at = (iso: string) => Date.parse(iso);

describe('rate across DST changes in America/New_York', () => {
	it('counts the 23 hours over spring forward as one study day', () => {
		const learnt = rate(null, 'c1', 4, at('2024-03-09T10:00:00-05:00'), DEFAULT_SETTINGS, 0, 'l').progress;
		const next = rate(learnt, 'c1', 3, at('2024-03-10T10:00:00-04:00'), DEFAULT_SETTINGS, 0, 'l');
		expect(next.log.elapsedDays).toBe(1);
	});

	// 01:10 EST comes 40 minutes after 01:30 EDT but reads earlier on the clock.
	it('rates a card again in the hour repeated when DST ends', () => {
		const first = rate(null, 'c1', 1, at('2024-11-03T01:30:00-04:00'), DEFAULT_SETTINGS, 0, 'l').progress;
		const again = rate(first, 'c1', 3, at('2024-11-03T01:10:00-05:00'), DEFAULT_SETTINGS, 0, 'l');
		expect(again.log.elapsedDays).toBe(0);
		expect(again.progress.due).toBe(at('2024-11-03T01:20:00-05:00'));
	});
});
