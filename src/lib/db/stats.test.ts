// Before any Date use: vitest runs each test file in its own worker.
process.env.TZ = 'UTC';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEARNING, REVIEW, type Rating } from '$lib/scheduler/types';
import { closeDatabase, database } from './database';
import { setSuspended } from './progress';
import { importProgress } from './bulk';
import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';

import { studyDaysSince } from './reminder';
import { statsDetails, statsOverview } from './stats';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, MINUTE, NOW, openTestDatabase, progressOf, serve } from './testing';

// These fixtures invent past states that were never stored, which recordReview refuses as
// stale; history is written directly instead.
const recordReview = (progress: CardProgress, log: ReviewLogEntry) => importProgress([progress], [log]);

const HOUR_4 = 4;
/** Study day numbers: NOW (12:00 UTC) is in day TODAY. */
const TODAY = Math.floor((NOW - HOUR_4 * HOUR) / DAY);

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
	// s1: learnt 3 days ago, passed 2 days ago (young, interval 1), failed today (mature, interval 30).
	const learnt = progressOf('s1', { state: LEARNING, scheduledDays: 0, due: NOW - 3 * DAY + 10 * 60_000 });
	await recordReview(learnt, logOf(learnt, null, NOW - 3 * DAY, 3));
	const young = progressOf('s1', { scheduledDays: 1, due: NOW - 2 * DAY });
	const passed = progressOf('s1', { scheduledDays: 30, due: NOW - DAY });
	await recordReview(passed, { ...logOf(passed, young, NOW - 2 * DAY, 3), durationMs: 1000 });
	const failed = progressOf('s1', { state: 3, scheduledDays: 0, due: NOW + 10 * 60_000 });
	await recordReview(failed, { ...logOf(failed, passed, NOW - HOUR, 1), durationMs: 5000 });
	// p2 (deck probe): passed today, young; due in 3 days.
	const p2 = progressOf('p2', { due: NOW + 3 * DAY });
	await recordReview(p2, { ...logOf(p2, progressOf('p2', { scheduledDays: 4 }), NOW - 2 * HOUR, 4), durationMs: 2000 });
	// e2 studied, then suspended; l1 due long ago (overdue: counts for today).
	const e2 = progressOf('e2');
	await recordReview(e2, logOf(e2, null, NOW - 40 * DAY));
	await setSuspended('e2', true);
	const l1 = progressOf('l1', { due: NOW - 20 * DAY });
	await recordReview(l1, logOf(l1, null, NOW - 400 * DAY));
});
afterEach(closeDatabase);

describe('statsOverview', () => {
	it('counts the whole collection on indexes', async () => {
		const stats = await statsOverview(null, NOW, HOUR_4);
		expect(stats.today).toBe(TODAY);
		expect([...stats.heatmap].sort(([a], [b]) => a - b)).toEqual([
			[TODAY - 40, 1],
			[TODAY - 3, 1],
			[TODAY - 2, 1],
			[TODAY, 2]
		]);
		expect([stats.todayReviews, stats.todayMs]).toEqual([2, 7000]);
		expect(stats.streaks).toEqual({ current: 1, longest: 2 });
		// Due: s1 (relearning) and l1 (overdue) today, p2 in 3 days; e2 is suspended.
		expect(stats.forecast).toHaveLength(30);
		expect(stats.forecast.slice(0, 4)).toEqual([2, 0, 0, 1]);
		expect(stats.forecast.reduce((a, b) => a + b)).toBe(3);
		// 10 cards in the notes: s1 relearning, p2 and l1 review, e2 suspended, 6 new.
		expect(stats.states).toEqual({ new: 6, learning: 0, review: 2, relearning: 1, suspended: 1 });
		expect(stats.decks.map((d) => [d.deckId, d.cards])).toEqual([
			['n1', 7],
			['n2', 3]
		]);
	});

	it('applies a deck filter to every chart', async () => {
		const stats = await statsOverview('probe', NOW, HOUR_4);
		expect([...stats.heatmap]).toEqual([[TODAY, 1]]);
		expect([stats.todayReviews, stats.todayMs]).toEqual([1, 2000]);
		expect(stats.streaks).toEqual({ current: 1, longest: 1 });
		expect(stats.forecast.reduce((a, b) => a + b)).toBe(1);
		expect(stats.states).toEqual({ new: 1, learning: 0, review: 1, relearning: 0, suspended: 0 });
		expect(stats.decks.map((d) => [d.deckId, d.cards])).toEqual([['probe', 2]]);
	});

	it('shows the sub-decks of a filter deck', async () => {
		const stats = await statsOverview('svc', NOW, HOUR_4);
		expect(stats.decks.map((d) => d.deckId)).toEqual(['ext']);
		expect(stats.states.suspended).toBe(1);
	});
});

describe('statsDetails', () => {
	const whole = {
		// Review-state reviews: s1 day -2 young pass; s1 today mature fail; p2 today young pass.
		retention7: { young: { passed: 2, failed: 0 }, mature: { passed: 0, failed: 1 }, all: { passed: 2, failed: 1 } }
	};

	it('counts true retention and recall now', async () => {
		const details = await statsDetails(null, NOW, HOUR_4);
		expect(details.retention[7]).toEqual(whole.retention7);
		expect([...details.recall.keys()]).toEqual(['n1', 'n2']);
		// Known: p2 and e2 (suspended, still learnt) in n1, l1 in n2.
		expect(details.known).toEqual(
			new Map([
				['n1', 2],
				['n2', 1]
			])
		);
		expect(details.recall.get('n1')).toBeGreaterThan(0);
	});

	it('gives the same numbers from its cache, and notices rows added before the cached days', async () => {
		await statsDetails(null, NOW - DAY, HOUR_4); // caches the days before yesterday
		const cached = await statsDetails(null, NOW, HOUR_4);
		expect(cached.retention[7]).toEqual(whole.retention7);
		// An older review arrives (as from a backup).
		const old = progressOf('s2', { scheduledDays: 30 });
		await recordReview(old, { ...logOf(old, progressOf('s2', { scheduledDays: 40 }), NOW - 4 * DAY, 1), stateBefore: 2 });
		const redone = await statsDetails(null, NOW, HOUR_4);
		expect(redone.retention[7].mature).toEqual({ passed: 0, failed: 2 });
		expect((await statsOverview(null, NOW, HOUR_4)).streaks).toEqual({ current: 1, longest: 3 });
	});

	it('follows a deck filter', async () => {
		const details = await statsDetails('probe', NOW, HOUR_4);
		expect(details.retention[365].all).toEqual({ passed: 1, failed: 0 });
		expect([...details.recall.keys()]).toEqual(['probe']);
		expect(details.known).toEqual(new Map([['probe', 1]]));
	});

	it("counts a filter deck's ratings of its year only: none of another deck, none before the year or after now", async () => {
		// p1 (probe): failed right now, and passed half an hour before (written after: retention
		// counts the day's first review), passed on the heatmap's first day, failed the day before
		// it and a minute from now; s3 (svc, outside the filter) failed an hour ago.
		const p1 = progressOf('p1', { scheduledDays: 40 });
		const p1Log = (review: number, rating: Rating): ReviewLogEntry => ({
			...logOf(p1, p1, review, rating),
			stateBefore: REVIEW,
			durationMs: 1000
		});
		await importProgress(
			[p1],
			[p1Log(NOW - 365 * DAY, 1), p1Log(NOW - 364 * DAY, 3), p1Log(NOW, 1), p1Log(NOW - 30 * MINUTE, 3), p1Log(NOW + MINUTE, 1)]
		);
		const s3 = progressOf('s3', { scheduledDays: 40 });
		await recordReview(s3, { ...logOf(s3, s3, NOW - HOUR, 1), stateBefore: REVIEW });

		const overview = await statsOverview('probe', NOW, HOUR_4);
		// p2's pass two hours ago, p1's pass half an hour ago and fail now; p1's pass 364 days ago.
		expect([...overview.heatmap].sort(([a], [b]) => a - b)).toEqual([
			[TODAY - 364, 1],
			[TODAY, 3]
		]);
		expect([overview.todayReviews, overview.todayMs]).toEqual([3, 4000]);
		const details = await statsDetails('probe', NOW, HOUR_4);
		expect(details.retention[7].all).toEqual({ passed: 2, failed: 0 });
		expect(details.retention[365].all).toEqual({ passed: 3, failed: 0 });
	});

	it('is all zeros for an empty log', async () => {
		await openTestDatabase();
		const details = await statsDetails(null, NOW, HOUR_4);
		expect(details.retention[30].all).toEqual({ passed: 0, failed: 0 });
		expect((await statsOverview(null, NOW, HOUR_4)).heatmap.size).toBe(0);
	});
});

describe('studyDaysSince', () => {
	it('counts distinct study days with reviews, up to a limit', async () => {
		expect(await studyDaysSince(0, NOW, HOUR_4, 10)).toBe(5);
		expect(await studyDaysSince(NOW - 5 * DAY, NOW, HOUR_4, 10)).toBe(3);
		expect(await studyDaysSince(0, NOW, HOUR_4, 2)).toBe(2);
	});
});

describe('statsDetails’ reads of the log', () => {
	it('reads each page of the year once for the whole collection, not once a month', async () => {
		let pagesRead = 0;
		const db = database();
		db.logPages.hook('reading', (page) => {
			pagesRead++;
			return page;
		});
		const stored = await db.logPages.count();
		expect(stored).toBeGreaterThanOrEqual(3);
		await statsDetails(null, NOW, HOUR_4);
		// Twelve months' reads of pages holding times of the whole year read each page about twelve times.
		expect(pagesRead).toBeLessThanOrEqual(stored);
		expect(pagesRead).toBeGreaterThan(0);
	});
});
