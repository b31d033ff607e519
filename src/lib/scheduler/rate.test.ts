// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { previewIntervals, rate, retrievability, RATINGS } from './rate';
import { DAY_MS, MINUTE_MS } from './time';
import { DEFAULT_SETTINGS, LEARNING, NEW, RELEARNING, REVIEW, type CardProgress, type SchedulerSettings } from './types';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2024-05-01T10:00:00+09:00');
const NO_FUZZ: SchedulerSettings = { ...DEFAULT_SETTINGS, enableFuzz: false };

function reviewCard(cardId: string, stability: number, daysSinceReview: number): CardProgress {
	return {
		cardId,
		due: NOW,
		stability,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: daysSinceReview,
		learningSteps: 0,
		reps: 6,
		lapses: 0,
		state: REVIEW,
		lastReview: NOW - daysSinceReview * DAY_MS,
		suspended: 0,
		buriedUntil: 0
	};
}

describe('rate', () => {
	it('takes a new card through the 1m 10m steps to a review in days', () => {
		const first = rate(null, 'c1', 3, NOW, DEFAULT_SETTINGS, 4200, 'log-1');
		expect(first.progress).toMatchObject({ state: LEARNING, learningSteps: 1, reps: 1, lastReview: NOW });
		expect(first.progress.due).toBe(NOW + 10 * MINUTE_MS);

		const later = first.progress.due;
		const second = rate(first.progress, 'c1', 3, later, DEFAULT_SETTINGS, 3000, 'log-2');
		expect(second.progress.state).toBe(REVIEW);
		expect(second.progress.scheduledDays).toBeGreaterThanOrEqual(1);
		expect(second.progress.due).toBe(later + second.progress.scheduledDays * DAY_MS);
	});

	// Anki's rule (rslib scheduler/states/steps.rs): Hard on the first step is halfway to the
	// second, 330 s; ts-fsrs alone gave 6 minutes.
	it('gives a new card 1m for Again and 5.5m for Hard, as Anki does', () => {
		expect(rate(null, 'c1', 1, NOW, DEFAULT_SETTINGS, 0, 'l').progress.due).toBe(NOW + MINUTE_MS);
		expect(rate(null, 'c1', 2, NOW, DEFAULT_SETTINGS, 0, 'l').progress.due).toBe(NOW + 5.5 * MINUTE_MS);
	});

	it('sends a review card rated Again to relearning for 10m and counts the lapse', () => {
		const { progress, log } = rate(reviewCard('c1', 20, 20), 'c1', 1, NOW, DEFAULT_SETTINGS, 0, 'l');
		expect(progress).toMatchObject({ state: RELEARNING, lapses: 1, scheduledDays: 0 });
		expect(progress.due).toBe(NOW + 10 * MINUTE_MS);
		expect(log).toMatchObject({ stateBefore: REVIEW, stateAfter: RELEARNING, elapsedDays: 20 });

		const back = rate(progress, 'c1', 3, progress.due, DEFAULT_SETTINGS, 0, 'l2').progress;
		expect(back).toMatchObject({ state: REVIEW, lapses: 1 });
		expect(back.scheduledDays).toBeGreaterThanOrEqual(1);
	});

	// Regression: ts-fsrs pushes Good and Easy a day past the maximum to keep them apart.
	it('never schedules past the maximum interval', () => {
		const settings = { ...DEFAULT_SETTINGS, maximumInterval: 30 };
		for (const rating of [2, 3, 4] as const) {
			const { progress } = rate(reviewCard('c1', 500, 400), 'c1', rating, NOW, settings, 0, 'l');
			expect(progress.scheduledDays).toBeLessThanOrEqual(30);
			expect(progress.due - NOW).toBeLessThanOrEqual(30 * DAY_MS);
		}
	});

	it('gives longer intervals for a lower desired retention', () => {
		const goodDays = (desiredRetention: number) =>
			rate(reviewCard('c1', 30, 30), 'c1', 3, NOW, { ...NO_FUZZ, desiredRetention }, 0, 'l').progress.scheduledDays;
		expect(goodDays(0.8)).toBeGreaterThan(goodDays(0.9));
		expect(goodDays(0.9)).toBeGreaterThan(goodDays(0.95));
	});

	it('writes a log with the exact progress before, as a copy', () => {
		const before = reviewCard('c1', 20, 20);
		const { progress, log } = rate(before, 'c1', 3, NOW, DEFAULT_SETTINGS, 2500.4, 'log-9');
		expect(log).toEqual({
			id: 'log-9',
			cardId: 'c1',
			rating: 3,
			review: NOW,
			stateBefore: REVIEW,
			stateAfter: REVIEW,
			elapsedDays: 20,
			scheduledDays: progress.scheduledDays,
			due: progress.due,
			stability: progress.stability,
			difficulty: progress.difficulty,
			durationMs: 2500,
			previous: before
		});
		expect(log.previous).not.toBe(before);
		expect(rate(null, 'c2', 3, NOW, DEFAULT_SETTINGS, 0, 'l').log).toMatchObject({
			stateBefore: NEW,
			previous: null
		});
	});

	it('keeps suspension and burying as they were', () => {
		const before = { ...reviewCard('c1', 20, 20), suspended: 1 as const, buriedUntil: NOW - 1 };
		expect(rate(before, 'c1', 3, NOW, DEFAULT_SETTINGS, 0, 'l').progress).toMatchObject({
			suspended: 1,
			buriedUntil: NOW - 1
		});
	});

	// Regression: ts-fsrs alone counts UTC dates, which change at 09:00 in Seoul.
	it('counts elapsed days in local study days starting at 04:00', () => {
		const learnt = rate(null, 'c1', 3, at('2024-05-01T08:50:00+09:00'), NO_FUZZ, 0, 'l').progress;
		expect(rate(learnt, 'c1', 3, at('2024-05-01T09:10:00+09:00'), NO_FUZZ, 0, 'l').log.elapsedDays).toBe(0);
		expect(rate(learnt, 'c1', 3, at('2024-05-02T03:59:00+09:00'), NO_FUZZ, 0, 'l').log.elapsedDays).toBe(0);
		expect(rate(learnt, 'c1', 3, at('2024-05-02T04:00:00+09:00'), NO_FUZZ, 0, 'l').log.elapsedDays).toBe(1);
	});

	it('accepts a last review on a later day than now, as another device may have written it', () => {
		const skewed = { ...reviewCard('c1', 20, 20), lastReview: NOW + DAY_MS };
		expect(rate(skewed, 'c1', 3, NOW, DEFAULT_SETTINGS, 0, 'l').log.elapsedDays).toBe(0);
	});

	it('rejects a learning step it cannot read', () => {
		const settings = { ...DEFAULT_SETTINGS, learningSteps: ['1m', 'ten minutes'] };
		expect(() => rate(null, 'c1', 3, NOW, settings, 0, 'l')).toThrow(/ten minutes/);
	});
});

describe('fuzz', () => {
	it('gives the same result for the same card and time', () => {
		const card = reviewCard('c1', 100, 100);
		expect(rate(card, 'c1', 3, NOW, DEFAULT_SETTINGS, 0, 'l')).toEqual(rate(card, 'c1', 3, NOW, DEFAULT_SETTINGS, 0, 'l'));
	});

	it('spreads cards with equal memory over several days, and not at all when off', () => {
		const days = (settings: SchedulerSettings) =>
			new Set(
				Array.from({ length: 12 }, (_, i) => `card-${i}`).map(
					(id) => rate(reviewCard(id, 100, 100), id, 3, NOW, settings, 0, 'l').progress.scheduledDays
				)
			);
		expect(days(DEFAULT_SETTINGS).size).toBeGreaterThan(1);
		expect(days(NO_FUZZ).size).toBe(1);
	});
});

describe('previewIntervals', () => {
	it('labels the buttons of a new card like Anki', () => {
		const labels = RATINGS.map((r) => previewIntervals(null, NOW, DEFAULT_SETTINGS, 'c1')[r].label);
		expect(labels.slice(0, 3)).toEqual(['1m', '6m', '10m']);
		expect(labels[3]).toMatch(/^\d+d$/);
	});

	it('shows the due time each rating then gives, fuzz included', () => {
		for (const card of [null, reviewCard('c1', 100, 100), reviewCard('c1', 3, 2)]) {
			const preview = previewIntervals(card, NOW, DEFAULT_SETTINGS, 'c1');
			for (const r of RATINGS) {
				expect(preview[r].due).toBe(rate(card, 'c1', r, NOW, DEFAULT_SETTINGS, 0, 'l').progress.due);
			}
		}
	});

	it('shows 10m for Again on a review card and grows from Hard to Easy', () => {
		const preview = previewIntervals(reviewCard('c1', 30, 30), NOW, NO_FUZZ);
		expect(preview[1].label).toBe('10m');
		expect(preview[2].due).toBeLessThan(preview[3].due);
		expect(preview[3].due).toBeLessThan(preview[4].due);
	});
});

describe('retrievability', () => {
	it('is 0.9 after one stability of days and falls with time', () => {
		const card = reviewCard('c1', 10, 0);
		expect(retrievability(card, NOW + 10 * DAY_MS)).toBeCloseTo(0.9, 5);
		expect(retrievability(card, NOW)).toBe(1);
		expect(retrievability(card, NOW + 30 * DAY_MS)).toBeLessThan(retrievability(card, NOW + 10 * DAY_MS));
	});

	it('is 0 for a card never reviewed', () => {
		expect(retrievability(null, NOW)).toBe(0);
		expect(retrievability({ ...reviewCard('c1', 10, 0), state: NEW, lastReview: null }, NOW)).toBe(0);
	});
});
