import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, isParameterList, parametersOf, toParameterList } from './fsrs';
import { MIN_TRAINING_REVIEWS, optimizeReminderDue, packReviewLog, REMIND_AFTER_MS, trainingItems } from './optimizer-input';
import { seededLog } from './optimizer-log.testing';
import { evaluateParameters, newParametersBetter } from './optimizer-metrics';
import { isValidSetting } from './settings';

const NOW = Date.parse('2026-03-01T09:00:00Z');

describe('newParametersBetter (Anki keeps the parameters in use unless the new ones predict better)', () => {
	const current = { logLoss: 0.35, rmseBins: 0.05 };
	it('takes new parameters with a lower log loss', () => {
		expect(newParametersBetter(current, { logLoss: 0.34, rmseBins: 0.06 })).toBe(true);
	});
	it('keeps the old ones on a tie or a higher log loss, whatever the RMSE', () => {
		expect(newParametersBetter(current, { logLoss: 0.35, rmseBins: 0.01 })).toBe(false);
		expect(newParametersBetter(current, { logLoss: 0.36, rmseBins: 0.01 })).toBe(false);
		expect(newParametersBetter(current, { logLoss: Number.NaN, rmseBins: 0.01 })).toBe(false);
	});
});

describe('evaluateParameters', () => {
	const cards = packReviewLog(seededLog(2000, 3, NOW), 4);
	const items = trainingItems(cards);

	it('scores the parameters that made the log better than far-off ones', () => {
		const truth = evaluateParameters(cards, items, DEFAULT_PARAMETERS);
		// Initial stabilities a hundred times too long: recall is predicted far too high.
		const wrong = evaluateParameters(cards, items, toParameterList(DEFAULT_PARAMETERS.map((v, i) => (i < 4 ? v * 100 : v))));
		expect(truth.logLoss).toBeLessThan(wrong.logLoss);
		expect(truth.rmseBins).toBeLessThan(wrong.rmseBins);
		expect(newParametersBetter(wrong, truth)).toBe(true);
		expect(newParametersBetter(truth, wrong)).toBe(false);
	});
});

describe('parameters as a setting', () => {
	it('accepts 21 numbers within ts-fsrs ranges, or none for the defaults', () => {
		expect(isValidSetting('w', [...DEFAULT_PARAMETERS])).toBe(true);
		expect(isValidSetting('w', [])).toBe(true);
		expect(isValidSetting('w', DEFAULT_PARAMETERS.slice(0, 19))).toBe(false);
		expect(
			isValidSetting(
				'w',
				DEFAULT_PARAMETERS.map((v, i) => (i === 20 ? 0.95 : v))
			)
		).toBe(false);
		expect(
			isValidSetting(
				'w',
				DEFAULT_PARAMETERS.map((v, i) => (i === 3 ? Number.NaN : v))
			)
		).toBe(false);
		expect(isValidSetting('w', DEFAULT_PARAMETERS.map(String))).toBe(false);
	});

	it('schedules with the defaults when the stored list is not valid', () => {
		expect(parametersOf({ w: [1, 2, 3] })).toEqual(DEFAULT_PARAMETERS);
		const own = toParameterList(DEFAULT_PARAMETERS.map((v) => v * 1.01));
		expect(parametersOf({ w: own })).toEqual(own);
	});

	it("rounds the optimizer's floats to four decimals inside the ranges", () => {
		const raw = Float32Array.from(DEFAULT_PARAMETERS.map((v, i) => (i === 20 ? 0.8 : i === 7 ? 0.0001 : v)));
		const w = toParameterList(raw);
		expect(isParameterList(w)).toBe(true);
		expect(w[20]).toBe(0.8);
		expect(w[7]).toBe(0.001);
		expect(w[0]).toBe(Math.round(raw[0] * 10_000) / 10_000);
	});
});

describe('optimizeReminderDue', () => {
	it('reminds a month after the last run once enough review-card ratings came since', () => {
		expect(optimizeReminderDue(NOW - REMIND_AFTER_MS, MIN_TRAINING_REVIEWS, NOW)).toBe(true);
		expect(optimizeReminderDue(NOW - REMIND_AFTER_MS + 1, MIN_TRAINING_REVIEWS, NOW)).toBe(false);
		expect(optimizeReminderDue(NOW - 2 * REMIND_AFTER_MS, MIN_TRAINING_REVIEWS - 1, NOW)).toBe(false);
		expect(optimizeReminderDue(null, 10_000, NOW)).toBe(false);
	});
});

describe('scheduling with the parameters in settings', () => {
	it("gives a new card the person's own initial stability", async () => {
		const { outcomeOf } = await import('./fsrs');
		const { DEFAULT_SETTINGS } = await import('./types');
		const own = toParameterList(DEFAULT_PARAMETERS.map((v, i) => (i === 2 ? 5 : v)));
		expect(outcomeOf(null, 'c', 3, NOW, { ...DEFAULT_SETTINGS, w: own }).stability).toBe(5);
		expect(outcomeOf(null, 'c', 3, NOW, DEFAULT_SETTINGS).stability).toBe(DEFAULT_PARAMETERS[2]);
	});
});
