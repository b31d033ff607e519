/**
 * What each scheduler setting may hold: the settings page and backup import check values
 * against the same rules, so a restored backup can never carry a setting the page refuses.
 */
import { isParameterList, isStep } from './fsrs';
import { SCHEDULER_KEYS } from './setting-names';
import type { SchedulerSettings } from './types';

export interface NumberRule {
	min: number;
	max: number;
	integer: boolean;
}

export const NUMBER_RULES = {
	desiredRetention: { min: 0.7, max: 0.99, integer: false },
	newPerDay: { min: 0, max: 9999, integer: true },
	reviewsPerDay: { min: 0, max: 99999, integer: true },
	maximumInterval: { min: 1, max: 36500, integer: true },
	dayStartHour: { min: 0, max: 23, integer: true },
	learnAheadMinutes: { min: 0, max: 1440, integer: true }
} satisfies Partial<Record<keyof SchedulerSettings, NumberRule>>;

/** Anki warns above this: the workload grows steeply for little gain. */
export const RETENTION_WARNING_ABOVE = 0.97;

export const MAX_STEPS = 20;

export function fitsRule(value: unknown, rule: NumberRule): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= rule.min &&
		value <= rule.max &&
		(!rule.integer || Number.isInteger(value))
	);
}

export function areSteps(value: unknown): value is string[] {
	return Array.isArray(value) && value.length <= MAX_STEPS && value.every((s) => typeof s === 'string' && isStep(s));
}

/** Whether `value` is allowed for the scheduler setting `key`; unknown keys are not. */
export function isValidSetting(key: string, value: unknown): boolean {
	if (key in NUMBER_RULES) return fitsRule(value, NUMBER_RULES[key as keyof typeof NUMBER_RULES]);
	if (key === 'learningSteps' || key === 'relearningSteps') return areSteps(value);
	if (key === 'enableFuzz') return typeof value === 'boolean';
	if (key === 'w') return (Array.isArray(value) && value.length === 0) || isParameterList(value);
	return false;
}

export { SCHEDULER_KEYS };
