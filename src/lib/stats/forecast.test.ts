// Before any Date use: vitest runs each test file in its own worker.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { dayBounds } from './forecast';

describe('dayBounds', () => {
	it('gives the start of each study day from today on', () => {
		const now = Date.UTC(2025, 2, 10, 3); // 03:00, still the study day of 9 March
		expect(dayBounds(now, 4, 3)).toEqual([
			Date.UTC(2025, 2, 9, 4),
			Date.UTC(2025, 2, 10, 4),
			Date.UTC(2025, 2, 11, 4),
			Date.UTC(2025, 2, 12, 4)
		]);
	});
});
