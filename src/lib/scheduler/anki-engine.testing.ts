/**
 * Anki's engine, for tests only: FSRS's numbers from fsrs-rs (the library Anki links, through
 * its Node binding) and Anki's card state machine around them, transcribed from
 * rslib/src/scheduler/states/{steps,learning,relearning,review,fuzz}.rs and
 * answering/mod.rs as Anki 25.x has them, with FSRS on, no load balancer and
 * "short-term with steps" off (Anki's defaults). It keeps Anki's own representation
 * (remaining steps, seconds, f32 arithmetic) on purpose: it is the yardstick, not the app.
 */
import { BindingMemoryState, FSRSBinding, type BindingNextStates } from '@open-spaced-repetition/binding';

const DAY = 86_400;
const f32 = Math.fround;

export interface AnkiConfig {
	/** Learning and relearning steps in minutes, as Anki's deck options hold them. */
	steps: number[];
	relearnSteps: number[];
	desiredRetention: number;
	maximumInterval: number;
	/** Local hour at which Anki's next day starts. */
	rollover: number;
}

interface Memory {
	stability: number;
	difficulty: number;
}

export type AnkiCard =
	| { kind: 'new' }
	| { kind: 'learning'; remaining: number; secs: number; memory: Memory; lastReview: number }
	| { kind: 'review'; scheduledDays: number; memory: Memory; lastReview: number }
	| { kind: 'relearning'; remaining: number; secs: number; scheduledDays: number; memory: Memory; lastReview: number };

/** What one button would do: the card after it, and its interval as Anki shows it. */
export interface AnkiAnswer {
	card: AnkiCard;
	/** Seconds for a (re)learning card, whole days for a review card. */
	interval: number;
}

const toSecs = (minutes: number) => Math.trunc(f32(minutes * 60));

// steps.rs
function stepIndex(steps: number[], remaining: number): number {
	const total = steps.length;
	return Math.min(Math.max(0, total - (remaining % 1000)), Math.max(0, total - 1));
}
function maybeRoundInDays(secs: number): number {
	return secs > DAY ? Math.round(f32(secs / DAY)) * DAY : secs;
}
function againDelay(steps: number[]): number | null {
	return steps.length ? toSecs(steps[0]) : null;
}
function hardDelay(steps: number[], remaining: number): number | null {
	const idx = stepIndex(steps, remaining);
	const current = steps[idx] ?? steps[0];
	if (current === undefined) return null;
	const secs = toSecs(current);
	if (idx !== 0) return secs;
	if (steps.length > 1) return maybeRoundInDays(Math.floor((secs + toSecs(steps[1])) / 2));
	return maybeRoundInDays(Math.min(Math.floor((secs * 3) / 2), secs + DAY));
}
function goodDelay(steps: number[], remaining: number): number | null {
	const next = steps[stepIndex(steps, remaining) + 1];
	return next === undefined ? null : toSecs(next);
}
function remainingForGood(steps: number[], remaining: number): number {
	return Math.max(0, steps.length - (stepIndex(steps, remaining) + 1));
}

// fuzz.rs
function fuzzDelta(interval: number): number {
	if (interval < 2.5) return 0;
	const ranges = [
		[2.5, 7.0, 0.15],
		[7.0, 20.0, 0.1],
		[20.0, Number.MAX_VALUE, 0.05]
	];
	return ranges.reduce((delta, [start, end, factor]) => f32(delta + f32(factor * Math.max(0, f32(Math.min(interval, end) - start)))), 1);
}
function constrainedFuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
	minimum = Math.min(minimum, maximum);
	interval = Math.min(Math.max(interval, minimum), maximum);
	const delta = fuzzDelta(interval);
	let lower = Math.max(0, Math.round(f32(interval - delta)));
	let upper = Math.max(0, Math.round(f32(interval + delta)));
	lower = Math.min(Math.max(lower, minimum), maximum);
	upper = Math.min(Math.max(upper, minimum), maximum);
	if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
	return [lower, upper];
}
function minimumReviewFuzzInterval(interval: number, previous: number, maximum: number): number {
	const rounded = Math.max(0, Math.round(interval));
	const [, upper] = constrainedFuzzBounds(interval, 1, maximum);
	if (rounded > previous) return previous + 1;
	if (previous <= upper) return previous;
	return 0;
}
function fuzzed(interval: number, minimum: number, maximum: number, fuzz: number | null): number {
	if (fuzz === null) return Math.min(Math.max(Math.max(0, Math.round(interval)), minimum), maximum);
	const [lower, upper] = constrainedFuzzBounds(interval, minimum, maximum);
	return Math.floor(f32(lower + f32(fuzz * (1 + upper - lower))));
}

type Grade = 'again' | 'hard' | 'good' | 'easy';
const GRADES: Grade[] = ['again', 'hard', 'good', 'easy'];

export class AnkiEngine {
	private readonly fsrs = new FSRSBinding();
	constructor(private readonly config: AnkiConfig) {}

	/** answering/mod.rs: whole days from the last review to the next day's start. */
	private daysElapsed(lastReview: number, now: number): number {
		const next = new Date(now);
		next.setHours(this.config.rollover, 0, 0, 0);
		if (next.getTime() <= now) next.setDate(next.getDate() + 1);
		return Math.max(0, Math.floor((Math.floor(next.getTime() / 1000) - Math.floor(lastReview / 1000)) / DAY));
	}

	/** All four answers to `card` at `now` (ms), with Anki's fuzz factor for this answer (null: fuzz off). */
	answers(card: AnkiCard, now: number, fuzz: number | null = null): Record<1 | 2 | 3 | 4, AnkiAnswer & { memory: Memory }> {
		const memory = card.kind === 'new' ? null : new BindingMemoryState(card.memory.stability, card.memory.difficulty);
		const days = card.kind === 'new' ? 0 : this.daysElapsed(card.lastReview, now);
		const states = this.fsrs.nextStates(memory, this.config.desiredRetention, days);
		const next = (g: Grade) => {
			const s = states[g];
			return { interval: s.interval, memory: { stability: s.memory.stability, difficulty: s.memory.difficulty } };
		};
		const n = { again: next('again'), hard: next('hard'), good: next('good'), easy: next('easy') };
		const out = {} as Record<1 | 2 | 3 | 4, AnkiAnswer & { memory: Memory }>;
		GRADES.forEach((g, i) => {
			const answer = this.answer(card, g, n, now, fuzz);
			out[(i + 1) as 1 | 2 | 3 | 4] = { ...answer, memory: n[g].memory };
		});
		return out;
	}

	private answer(
		card: AnkiCard,
		g: Grade,
		n: Record<Grade, { interval: number; memory: Memory }>,
		now: number,
		fuzz: number | null
	): AnkiAnswer {
		const { steps, relearnSteps, maximumInterval: max } = this.config;
		const withReviewFuzz = (interval: number, minimum: number, maximum: number) => fuzzed(interval, minimum, maximum, fuzz);
		const memory = n[g].memory;
		const learning = (remaining: number, secs: number): AnkiAnswer => ({
			card: { kind: 'learning', remaining, secs, memory, lastReview: now },
			interval: secs
		});
		const review = (scheduledDays: number): AnkiAnswer => ({
			card: { kind: 'review', scheduledDays, memory, lastReview: now },
			interval: scheduledDays
		});
		const relearning = (remaining: number, secs: number, scheduledDays: number): AnkiAnswer => ({
			card: { kind: 'relearning', remaining, secs, scheduledDays, memory, lastReview: now },
			interval: secs
		});
		// The FSRS fallback of learning.rs and relearning.rs when no step applies: a short-term
		// stay under half a day when there are no steps, else a review in whole days.
		const graduate = (interval: number, stay: (secs: number) => AnkiAnswer, noSteps: boolean): AnkiAnswer =>
			noSteps && interval < 0.5 ? stay(Math.trunc(f32(interval * DAY))) : review(withReviewFuzz(Math.max(1, Math.round(interval)), 1, max));
		const easyAfterSteps = () => {
			const good = withReviewFuzz(n.good.interval, 1, max);
			return review(withReviewFuzz(Math.max(1, Math.round(n.easy.interval)), good + 1, max));
		};

		if (card.kind === 'new' || card.kind === 'learning') {
			// normal.rs: a new card answers like a failed learning card
			const remaining = card.kind === 'new' ? steps.length : card.remaining;
			const noSteps = steps.length === 0;
			const stay = (r: number) => (secs: number) => learning(r, secs);
			if (g === 'again') {
				const delay = againDelay(steps);
				return delay !== null ? learning(steps.length, delay) : graduate(n.again.interval, stay(steps.length), noSteps);
			}
			if (g === 'hard') {
				const delay = hardDelay(steps, remaining);
				return delay !== null ? learning(remaining, delay) : graduate(n.hard.interval, stay(remaining), noSteps);
			}
			if (g === 'good') {
				const delay = goodDelay(steps, remaining);
				return delay !== null ? learning(remainingForGood(steps, remaining), delay) : graduate(n.good.interval, stay(remaining), noSteps);
			}
			return easyAfterSteps();
		}

		if (card.kind === 'relearning') {
			const noSteps = relearnSteps.length === 0;
			const days = card.scheduledDays;
			const stay = (r: number, d: number) => (secs: number) => relearning(r, secs, d);
			if (g === 'again') {
				const delay = againDelay(relearnSteps);
				const reviewDays = Math.max(1, Math.round(n.again.interval));
				return delay !== null
					? relearning(relearnSteps.length, delay, reviewDays)
					: graduate(n.again.interval, stay(relearnSteps.length, days), noSteps);
			}
			if (g === 'hard') {
				const delay = hardDelay(relearnSteps, card.remaining);
				return delay !== null ? relearning(card.remaining, delay, days) : graduate(n.hard.interval, stay(card.remaining, days), noSteps);
			}
			if (g === 'good') {
				const delay = goodDelay(relearnSteps, card.remaining);
				return delay !== null
					? relearning(remainingForGood(relearnSteps, card.remaining), delay, days)
					: graduate(n.good.interval, stay(card.remaining, days), noSteps);
			}
			return easyAfterSteps();
		}

		// review.rs
		if (g === 'again') {
			const interval = n.again.interval;
			const reviewDays = Math.max(1, Math.round(interval));
			const delay = againDelay(relearnSteps);
			if (delay !== null) return relearning(relearnSteps.length, delay, reviewDays);
			if (relearnSteps.length === 0 && interval < 0.5) return relearning(0, Math.trunc(f32(interval * DAY)), reviewDays);
			return review(reviewDays);
		}
		const prev = card.scheduledDays;
		const constrain = (interval: number, minimum: number) => withReviewFuzz(interval, Math.min(Math.max(minimum, 1), max), max);
		const hard = constrain(n.hard.interval, Math.max(minimumReviewFuzzInterval(n.hard.interval, prev, max), 1));
		if (g === 'hard') return review(hard);
		const good = constrain(n.good.interval, Math.max(minimumReviewFuzzInterval(n.good.interval, prev, max), hard + 1));
		if (g === 'good') return review(good);
		return review(constrain(n.easy.interval, Math.max(minimumReviewFuzzInterval(n.easy.interval, prev, max), good + 1)));
	}
}

/** Anki's step list from the app's settings ('10m', '1h', '1d') in minutes. */
export function minutesOf(steps: readonly string[]): number[] {
	const unit: Record<string, number> = { m: 1, h: 60, d: 1440 };
	return steps.map((s) => Number(s.slice(0, -1)) * unit[s.slice(-1)]);
}

export type { BindingNextStates };
