/**
 * The one module that imports ts-fsrs. ts-fsrs computes FSRS itself, the memory states;
 * states.ts turns them into Anki's steps and intervals.
 */
import {
	CLAMP_PARAMETERS,
	default_w,
	forgetting_curve,
	fsrs,
	generatorParameters,
	W17_W18_Ceiling,
	type FSRS,
	type Grade,
	type StepUnit
} from 'ts-fsrs';
import { mulberry32, seedFromString } from '$lib/quiz/rng';
import { movesOf, type StepRules } from './states';
import { studyDay } from './time';
import { NEW, REVIEW, type CardProgress, type CardStateKind, type Rating, type SchedulerSettings } from './types';

const RATINGS: readonly Rating[] = [1, 2, 3, 4];

/** What one rating does to a card, storage-shaped: the progress fields FSRS computes. */
export type Outcome = Pick<
	CardProgress,
	'state' | 'due' | 'stability' | 'difficulty' | 'elapsedDays' | 'scheduledDays' | 'learningSteps' | 'reps' | 'lapses'
>;

const STEP = /^[1-9]\d*[mhd]$/;

/** A (re)learning step as settings hold it: a whole number of minutes, hours or days ('10m'). */
export function isStep(step: string): step is StepUnit {
	return STEP.test(step);
}

const instances = new Map<string, FSRS>();

/** FSRS-6's parameters as fitted to many people's logs: used until a person's own replace them. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/**
 * Whether `w` is a full FSRS-6 parameter list that ts-fsrs would use as it is: 21 finite
 * numbers, each within the range ts-fsrs clamps it to (short-term on, as here).
 */
export function isParameterList(w: unknown): w is number[] {
	if (!Array.isArray(w) || w.length !== 21) return false;
	const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
	return w.every((value, i) => typeof value === 'number' && Number.isFinite(value) && value >= ranges[i][0] && value <= ranges[i][1]);
}

/**
 * The optimizer's 32-bit floats as settings keep them: four decimals (as Anki shows them),
 * pulled into ts-fsrs's ranges (a float32 bound such as 0.8 reads as 0.80000001).
 */
export function toParameterList(raw: ArrayLike<number>): number[] {
	const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
	return Array.from(raw, (value, i) => Math.min(ranges[i][1], Math.max(ranges[i][0], Math.round(value * 10_000) / 10_000)));
}

/** The parameters scheduling uses: the person's own when valid, otherwise the defaults. */
export function parametersOf(settings: Pick<SchedulerSettings, 'w'>): readonly number[] {
	return isParameterList(settings.w) ? settings.w : DEFAULT_PARAMETERS;
}

/**
 * ts-fsrs gives the memory states (FSRS itself); the intervals, steps and fuzz are Anki's
 * (states.ts), so its own fuzz and learning steps are off.
 */
function schedulerFor(settings: SchedulerSettings): FSRS {
	const w = parametersOf(settings);
	const key = `${settings.desiredRetention}|${settings.maximumInterval}|${w.join(',')}`;
	let instance = instances.get(key);
	if (!instance) {
		const params = generatorParameters({
			w: [...w],
			request_retention: settings.desiredRetention,
			maximum_interval: settings.maximumInterval,
			enable_fuzz: false,
			enable_short_term: true,
			learning_steps: [],
			relearning_steps: []
		});
		instance = fsrs(params);
		if (instances.size > 8) instances.clear();
		instances.set(key, instance);
	}
	return instance;
}

const UNIT_SECONDS = { m: 60, h: 3600, d: 86_400 } as const;

function stepSeconds(list: readonly string[], name: string): number[] {
	return list.map((step) => {
		if (!isStep(step)) throw new RangeError(`${name}: "${step}" is not a step like 10m, 1h or 1d`);
		return Number(step.slice(0, -1)) * UNIT_SECONDS[step.slice(-1) as keyof typeof UNIT_SECONDS];
	});
}

/**
 * Where in the fuzz range a card's next interval lands: fixed by card id and repetition count,
 * so the interval shown on a button is the one the rating then gives.
 */
export function fuzzFactor(cardId: string, reps: number): number {
	return mulberry32(seedFromString(`${cardId}:${reps}`))();
}

/** What `rating` given at `now` does to the card. */
export function outcomeOf(
	progress: CardProgress | null,
	cardId: string,
	rating: Rating,
	now: number,
	settings: SchedulerSettings
): Outcome {
	return outcomesOf(progress, cardId, now, settings)[rating];
}

/** What each rating given at `now` would do, Again to Easy. */
export function outcomesOf(
	progress: CardProgress | null,
	cardId: string,
	now: number,
	settings: SchedulerSettings
): Record<Rating, Outcome> {
	const rules: StepRules = {
		learning: stepSeconds(settings.learningSteps, 'learningSteps'),
		relearning: stepSeconds(settings.relearningSteps, 'relearningSteps'),
		maximumInterval: settings.maximumInterval,
		fuzz: settings.enableFuzz ? fuzzFactor(cardId, progress?.reps ?? 0) : null
	};
	const scheduler = schedulerFor(settings);
	const fresh = !progress || progress.state === NEW;
	// Whole study days since the last review (Anki's rule: local days turning at the day-start
	// hour); none when another device's clock put the last review after `now`.
	const elapsedDays =
		fresh || progress.lastReview === null
			? 0
			: Math.max(0, studyDay(now, settings.dayStartHour) - studyDay(progress.lastReview, settings.dayStartHour));
	const memory = fresh ? null : { stability: progress.stability, difficulty: progress.difficulty };
	const states = RATINGS.map((r) => scheduler.next_state(memory, elapsedDays, r as Grade));
	// FSRS's interval at the desired retention, in fractional days, before Anki's rules round it.
	const intervals = { 1: 0, 2: 0, 3: 0, 4: 0 };
	for (const r of RATINGS) intervals[r] = states[r - 1].stability * scheduler.interval_modifier;
	const position = fresh
		? { state: NEW as CardStateKind, step: 0, scheduledDays: 0 }
		: { state: progress.state, step: progress.learningSteps, scheduledDays: progress.scheduledDays };
	const moves = movesOf(position, intervals, rules);
	const outcome = (r: Rating): Outcome => ({
		state: moves[r].state,
		due: now + moves[r].delayMs,
		stability: states[r - 1].stability,
		difficulty: states[r - 1].difficulty,
		elapsedDays,
		scheduledDays: moves[r].scheduledDays,
		learningSteps: moves[r].step,
		reps: (progress?.reps ?? 0) + 1,
		lapses: (progress?.lapses ?? 0) + (position.state === REVIEW && r === 1 ? 1 : 0)
	});
	return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
}

export interface Memory {
	stability: number;
	difficulty: number;
}

/** FSRS's memory model with parameters `w`: how a rating changes memory, and recall after a gap. */
export interface MemoryModel {
	/** The memory after `rating` given `days` study days after the previous review (null before the first). */
	next(memory: Memory | null, days: number, rating: Rating): Memory;
	/** The chance of recall `days` after a review that left `stability`. */
	recall(days: number, stability: number): number;
}

export function memoryModel(w: readonly number[]): MemoryModel {
	const scheduler = fsrs(generatorParameters({ w: [...w], enable_short_term: true, learning_steps: [], relearning_steps: [] }));
	const used = scheduler.parameters.w;
	return {
		next: (memory, days, rating) => {
			const state = scheduler.next_state(memory, days, rating as Grade);
			return { stability: state.stability, difficulty: state.difficulty };
		},
		recall: (days, stability) => forgetting_curve(used, days, stability)
	};
}

/**
 * FSRS's forgetting curve: the chance of recall after `days`, with the person's parameters
 * when given (their decay, w[20], shapes the curve), else the defaults.
 */
export function recallProbability(stability: number, days: number, w: readonly number[] = default_w): number {
	return forgetting_curve([...w], days, stability);
}
