import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/scheduler';
import { formOf, readForm } from './scheduling-form';

describe('scheduling form', () => {
	it('gives back the settings it was filled with', () => {
		const { settings, errors } = readForm(formOf(DEFAULT_SETTINGS));
		expect(errors).toEqual({});
		// The FSRS parameters are set by Optimize, not typed into the form.
		const { enableFuzz: _fuzz, learnAheadMinutes: _ahead, w: _w, ...shown } = DEFAULT_SETTINGS;
		expect(settings).toEqual(shown);
	});

	it('reads steps split by spaces or commas, and a decimal comma', () => {
		const form = { ...formOf(DEFAULT_SETTINGS), learningSteps: ' 1m, 10m  1h ', relearningSteps: '', desiredRetention: '0,85' };
		const { settings, errors } = readForm(form);
		expect(errors).toEqual({});
		expect(settings.learningSteps).toEqual(['1m', '10m', '1h']);
		expect(settings.relearningSteps).toEqual([]);
		expect(settings.desiredRetention).toBe(0.85);
	});

	it('names every field that is out of range, not whole, or not steps', () => {
		const form = {
			...formOf(DEFAULT_SETTINGS),
			desiredRetention: '0.995',
			newPerDay: '2.5',
			reviewsPerDay: 'lots',
			maximumInterval: '0',
			dayStartHour: '24',
			learningSteps: '1m 10x'
		};
		expect(readForm(form).errors).toEqual({
			desiredRetention: { kind: 'range', min: 0.7, max: 0.99 },
			newPerDay: { kind: 'whole' },
			reviewsPerDay: { kind: 'range', min: 0, max: 99999 },
			maximumInterval: { kind: 'range', min: 1, max: 36500 },
			dayStartHour: { kind: 'range', min: 0, max: 23 },
			learningSteps: { kind: 'steps' }
		});
	});
});
