// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, toParameterList } from './fsrs';
import { optimizerInput, packReviewLog, trainingItems, type ItemSpan, type PackedCards } from './optimizer-input';
import { seededLog } from './optimizer-log.testing';
import { evaluateParameters } from './optimizer-metrics';

const NOW = Date.parse('2026-03-01T09:00:00+09:00');
/** Training takes 2–3 s alone; the suite shares two cores. */
const LIMIT_MS = 120_000;
/**
 * fsrs-browser 5.2.0 runs fsrs-rs 5.2, the binding fsrs-rs 6.5, both in f32 with a seeded
 * batch order: on this log they agree to all four decimals kept; the bound leaves room for
 * another platform's float rounding.
 */
const PARAMETER_TOLERANCE = 0.005;
/** Our metrics in f64 against fsrs-rs's in f32. */
const METRIC_TOLERANCE = 1e-4;

let browser: typeof import('fsrs-browser');

beforeAll(async () => {
	// fsrs-browser's thread-pool helper listens on `self` when loaded, and Node has none. Only
	// its single-threaded path runs, as in the app's worker.
	(globalThis as { self?: unknown }).self ??= new EventTarget();
	browser = await import('fsrs-browser');
	const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
	browser.initSync({ module: readFileSync(wasm) });
});

function bindingItems(cards: PackedCards, items: readonly ItemSpan[]): FSRSBindingItem[] {
	return items.map((item) => {
		const reviews: FSRSBindingReview[] = [];
		for (let i = item.start; i < item.end; i++) reviews.push(new FSRSBindingReview(cards.ratings[i], cards.deltaDays[i]));
		return new FSRSBindingItem(reviews);
	});
}

describe('the optimizer against fsrs-rs, Anki’s engine, through its Node binding', () => {
	const cards = packReviewLog(seededLog(3000, 7, NOW), 4);
	const items = trainingItems(cards);
	let optimized: number[] = [];

	it('computes the same parameters from the same seeded log', { timeout: LIMIT_MS }, async () => {
		expect(items.length).toBeGreaterThan(2000);
		const input = optimizerInput(cards, items);
		optimized = toParameterList(new browser.Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true));
		const binding = toParameterList(await computeParameters(bindingItems(cards, items), { enableShortTerm: true }));
		expect(optimized).toHaveLength(21);
		optimized.forEach((value, i) => expect(Math.abs(value - binding[i]), `w[${i}]`).toBeLessThanOrEqual(PARAMETER_TOLERANCE));
		// And it learned something: the fit is not the defaults.
		expect(optimized).not.toEqual([...DEFAULT_PARAMETERS]);
	});

	it("measures log loss and RMSE (bins) as fsrs-rs's evaluate does", () => {
		// The binding's evaluate first moves items with one long-term review ahead of the rest and
		// drops outliers among them (its own prepare_items), which changes the recency weights;
		// on items with two or more, fsrs-rs's evaluate gets them as given, as Anki passes them.
		const later = items.filter((item) => {
			let longTerm = 0;
			for (let i = item.start; i < item.end; i++) if (cards.deltaDays[i] > 0) longTerm++;
			return longTerm >= 2;
		});
		expect(later.length).toBeGreaterThan(500);
		for (const w of [[...DEFAULT_PARAMETERS], optimized.length === 21 ? optimized : [...DEFAULT_PARAMETERS]]) {
			const ours = evaluateParameters(cards, later, w);
			const theirs = new FSRSBinding(w).evaluate(bindingItems(cards, later));
			expect(Math.abs(ours.logLoss - theirs.logLoss)).toBeLessThan(METRIC_TOLERANCE);
			expect(Math.abs(ours.rmseBins - theirs.rmseBins)).toBeLessThan(METRIC_TOLERANCE);
		}
	});
});
