/**
 * The one module that imports ts-fsrs. ts-fsrs computes FSRS itself, the memory states;
 * states.ts turns them into Anki's steps and intervals.
 */
import { default_w, forgetting_curve, fsrs, generatorParameters, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
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

/**
 * ts-fsrs gives the memory states (FSRS itself); the intervals, steps and fuzz are Anki's
 * (states.ts), so its own fuzz and learning steps are off.
 */
function schedulerFor(settings: SchedulerSettings): FSRS {
	const key = `${settings.desiredRetention}|${settings.maximumInterval}`;
	let instance = instances.get(key);
	if (!instance) {
		const params = generatorParameters({
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

/** FSRS's forgetting curve with the default parameters: the chance of recall after `days`. */
export function recallProbability(stability: number, days: number): number {
	return forgetting_curve(default_w, days, stability);
}
