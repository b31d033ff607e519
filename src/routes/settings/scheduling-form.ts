/** The scheduling settings as a form holds them (text), and back, with a reason per bad field. */
import { areSteps, fitsRule, NUMBER_RULES, type NumberRule } from '$lib/scheduler/settings';
import type { SchedulerSettings } from '$lib/scheduler';

export const NUMBER_FIELDS = ['desiredRetention', 'newPerDay', 'reviewsPerDay', 'maximumInterval', 'dayStartHour'] as const;
export const STEP_FIELDS = ['learningSteps', 'relearningSteps'] as const;
export type FieldName = (typeof NUMBER_FIELDS)[number] | (typeof STEP_FIELDS)[number];
export type SchedulingForm = Record<FieldName, string>;

export type FieldError = { kind: 'range'; min: number; max: number } | { kind: 'whole' } | { kind: 'steps' };

export function formOf(settings: SchedulerSettings): SchedulingForm {
	return {
		desiredRetention: String(settings.desiredRetention),
		newPerDay: String(settings.newPerDay),
		reviewsPerDay: String(settings.reviewsPerDay),
		maximumInterval: String(settings.maximumInterval),
		dayStartHour: String(settings.dayStartHour),
		learningSteps: settings.learningSteps.join(' '),
		relearningSteps: settings.relearningSteps.join(' ')
	};
}

function numberError(text: string, rule: NumberRule): FieldError | null {
	const value = Number(text.trim().replace(',', '.'));
	if (text.trim() === '' || !Number.isFinite(value)) return { kind: 'range', min: rule.min, max: rule.max };
	if (rule.integer && !Number.isInteger(value)) return { kind: 'whole' };
	return fitsRule(value, rule) ? null : { kind: 'range', min: rule.min, max: rule.max };
}

export interface ReadForm {
	settings: Partial<SchedulerSettings>;
	errors: Partial<Record<FieldName, FieldError>>;
}

/** The settings the form asks for; `errors` is empty when every field is valid. */
export function readForm(form: SchedulingForm): ReadForm {
	const settings: Record<string, unknown> = {};
	const errors: ReadForm['errors'] = {};
	for (const field of NUMBER_FIELDS) {
		// Number inputs bound with bind:value hand back numbers, not text.
		const text = String(form[field]);
		const error = numberError(text, NUMBER_RULES[field]);
		if (error) errors[field] = error;
		else settings[field] = Number(text.trim().replace(',', '.'));
	}
	for (const field of STEP_FIELDS) {
		const steps = String(form[field])
			.trim()
			.split(/[\s,]+/)
			.filter(Boolean);
		if (areSteps(steps)) settings[field] = steps;
		else errors[field] = { kind: 'steps' };
	}
	return { settings: settings as Partial<SchedulerSettings>, errors };
}
