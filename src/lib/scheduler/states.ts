/**
 * Anki's card state machine around FSRS's numbers (rslib/src/scheduler/states/, with FSRS on
 * and "short-term with steps" off, as Anki ships): which (re)learning step a rating leads to,
 * and how each rating's FSRS interval becomes whole days. FSRS itself (memory states) stays
 * in fsrs.ts; this module only gets each rating's interval in fractional days.
 */
import { DAY_MS } from './time';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardStateKind, type Rating } from './types';

/** Where a card stands before the rating. `step` indexes the (re)learning steps. */
export interface Position {
	state: CardStateKind;
	step: number;
	/** The interval the card was last given, in days (0 while in steps). */
	scheduledDays: number;
}

/** Where a rating sends the card, and how long until it is due. */
export interface Move {
	state: CardStateKind;
	step: number;
	scheduledDays: number;
	delayMs: number;
}

export interface StepRules {
	/** (Re)learning steps in seconds. */
	learning: readonly number[];
	relearning: readonly number[];
	maximumInterval: number;
	/** In [0, 1): where in Anki's fuzz range an interval lands; null with fuzz off. */
	fuzz: number | null;
}

const DAY = 86_400;

/** Anki keeps a step longer than a day in whole days, so it falls the same at any hour. */
function roundInDays(secs: number): number {
	return secs > DAY ? Math.round(secs / DAY) * DAY : secs;
}

function stepIndex(steps: readonly number[], step: number): number {
	return Math.min(Math.max(0, step), Math.max(0, steps.length - 1));
}

/**
 * Hard repeats the current step, except on the first, where it is halfway to the second (5.5
 * minutes for 1m 10m), or 1.5 times the only step but at most a day more.
 */
function hardDelay(steps: readonly number[], step: number): number | null {
	if (steps.length === 0) return null;
	const index = stepIndex(steps, step);
	if (index > 0) return steps[index];
	if (steps.length > 1) return roundInDays(Math.floor((steps[0] + steps[1]) / 2));
	return roundInDays(Math.min(Math.floor((steps[0] * 3) / 2), steps[0] + DAY));
}

function fuzzDelta(interval: number): number {
	if (interval < 2.5) return 0;
	return 1 + 0.15 * (Math.min(interval, 7) - 2.5) + 0.1 * Math.max(0, Math.min(interval, 20) - 7) + 0.05 * Math.max(0, interval - 20);
}

/** Anki's fuzz range for `interval`, kept within [minimum, maximum]. */
function fuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
	minimum = Math.min(minimum, maximum);
	interval = Math.min(Math.max(interval, minimum), maximum);
	const delta = fuzzDelta(interval);
	const lower = Math.min(Math.max(Math.round(interval - delta), minimum), maximum);
	let upper = Math.min(Math.max(Math.round(interval + delta), minimum), maximum);
	if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
	return [lower, upper];
}

/**
 * Whole days from a fractional interval: rounded, or picked from Anki's fuzz range by `fuzz`
 * (in [0, 1), null for none), within [minimum, maximum].
 */
export function fuzzedDays(interval: number, minimum: number, maximum: number, fuzz: number | null): number {
	maximum = Math.max(1, maximum);
	minimum = Math.min(Math.max(minimum, 1), maximum);
	if (fuzz === null) return Math.min(Math.max(Math.round(interval), minimum), maximum);
	const [lower, upper] = fuzzBounds(interval, minimum, maximum);
	return Math.floor(lower + fuzz * (1 + upper - lower));
}

function wholeDays(interval: number, minimum: number, rules: StepRules): number {
	return fuzzedDays(interval, minimum, rules.maximumInterval, rules.fuzz);
}

/**
 * A review answered early must not shrink the interval: it keeps the previous interval (or one
 * more day when FSRS gives more) while that lies within the new interval's fuzz range.
 */
function keepPrevious(interval: number, previous: number, maximum: number): number {
	if (Math.round(interval) > previous) return previous + 1;
	return previous <= fuzzBounds(interval, 1, maximum)[1] ? previous : 0;
}

function inDays(state: CardStateKind, days: number): Move {
	return { state, step: 0, scheduledDays: days, delayMs: days * DAY_MS };
}

function inSteps(state: CardStateKind, step: number, secs: number): Move {
	return { state, step, scheduledDays: 0, delayMs: secs * 1000 };
}

/**
 * What each rating does to a card at `from`, given each rating's FSRS interval in fractional
 * days (the stability it would have, at the desired retention).
 */
export function movesOf(from: Position, intervals: Record<Rating, number>, rules: StepRules): Record<Rating, Move> {
	if (from.state === REVIEW) return reviewMoves(from, intervals, rules);
	const relearning = from.state === RELEARNING;
	const state = relearning ? RELEARNING : LEARNING;
	const steps = relearning ? rules.relearning : rules.learning;
	const step = from.state === NEW ? 0 : from.step;
	// Without steps, FSRS's short-term memory keeps a card under half a day in (re)learning.
	const leave = (interval: number, stayStep: number): Move =>
		steps.length === 0 && interval < 0.5
			? inSteps(state, stayStep, Math.trunc(interval * DAY))
			: inDays(REVIEW, wholeDays(Math.max(1, Math.round(interval)), 1, rules));
	const hard = hardDelay(steps, step);
	const next = steps.length ? stepIndex(steps, step) + 1 : 0;
	const good = wholeDays(intervals[3], 1, rules);
	return {
		1: steps.length ? inSteps(state, 0, steps[0]) : leave(intervals[1], 0),
		2: hard !== null ? inSteps(state, step, hard) : leave(intervals[2], step),
		3: next < steps.length ? inSteps(state, next, steps[next]) : leave(intervals[3], step),
		// Easy leaves the steps at least a day after Good would.
		4: inDays(REVIEW, wholeDays(Math.max(1, Math.round(intervals[4])), good + 1, rules))
	};
}

function reviewMoves(from: Position, intervals: Record<Rating, number>, rules: StepRules): Record<Rating, Move> {
	const max = Math.max(1, rules.maximumInterval);
	const previous = from.scheduledDays;
	const passing = (interval: number, atLeast: number) =>
		wholeDays(interval, Math.max(keepPrevious(interval, previous, max), atLeast), rules);
	const hard = passing(intervals[2], 1);
	const good = passing(intervals[3], hard + 1);
	const easy = passing(intervals[4], good + 1);
	const again = rules.relearning.length
		? inSteps(RELEARNING, 0, rules.relearning[0])
		: intervals[1] < 0.5
			? inSteps(RELEARNING, 0, Math.trunc(intervals[1] * DAY))
			: // Anki fuzzes a lapse's interval only when the card leaves relearning.
				inDays(REVIEW, Math.min(Math.max(1, Math.round(intervals[1])), max));
	return { 1: again, 2: inDays(REVIEW, hard), 3: inDays(REVIEW, good), 4: inDays(REVIEW, easy) };
}
