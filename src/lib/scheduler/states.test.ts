import { describe, expect, it } from 'vitest';
import { fuzzedDays, movesOf, type Position, type StepRules } from './states';
import { DAY_MS } from './time';
import { LEARNING, NEW, RELEARNING, REVIEW } from './types';

const DAY = 86_400;
const RULES: StepRules = { learning: [60, 600], relearning: [600], maximumInterval: 36500, fuzz: null };
const LEARNT = { 1: 0.2, 2: 1.3, 3: 2.3, 4: 8.3 };
const at = (state: Position['state'], step: number, scheduledDays = 0): Position => ({ state, step, scheduledDays });
const secs = (ms: number) => ms / 1000;

// The cases of Anki's own tests (rslib/src/scheduler/states/steps.rs, delay_secs).
describe('learning steps, as Anki takes them', () => {
	it('puts Hard on the first step halfway to the second (5.5 minutes for 1m 10m)', () => {
		const moves = movesOf(at(NEW, 0), LEARNT, RULES);
		expect([1, 2, 3].map((r) => secs(moves[r as 1 | 2 | 3].delayMs))).toEqual([60, 330, 600]);
		expect(moves[2]).toMatchObject({ state: LEARNING, step: 0 });
		expect(moves[3]).toMatchObject({ state: LEARNING, step: 1 });
	});

	it('repeats the current step for Hard past the first, and graduates on Good from the last', () => {
		const moves = movesOf(at(LEARNING, 1), LEARNT, RULES);
		expect(moves[2]).toMatchObject({ state: LEARNING, step: 1, delayMs: 600_000 });
		expect(moves[3]).toMatchObject({ state: REVIEW, scheduledDays: 2 });
		const three = { ...RULES, learning: [60, 600, 6000] };
		expect([0, 1, 2].map((step) => secs(movesOf(at(LEARNING, step), LEARNT, three)[2].delayMs))).toEqual([330, 600, 6000]);
	});

	it('gives Hard 1.5 times a single step, but at most a day more', () => {
		expect(secs(movesOf(at(RELEARNING, 0), LEARNT, RULES)[2].delayMs)).toBe(900);
		const long = { ...RULES, learning: [3 * DAY] };
		expect(movesOf(at(LEARNING, 0), LEARNT, long)[2]).toMatchObject({ state: LEARNING, delayMs: 4 * DAY_MS });
	});

	it('sends Easy out of the steps at least a day after Good', () => {
		// FSRS gives Good 2.3 days and Easy 2.4: Anki makes Easy 3.
		expect(movesOf(at(LEARNING, 1), { ...LEARNT, 4: 2.4 }, RULES)[4]).toMatchObject({ state: REVIEW, scheduledDays: 3 });
		expect(movesOf(at(RELEARNING, 0), { ...LEARNT, 4: 2.4 }, RULES)[4].scheduledDays).toBe(3);
	});

	it('keeps a card without steps in (re)learning for FSRS’s interval while that is under half a day', () => {
		const stepless = { ...RULES, learning: [], relearning: [] };
		expect(movesOf(at(NEW, 0), LEARNT, stepless)[1]).toMatchObject({ state: LEARNING, delayMs: 0.2 * DAY * 1000 });
		expect(movesOf(at(NEW, 0), LEARNT, stepless)[2]).toMatchObject({ state: REVIEW, scheduledDays: 1 });
		expect(movesOf(at(REVIEW, 0, 5), LEARNT, stepless)[1]).toMatchObject({ state: RELEARNING, delayMs: 0.2 * DAY * 1000 });
	});
});

describe('review intervals, as Anki takes them', () => {
	it('does not shorten an early review: Hard keeps the previous interval, Good and Easy go past it', () => {
		// A 10-day card reviewed early, for which FSRS now says 8.6, 9.4 and 12 days.
		const moves = movesOf(at(REVIEW, 0, 10), { 1: 0.5, 2: 8.6, 3: 9.4, 4: 12 }, RULES);
		expect([2, 3, 4].map((r) => moves[r as 2 | 3 | 4].scheduledDays)).toEqual([10, 11, 12]);
	});

	it('lets an interval shrink when the previous one lies outside its fuzz range', () => {
		// Anki's own case (fuzz.rs): 2.73 days after a 5-day interval is 3 days.
		expect(movesOf(at(REVIEW, 0, 5), { 1: 0.5, 2: 2.1, 3: 2.7269483, 4: 6 }, RULES)[3].scheduledDays).toBe(3);
		expect(movesOf(at(REVIEW, 0, 4), { 1: 0.5, 2: 2.1, 3: 2.7269483, 4: 6 }, RULES)[3].scheduledDays).toBe(4);
	});

	it('keeps Hard < Good < Easy and the maximum interval', () => {
		const moves = movesOf(at(REVIEW, 0, 20), { 1: 3, 2: 30, 3: 30.2, 4: 30.4 }, RULES);
		expect([2, 3, 4].map((r) => moves[r as 2 | 3 | 4].scheduledDays)).toEqual([30, 31, 32]);
		const capped = movesOf(at(REVIEW, 0, 20), { 1: 3, 2: 30, 3: 30.2, 4: 30.4 }, { ...RULES, maximumInterval: 30 });
		expect([2, 3, 4].map((r) => capped[r as 2 | 3 | 4].scheduledDays)).toEqual([30, 30, 30]);
	});
});

// The cases of Anki's own tests (rslib/src/scheduler/states/fuzz.rs, with_review_fuzz).
describe('fuzz, as Anki spreads it', () => {
	it.each([
		[1.0, 1, 1000, [1, 1, 1]],
		[2.49, 1, 1000, [2, 2, 2]],
		[2.5, 1, 1000, [2, 3, 4]],
		[7.0, 1, 1000, [5, 7, 9]],
		[17.0, 1, 1000, [14, 17, 20]],
		[37.0, 1, 1000, [33, 37, 41]],
		[2.0, 3, 1000, [3, 4, 4]],
		[2.0, 3, 3, [3, 3, 3]],
		[19.9, 3, 1000, [17, 20, 23]],
		[100.0, 101, 1000, [101, 105, 108]],
		[100.0, 1, 99, [92, 96, 99]],
		[100.0, 97, 103, [97, 100, 103]]
	])('%f days within [%i, %i] lands on %j for fuzz 0, 0.5 and 0.99', (interval, min, max, expected) => {
		expect([0, 0.5, 0.99].map((fuzz) => fuzzedDays(interval, min, max, fuzz))).toEqual(expected);
	});

	it('keeps Hard < Good < Easy whatever the fuzz', () => {
		for (const fuzz of [0, 0.3, 0.7, 0.999]) {
			const moves = movesOf(at(REVIEW, 0, 10), { 1: 1, 2: 12, 3: 13, 4: 14 }, { ...RULES, fuzz });
			expect(moves[2].scheduledDays).toBeLessThan(moves[3].scheduledDays);
			expect(moves[3].scheduledDays).toBeLessThan(moves[4].scheduledDays);
		}
	});
});
