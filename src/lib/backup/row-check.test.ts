import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { mulberry32, type Rng } from '$lib/quiz/rng';
import { DUE_HORIZON, EARLIEST, REVIEW_SLACK, toProgressTuple, toReviewLogTuple } from './format';
import { progressRowProblem, reviewProblem } from './meaning';
import { progressRowOk, reviewRowOk } from './row-check';
import { rowSchemas } from './schema';
import { progress, sampleBackup, T0 } from './testing';

const NOW = T0 + 3_600_000;
const schemas = rowSchemas(NOW);

/** The slow path's verdict: valibot's tuple, then ./meaning. */
const slowProgressOk = (row: unknown) =>
	v.safeParse(schemas.progressRow, row).success && progressRowProblem(row as Parameters<typeof progressRowProblem>[0]) === null;
const slowReviewOk = (row: unknown) =>
	v.safeParse(schemas.reviewLogRow, row).success && reviewProblem(row as Parameters<typeof reviewProblem>[0]) === null;

const GOOD_PROGRESS = [
	toProgressTuple(progress('card-a')),
	toProgressTuple(progress('card-b', { state: 1, stability: 1.2, suspended: 1, buriedUntil: NOW + 86_400_000 })),
	toProgressTuple(
		progress('card-c', { state: 0, stability: 0, difficulty: 0, lastReview: null, reps: 0, elapsedDays: 0, scheduledDays: 0, due: 0 })
	)
];
const GOOD_REVIEWS = sampleBackup().reviewLog.map(toReviewLogTuple);

/** Values at and around every bound the schema and ./meaning draw, and of every wrong kind. */
const EDGES: unknown[] = [
	...[null, true, false, '', 'x', 'card-a', 'a b', 'x'.repeat(64), 'x'.repeat(65), 'y'.repeat(101), '\u00e9', [], [1], {}],
	...[0, -0, 1, 2, 3, 4, 5, -1, 0.5, 1.5, 0.001, 0.0009, 0.999, 10, 10.5, 36_500, 36_500.5, 36_501, 1e308, -1e308],
	...[EARLIEST - 1, EARLIEST, EARLIEST + 0.5, T0, NOW, NOW + REVIEW_SLACK, NOW + REVIEW_SLACK + 1],
	...[NOW + DUE_HORIZON, NOW + DUE_HORIZON + 1, Number.MAX_SAFE_INTEGER, Infinity, NaN]
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** A copy of `row` changed in one to three places: a column (or a `previous` column) set to an edge value or nudged, or the length changed. */
function mutate(rng: Rng, row: readonly unknown[]): unknown[] {
	const out: unknown[] = structuredClone([...row]);
	for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) {
		const what = rng();
		let target = out;
		if (Array.isArray(out[12]) && rng() < 0.4) target = out[12] as unknown[];
		const at = Math.floor(rng() * target.length);
		if (what < 0.55) target[at] = pick(rng, EDGES);
		else if (what < 0.8 && typeof target[at] === 'number')
			target[at] = (target[at] as number) + pick(rng, [-86_400_001, -1, -0.5, 1, 86_400_001]);
		else if (what < 0.85) target.pop();
		else if (what < 0.9) target.push(pick(rng, EDGES));
		else if (what < 0.95 && out.length === 13) out[12] = rng() < 0.5 ? null : structuredClone(pick(rng, GOOD_PROGRESS).slice(1));
		else target[at] = structuredClone(pick(rng, [...GOOD_PROGRESS, ...GOOD_REVIEWS])[at]);
	}
	return out;
}

function compare(good: readonly (readonly unknown[])[], fast: (row: unknown) => boolean, slow: (row: unknown) => boolean, seed: number) {
	const rng = mulberry32(seed);
	const disagree: unknown[] = [];
	let refused = 0;
	const total = 20_000;
	for (let i = 0; i < total; i++) {
		const row = mutate(rng, pick(rng, good));
		const verdict = slow(row);
		if (fast(row) !== verdict) disagree.push(row);
		if (!verdict) refused++;
	}
	return { disagree: disagree.slice(0, 5), refused, accepted: total - refused };
}

describe('the fast row check agrees with valibot and ./meaning', () => {
	it('on the good rows themselves', () => {
		expect(GOOD_PROGRESS.map(progressRowOk(NOW))).toEqual([true, true, true]);
		expect(GOOD_REVIEWS.map(reviewRowOk(NOW))).toEqual(GOOD_REVIEWS.map(() => true));
		expect(GOOD_PROGRESS.every(slowProgressOk) && GOOD_REVIEWS.every(slowReviewOk)).toBe(true);
	});

	it('on 20,000 progress rows changed at random (seeded)', () => {
		const result = compare(GOOD_PROGRESS, progressRowOk(NOW), slowProgressOk, 20);
		expect(result.disagree).toEqual([]);
		// Both verdicts are well represented, so the comparison means something.
		expect(Math.min(result.refused, result.accepted)).toBeGreaterThan(1000);
	});

	it('on 20,000 review-log rows changed at random (seeded)', () => {
		const result = compare(GOOD_REVIEWS, reviewRowOk(NOW), slowReviewOk, 21);
		expect(result.disagree).toEqual([]);
		expect(Math.min(result.refused, result.accepted)).toBeGreaterThan(1000);
	});

	it('on things that are not rows at all', () => {
		const odd = [null, undefined, 0, 'row', {}, { length: 13 }, [], new Array(13), new Array(13).fill(null)];
		expect(odd.map(progressRowOk(NOW))).toEqual(odd.map(slowProgressOk));
		expect(odd.map(reviewRowOk(NOW))).toEqual(odd.map(slowReviewOk));
	});
});
