import { describe, expect, it } from 'vitest';
import { LEECH_LAPSES, madeLeech } from './leech';

const lapses = (n: number) => ({ lapses: n });

describe('madeLeech', () => {
	it('says so when a lapse reaches 8, then every 4 more', () => {
		expect(LEECH_LAPSES).toBe(8);
		const reached = [7, 8, 9, 11, 12, 16].map((n) => madeLeech(lapses(n - 1), lapses(n)));
		expect(reached).toEqual([false, true, false, false, true, true]);
	});

	it('says nothing when the rating added no lapse, even at a leech count', () => {
		expect(madeLeech(lapses(8), lapses(8))).toBe(false);
		expect(madeLeech(lapses(12), lapses(12))).toBe(false);
	});

	it('counts a new card as having no lapses before', () => {
		expect(madeLeech(null, lapses(8))).toBe(true);
		expect(madeLeech(null, lapses(1))).toBe(false);
	});
});
