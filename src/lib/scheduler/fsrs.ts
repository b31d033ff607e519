/**
 * The one module that imports ts-fsrs, and the one place where epoch-ms storage rows become
 * ts-fsrs Dates and back. ts-fsrs computes the memory states; states.ts turns them into
 * Anki's steps and intervals.
 */
import {
	default_w,
	forgetting_curve,
	fsrs,
	generatorParameters,
	State,
	type Card as FsrsCard,
	type FSRS,
	type RecordLogItem,
	type StepUnit
} from 'ts-fsrs';
import { mulberry32, seedFromString } from '$lib/quiz/rng';
import { movesOf, type StepRules } from './states';
import { studyClock } from './time';
import type { CardProgress, CardStateKind, Rating, SchedulerSettings } from './types';

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
function fuzzFactor(cardId: string, reps: number): number {
	return mulberry32(seedFromString(`${cardId}:${reps}`))();
}

/**
 * ts-fsrs counts elapsed days between UTC calendar dates. Handing it times on the study
 * clock makes it count local study days instead (Anki's rule), so two reviews at 08:50 and
 * 09:10 in Seoul are the same day, and 03:59 still belongs to yesterday.
 */
function toFsrsCard(progress: CardProgress | null, clockNow: number, dayStartHour: number): FsrsCard {
	if (!progress || progress.state === State.New) {
		return {
			due: new Date(clockNow),
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			reps: progress?.reps ?? 0,
			lapses: progress?.lapses ?? 0,
			state: State.New
		};
	}
	// A last review on a later study day than `now` (another device's clock ran ahead) makes
	// ts-fsrs throw on the negative elapsed days.
	const lastReview = progress.lastReview === null ? undefined : new Date(Math.min(studyClock(progress.lastReview, dayStartHour), clockNow));
	return {
		due: new Date(studyClock(progress.due, dayStartHour)),
		stability: progress.stability,
		difficulty: progress.difficulty,
		elapsed_days: progress.elapsedDays,
		scheduled_days: progress.scheduledDays,
		learning_steps: progress.learningSteps,
		reps: progress.reps,
		lapses: progress.lapses,
		state: progress.state,
		last_review: lastReview
	};
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
	const clockNow = studyClock(now, settings.dayStartHour);
	const scheduler = schedulerFor(settings);
	const preview = scheduler.repeat(toFsrsCard(progress, clockNow, settings.dayStartHour), new Date(clockNow));
	const items = { 1: preview[1], 2: preview[2], 3: preview[3], 4: preview[4] };
	// FSRS's interval at the desired retention, in fractional days, before Anki's rules round it.
	const interval = (item: RecordLogItem) => item.card.stability * scheduler.interval_modifier;
	const position = progress
		? { state: progress.state, step: progress.learningSteps, scheduledDays: progress.scheduledDays }
		: { state: State.New as CardStateKind, step: 0, scheduledDays: 0 };
	const moves = movesOf(position, { 1: interval(items[1]), 2: interval(items[2]), 3: interval(items[3]), 4: interval(items[4]) }, rules);
	const outcome = (r: Rating): Outcome => {
		const { card, log } = items[r];
		const move = moves[r];
		return {
			state: move.state,
			due: now + move.delayMs,
			stability: card.stability,
			difficulty: card.difficulty,
			elapsedDays: log.elapsed_days,
			scheduledDays: move.scheduledDays,
			learningSteps: move.step,
			reps: card.reps,
			lapses: card.lapses
		};
	};
	return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
}

/** FSRS's forgetting curve with the default parameters: the chance of recall after `days`. */
export function recallProbability(stability: number, days: number): number {
	return forgetting_curve(default_w, days, stability);
}
