/**
 * The one module that imports ts-fsrs, and the one place where epoch-ms storage rows become
 * ts-fsrs Dates and back.
 */
import {
	default_w,
	forgetting_curve,
	fsrs,
	generatorParameters,
	GenSeedStrategyWithCardId,
	State,
	StrategyMode,
	type Card as FsrsCard,
	type FSRS,
	type Grade,
	type RecordLogItem,
	type StepUnit
} from 'ts-fsrs';
import { DAY_MS, studyClock } from './time';
import type { CardProgress, CardStateKind, Rating, SchedulerSettings } from './types';

/** What one rating does to a card, storage-shaped: the progress fields FSRS computes. */
export type Outcome = Pick<
	CardProgress,
	'state' | 'due' | 'stability' | 'difficulty' | 'elapsedDays' | 'scheduledDays' | 'learningSteps' | 'reps' | 'lapses'
>;

type SeededCard = FsrsCard & { cardId: string };

const STEP = /^[1-9]\d*[mhd]$/;

/** A (re)learning step as settings hold it: a whole number of minutes, hours or days ('10m'). */
export function isStep(step: string): step is StepUnit {
	return STEP.test(step);
}

function steps(list: readonly string[], name: string): StepUnit[] {
	for (const step of list) {
		if (!isStep(step)) throw new RangeError(`${name}: "${step}" is not a step like 10m, 1h or 1d`);
	}
	return list as StepUnit[];
}

const instances = new Map<string, FSRS>();

function schedulerFor(settings: SchedulerSettings): FSRS {
	const key = [
		settings.desiredRetention,
		settings.maximumInterval,
		settings.enableFuzz,
		settings.learningSteps.join(' '),
		settings.relearningSteps.join(' ')
	].join('|');
	let instance = instances.get(key);
	if (!instance) {
		const params = generatorParameters({
			request_retention: settings.desiredRetention,
			maximum_interval: settings.maximumInterval,
			enable_fuzz: settings.enableFuzz,
			enable_short_term: true,
			learning_steps: steps(settings.learningSteps, 'learningSteps'),
			relearning_steps: steps(settings.relearningSteps, 'relearningSteps')
		});
		// Seeding fuzz by card id and repetition count makes it repeatable, and lets the
		// interval shown on a button match the one the rating then gives.
		instance = fsrs(params).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('cardId'));
		if (instances.size > 8) instances.clear();
		instances.set(key, instance);
	}
	return instance;
}

/**
 * ts-fsrs counts elapsed days between UTC calendar dates. Handing it times on the study
 * clock makes it count local study days instead (Anki's rule), so two reviews at 08:50 and
 * 09:10 in Seoul are the same day, and 03:59 still belongs to yesterday.
 */
function toFsrsCard(progress: CardProgress | null, cardId: string, clockNow: number, dayStartHour: number): SeededCard {
	if (!progress || progress.state === State.New) {
		return {
			cardId,
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
		cardId,
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

function fromFsrs(item: RecordLogItem, now: number, clockNow: number, maximumInterval: number): Outcome {
	const { card, log } = item;
	// ts-fsrs keeps Hard < Good < Easy by adding a day after clamping to the maximum
	// interval, so Good and Easy can pass it; Anki lets all three reach the maximum.
	const capped = card.state === State.Review && card.scheduled_days > maximumInterval;
	return {
		state: card.state as CardStateKind,
		// Intervals are relative, so moving the due time off the study clock is one subtraction.
		due: capped ? now + maximumInterval * DAY_MS : now + (card.due.getTime() - clockNow),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: log.elapsed_days,
		scheduledDays: capped ? maximumInterval : card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses
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
	const clockNow = studyClock(now, settings.dayStartHour);
	const card = toFsrsCard(progress, cardId, clockNow, settings.dayStartHour);
	const item = schedulerFor(settings).next(card, new Date(clockNow), rating as Grade);
	return fromFsrs(item, now, clockNow, settings.maximumInterval);
}

/** What each rating given at `now` would do, Again to Easy. */
export function outcomesOf(
	progress: CardProgress | null,
	cardId: string,
	now: number,
	settings: SchedulerSettings
): Record<Rating, Outcome> {
	const clockNow = studyClock(now, settings.dayStartHour);
	const card = toFsrsCard(progress, cardId, clockNow, settings.dayStartHour);
	const preview = schedulerFor(settings).repeat(card, new Date(clockNow));
	const max = settings.maximumInterval;
	return {
		1: fromFsrs(preview[1], now, clockNow, max),
		2: fromFsrs(preview[2], now, clockNow, max),
		3: fromFsrs(preview[3], now, clockNow, max),
		4: fromFsrs(preview[4], now, clockNow, max)
	};
}

/** FSRS's forgetting curve with the default parameters: the chance of recall after `days`. */
export function recallProbability(stability: number, days: number): number {
	return forgetting_curve(default_w, days, stability);
}
