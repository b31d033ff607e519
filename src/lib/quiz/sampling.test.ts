import { describe, expect, it } from 'vitest';
import { mulberry32, seedFromString, shuffled } from './rng';
import { LazyShuffle, lowestFirst, randomDraws } from './sampling';

describe('mulberry32', () => {
	it('gives the same stream for the same seed and another for another seed', () => {
		const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
		expect(take(42)).toEqual(take(42));
		expect(take(42)).not.toEqual(take(43));
		expect(take(7).every((x) => x >= 0 && x < 1)).toBe(true);
	});

	it('hashes text seeds stably', () => {
		expect(seedFromString('2025-01-01')).toBe(seedFromString('2025-01-01'));
		expect(seedFromString('a')).not.toBe(seedFromString('b'));
	});

	it('shuffles into a permutation without touching the input', () => {
		const input = [1, 2, 3, 4, 5, 6];
		const output = shuffled(input, mulberry32(1));
		expect(input).toEqual([1, 2, 3, 4, 5, 6]);
		expect([...output].sort()).toEqual(input);
	});
});

describe('LazyShuffle', () => {
	it('draws every position exactly once, then -1', () => {
		const order = new LazyShuffle(50, mulberry32(3));
		const drawn = Array.from({ length: 50 }, () => order.next());
		expect(new Set(drawn).size).toBe(50);
		expect(Math.min(...drawn)).toBe(0);
		expect(Math.max(...drawn)).toBe(49);
		expect(order.next()).toBe(-1);
		expect(order.remaining).toBe(0);
	});

	it('draws a few of a huge range without repeats', () => {
		const order = new LazyShuffle(1_000_000, mulberry32(9));
		const drawn = Array.from({ length: 1000 }, () => order.next());
		expect(new Set(drawn).size).toBe(1000);
	});

	it('stops randomDraws at the limit or the end', () => {
		expect([...randomDraws([1, 2, 3], mulberry32(1), 2)]).toHaveLength(2);
		expect([...randomDraws([1, 2, 3], mulberry32(1))].sort()).toEqual([1, 2, 3]);
	});
});

describe('lowestFirst', () => {
	const fromArray = (values: (number | undefined)[]) => (visit: (item: number, value: number | undefined) => void) =>
		values.forEach((value, i) => visit(i, value));

	it('yields lowest first, ties in source order, leaving out missing values', () => {
		const values = [0.5, 0.1, 0.5, undefined, 0.9, 0.1, NaN];
		expect([...lowestFirst(fromArray(values), 10)]).toEqual([1, 5, 0, 2, 4]);
	});

	it('takes more passes when the consumer wants more than a batch', () => {
		const rng = mulberry32(5);
		const values = Array.from({ length: 500 }, () => Math.floor(rng() * 50));
		for (const batch of [1, 3, 64, Infinity]) {
			const order = [...lowestFirst(fromArray(values), batch)];
			expect(order.map((i) => values[i])).toEqual([...values].sort((a, b) => a - b));
			expect(new Set(order).size).toBe(500);
		}
	});

	it('reads the source once when the first batch is enough', () => {
		let passes = 0;
		const source = (visit: (item: number, value: number) => void) => {
			passes++;
			for (let i = 0; i < 1000; i++) visit(i, 1000 - i);
		};
		const first = lowestFirst(source, 10);
		const taken = Array.from({ length: 10 }, () => first.next().value);
		expect(taken).toEqual([999, 998, 997, 996, 995, 994, 993, 992, 991, 990]);
		expect(passes).toBe(1);
	});
});
