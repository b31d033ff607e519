// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'UTC';
// liveQuery only runs where Dexie found a global indexedDB when it loaded.
import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getProgress, importProgress, syncDecks } from '$lib/db';
import { getExam, saveExam } from '$lib/db/exam';
import { observe } from '$lib/db/live';
import { DAY, HOUR, k8sNote, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { DEFAULT_EXAM, examAtOf } from '$lib/scheduler/exam-settings';
import { retrievability } from '$lib/scheduler/rate';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import { Study } from '$lib/state/study.svelte';
import { deckReadiness, examRanking } from './exam-plan';
import { extraToday, plannedIds } from './exam';
import { homeScreen } from './home';

// NOW is 2025-03-10 12:00 UTC; the interview two days later: the plan has today and tomorrow.
const settings = { ...DEFAULT_SETTINGS, dayStartHour: 4 };
const EXAM = { ...DEFAULT_EXAM, date: '2025-03-12' };
const CARDS = ['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2'];
const stored = new Map<string, string>();

beforeEach(async () => {
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => stored.get(key) ?? null,
		setItem: (key: string, value: string) => stored.set(key, value),
		removeItem: (key: string) => stored.delete(key)
	});
	stored.clear();
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
	// Reviewed two days ago with a few days' stability: due in two days, below 90% on the 12th.
	await importProgress(
		CARDS.map((id) => progressOf(id, { stability: 3, lastReview: NOW - 2 * DAY, due: NOW + 2 * DAY, scheduledDays: 4 })),
		[]
	);
});
afterEach(() => {
	closeDatabase();
	vi.unstubAllGlobals();
});

describe('the interview plan in the daily queue', () => {
	it('adds nothing while no date is set', async () => {
		expect(await extraToday(settings, NOW)).toEqual([]);
		expect(await homeScreen(settings, NOW)).toMatchObject({ totals: { review: 0 }, planned: 0 });
	});

	it('counts today’s planned cards as due reviews, at home and in the deck tree, and says how many', async () => {
		await saveExam(EXAM);
		const today = await plannedIds(settings, NOW);
		expect(today.length).toBeGreaterThan(0);
		expect(today.length).toBeLessThan(CARDS.length);
		expect((await extraToday(settings, NOW)).map((row) => row.progress.cardId).sort()).toEqual([...today].sort());
		const home = await homeScreen(settings, NOW);
		expect(home).toMatchObject({ totals: { review: today.length }, planned: today.length });
		expect(home.lines.find((line) => line.deck.id === 'n1')?.review).toBe(today.length);
	});

	it('queues today’s planned cards and not tomorrow’s; a reviewed one leaves the count', async () => {
		await saveExam(EXAM);
		const today = await plannedIds(settings, NOW);
		const study = new Study(null, settings);
		await study.start(NOW);
		expect(study.remaining.review).toBe(today.length);
		const shown: string[] = [];
		while (study.shown) {
			shown.push(study.shown.card.id);
			study.reveal();
			await study.rate(3, NOW + shown.length * 1000);
		}
		expect(shown.sort()).toEqual([...today].sort());
		expect(await extraToday(settings, NOW + HOUR)).toEqual([]);
		// Tomorrow the rest of the cards come, planned then.
		const tomorrow = await plannedIds(settings, NOW + DAY);
		expect(tomorrow.filter((id) => today.includes(id))).toEqual([]);
		expect(tomorrow.sort()).toEqual(CARDS.filter((id) => !today.includes(id)).sort());
	});

	it('keeps today’s list through the day, and adds nothing on or after the date', async () => {
		await saveExam(EXAM);
		const today = await plannedIds(settings, NOW);
		await importProgress(
			CARDS.map((id) => progressOf(id, { stability: 1, lastReview: NOW - 3 * DAY, due: NOW + DAY })),
			[]
		);
		expect(await plannedIds(settings, NOW + HOUR)).toEqual(today);
		expect(await plannedIds(settings, NOW + 2 * DAY)).toEqual([]);
		expect(await extraToday(settings, NOW + 5 * DAY)).toEqual([]);
	});

	it('re-runs home’s live counts when a date is set, through the lazily loaded plan', async () => {
		const seen = await new Promise<number[]>((resolve, reject) => {
			const planned: number[] = [];
			const subscription = observe(() => homeScreen(settings, NOW)).subscribe({
				next(value) {
					planned.push(value.planned);
					if (planned.length === 1) saveExam(EXAM).catch(reject);
					if (planned.length === 2) {
						subscription.unsubscribe();
						resolve(planned);
					}
				},
				error: reject
			});
		});
		expect(seen[0]).toBe(0);
		expect(seen[1]).toBeGreaterThan(0);
	});

	it('turns off when the date is cleared', async () => {
		await saveExam(EXAM);
		expect((await plannedIds(settings, NOW)).length).toBeGreaterThan(0);
		await saveExam({ ...EXAM, date: null });
		expect(await getExam()).toEqual(DEFAULT_EXAM);
		expect(await plannedIds(settings, NOW)).toEqual([]);
	});
});

describe('readiness on a deck page', () => {
	it('predicts recall on the date and the reviews a day to reach the target, under a deck’s own date', async () => {
		await saveExam({ ...DEFAULT_EXAM, decks: { svc: '2025-03-12' } });
		expect(await deckReadiness('probe', settings, NOW)).toBeNull();
		const svc = await deckReadiness('svc', settings, NOW);
		expect(svc).toMatchObject({ date: '2025-03-12', target: 0.9, daysLeft: 2, cards: 5, unstudied: 0 });
		expect(svc!.recall).toBeLessThan(0.9);
		expect(svc!.planned).toBeGreaterThanOrEqual(0.9);
		expect(svc!.perDay).toBe(3);
		// A sub-deck is covered by its parent's date.
		expect(await deckReadiness('ext', settings, NOW)).toMatchObject({ date: '2025-03-12', cards: 2 });
	});
});

describe('the quiz’s weakest on interview day', () => {
	it('ranks the studied cards a date covers by their predicted recall on it, in the decks chosen', async () => {
		expect(await examRanking([])).toEqual(new Map());
		await importProgress([progressOf('p1', { stability: 30, lastReview: NOW - DAY, due: NOW + 20 * DAY })], []);
		await saveExam({ ...DEFAULT_EXAM, date: '2025-03-20', decks: { svc: '2025-03-12' } });
		const ranking = await examRanking([]);
		expect([...ranking.keys()].sort()).toEqual([...CARDS].sort());
		const s1 = (await getProgress('s1'))!;
		expect(ranking.get('s1')).toBeCloseTo(retrievability(s1, examAtOf('2025-03-12', 4)), 12);
		// p1 is much stronger, and its deck's date is the later one for every deck.
		expect(ranking.get('p1')).toBeGreaterThan(ranking.get('p2')!);
		expect([...(await examRanking(['ext'])).keys()].sort()).toEqual(['e1', 'e2']);
	});
});
