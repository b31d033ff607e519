import { describe, expect, it } from 'vitest';
import { RetentionDays, retentionRate, retentionTable } from './retention';

const TODAY = 1000;

describe('true retention', () => {
	it('counts no rating outside Again..Easy, whatever a bad log row holds', () => {
		const counter = new RetentionDays();
		for (const rating of [0, 5, 7, NaN, -1, 2.5, '3', undefined])
			counter.add({ cardId: 'a', day: TODAY, rating: rating as number, lastInterval: NaN });
		expect(counter.cells.size).toBe(0);
		// ...and a card's first valid rating of the day is still the one counted.
		counter.add({ cardId: 'a', day: TODAY, rating: 1, lastInterval: NaN });
		expect(retentionTable(counter.cells, TODAY)[7].young).toEqual({ passed: 0, failed: 1 });
	});

	it('matches a hand-counted table', () => {
		const counter = new RetentionDays();
		const add = (cardId: string, day: number, rating: number, lastInterval: number) => counter.add({ cardId, day, rating, lastInterval });
		add('a', TODAY, 3, 5); // young pass, in all windows
		add('a', TODAY, 1, 5); // same card, same day: not counted
		add('b', TODAY - 6, 1, 30); // mature fail, last day of the 7-day window
		add('c', TODAY - 7, 4, 20); // young pass, 30 and 365 only
		add('c', TODAY - 29, 2, 21); // mature pass (Hard passes), 30 and 365
		add('d', TODAY - 30, 1, 2); // young fail, 365 only
		add('e', TODAY - 364, 3, 100); // mature pass, 365 only
		add('f', TODAY - 365, 1, 100); // too old
		add('g', TODAY + 1, 1, 100); // a clock ahead: ignored
		const table = retentionTable(counter.cells, TODAY);
		expect(table[7]).toEqual({ young: { passed: 1, failed: 0 }, mature: { passed: 0, failed: 1 }, all: { passed: 1, failed: 1 } });
		expect(table[30]).toEqual({ young: { passed: 2, failed: 0 }, mature: { passed: 1, failed: 1 }, all: { passed: 3, failed: 1 } });
		expect(table[365]).toEqual({ young: { passed: 2, failed: 1 }, mature: { passed: 2, failed: 1 }, all: { passed: 4, failed: 2 } });
		expect(retentionRate(table[30].all)).toBe(0.75);
		// Per-day cells add up the same whether counted at once or a day at a time.
		const split = [...counter.cells].map(([day, cell]) => [day, [...cell]] as [number, typeof cell]);
		expect(retentionTable(split, TODAY)).toEqual(table);
		expect(retentionRate(table[365].young)).toBeCloseTo(2 / 3, 10);
	});

	it('has no rate without reviews', () => {
		expect(retentionRate(retentionTable([], TODAY)[7].all)).toBeNull();
	});
});
