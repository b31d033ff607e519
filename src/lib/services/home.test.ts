import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	cardPlaces,
	closeDatabase,
	importProgress,
	sendToReview,
	sentToReviewToday,
	storeDeviceNote,
	syncDecks,
	todayStats,
	undoLastReview
} from '$lib/db';
import { todayTotalsFromRanges } from '$lib/db/deck-totals.testing';
import { toReviewLogRow } from '$lib/db/rows';
import {
	DAY,
	HOUR,
	k8sNote,
	logOf,
	makeNote,
	MINUTE,
	NEXT_DAY,
	NOW,
	openTestDatabase,
	progressOf,
	serve,
	storeRatings
} from '$lib/db/testing';
import { applyDailyLimits, DEFAULT_SETTINGS, dayStart, liftNewLimit, nextDayStart, type SchedulerSettings } from '$lib/scheduler';
import { homeScreen, homeStreak, noteLines } from './home';

const settings = { ...DEFAULT_SETTINGS, dayStartHour: 4 };
const TODAY = dayStart(NOW, settings.dayStartHour);
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
});
afterEach(() => {
	closeDatabase();
	vi.unstubAllGlobals();
});

const ratingAt = (review: number) => logOf(progressOf('s1'), progressOf('s1'), review);

/** homeScreen's numbers counted the slow way, as schema version 4 did: every range, no kept counts (no interview date set). */
async function totalsFromRanges(settings: SchedulerSettings, now: number) {
	const [start, next] = [dayStart(now, settings.dayStartHour), nextDayStart(now, settings.dayStartHour)];
	const lifted = liftNewLimit(settings, (await cardPlaces(await sentToReviewToday(now))).length);
	const raw = await todayTotalsFromRanges(now, next, { new: lifted.newPerDay, due: settings.reviewsPerDay });
	const used = await todayStats(start, next);
	const studied = { newIntroduced: used.introduced, reviewsDone: used.reviewed };
	const totals = applyDailyLimits({ new: raw.newAvailable, learning: raw.learning, review: raw.due }, lifted, studied);
	return { totals, doneToday: used.ratings, planned: 0 };
}

/** Every deck line home shows once each note is opened: its root line (from homeScreen) and its decks (noteLines). */
async function everyLine(settings: SchedulerSettings, now: number) {
	const { lines } = await homeScreen(settings, now);
	return (await Promise.all(lines.map((line) => noteLines(settings, line.deck.id, now)))).flat();
}

describe('homeStreak', () => {
	it('counts the days before today once a day, and again when a rating before today appears or goes', async () => {
		await importProgress([], [TODAY - 2 * DAY + HOUR, TODAY - DAY + HOUR].map(ratingAt));
		expect(await homeStreak(settings, NOW)).toBe(2);
		expect(JSON.parse(stored.get('tabledeck.streakBefore')!)).toMatchObject({ day: TODAY, days: 2 });

		// Today's first rating adds a day without a recount.
		stored.set('tabledeck.streakBefore', JSON.stringify({ ...JSON.parse(stored.get('tabledeck.streakBefore')!), days: 40 }));
		await importProgress([], [ratingAt(TODAY + HOUR)]);
		expect(await homeStreak(settings, NOW)).toBe(41);

		// A rating before today that was not there when the days were counted (an import, or
		// one undone) changes the latest rating before today: they are counted again.
		await importProgress([], [ratingAt(TODAY - MINUTE)]);
		expect(await homeStreak(settings, NOW)).toBe(3);
	});
});

describe('home’s numbers', () => {
	it('apply the daily limits to the collection’s numbers', async () => {
		expect(await homeScreen({ ...settings, newPerDay: 3 }, NOW)).toMatchObject({
			totals: { new: 3, learning: 0, review: 0 },
			doneToday: 0,
			planned: 0
		});
	});
});

describe('deck lines', () => {
	it('mark the root deck of a note added on this device, and only it', async () => {
		const mine = makeNote('my.md', 'd', [
			{ id: 'd1', cards: [] },
			{ id: 'dsec', parentId: 'd1', cards: ['m1'] }
		]);
		await storeDeviceNote('my.md', '| a | b |', mine);
		const marked = (await everyLine(settings, NOW)).filter((line) => line.addedHere).map((line) => line.deck.id);
		expect(marked).toEqual(['d1']);
		expect((await homeScreen(settings, NOW)).lines.filter((line) => line.addedHere).map((line) => line.deck.id)).toEqual(['d1']);
	});
});

describe('the home screen at once', () => {
	it('has the numbers the ranges give, and each note’s root line as noteLines gives it when the note is opened', async () => {
		const mine = makeNote('my.md', 'd', [{ id: 'd1', cards: ['m1', 'm2'] }]);
		await storeDeviceNote('my.md', '| a | b |', mine);
		await importProgress(
			['s1', 'e1', 'p2', 'm1'].map((id, i) => progressOf(id, { state: ([1, 2, 3] as const)[i % 3], due: NOW - i * HOUR }))
		);
		await sendToReview(['s2'], NOW, NEXT_DAY);
		const limited = { ...settings, newPerDay: 1 };
		const screen = await homeScreen(limited, NOW);
		expect({ totals: screen.totals, doneToday: screen.doneToday, planned: screen.planned }).toEqual(await totalsFromRanges(limited, NOW));
		const opened = await Promise.all(screen.lines.map((line) => noteLines(limited, line.deck.id, NOW)));
		expect(screen.lines).toEqual(opened.map(([root]) => (root.deck.id === 'n1' ? { ...root, more: true } : root)));
		// n1: 4 new cards left, limited to 1 and the sent one; s1 and p2 learning, e1 due. d1: m2 new, m1 learning.
		expect(screen.lines.map((line) => [line.deck.id, line.new, line.learning, line.review])).toEqual([
			['n1', 2, 2, 1],
			['d1', 1, 1, 0]
		]);
		// Opened, n1's decks: e1 due in ext beside its one new card, e2; s1 learning in svc, p2 in probe.
		expect(opened[0].map((line) => [line.deck.id, line.new, line.learning, line.review])).toEqual([
			['n1', 2, 2, 1],
			['svc', 2, 1, 1],
			['ext', 1, 0, 1],
			['probe', 1, 1, 0]
		]);
	});
});

describe('new cards a quiz sent to today’s review', () => {
	it('come on top of the new-card limit, in the totals and in the decks that hold them', async () => {
		const limited = { ...settings, newPerDay: 1 };
		await sendToReview(['s2', 'e1'], NOW, NEXT_DAY);
		expect((await homeScreen(limited, NOW)).totals.new).toBe(3);
		const news = Object.fromEntries((await everyLine(limited, NOW)).map((line) => [line.deck.id, line.new]));
		expect(news).toEqual({ n1: 3, svc: 3, ext: 2, probe: 1 });
	});
});

describe('ratings done today', () => {
	const done = async () => (await homeScreen(settings, NOW)).doneToday;

	it('are the study day’s count of the log: a rating, an undo or a restored row shows at once', async () => {
		await importProgress([], [TODAY - HOUR, TODAY + HOUR, TODAY + 2 * HOUR].map(ratingAt));
		expect(await done()).toBe(2);
		await importProgress([progressOf('s1')], [ratingAt(TODAY + 3 * HOUR)]);
		expect(await done()).toBe(3);
		await undoLastReview();
		expect(await done()).toBe(2);
		// A rating dated before the others (a clock set back).
		await importProgress([], [ratingAt(TODAY + 30 * MINUTE)]);
		expect(await done()).toBe(3);
		// A restored backup adds rows nobody rated here (no write order).
		await storeRatings([toReviewLogRow(ratingAt(TODAY + 40 * MINUTE), 'svc')]);
		expect(await done()).toBe(4);
	});

	it('follow the latest rating made, whatever dates other rows hold', async () => {
		const odd = [Date.UTC(9999, 0, 1), NaN, -8.64e15, 8.64e15, undefined as unknown as number];
		await importProgress([], odd.map(ratingAt));
		expect(await done()).toBe(0);
		await importProgress([], [ratingAt(TODAY + HOUR)]);
		expect(await done()).toBe(1);
		await importProgress([progressOf('s1')], [ratingAt(TODAY + 2 * HOUR)]);
		expect(await done()).toBe(2);
		await undoLastReview();
		expect(await done()).toBe(1);
	});

	it('are counted from the log when no rating was made since the update that numbers them', async () => {
		await storeRatings([toReviewLogRow(ratingAt(TODAY + HOUR), 'svc')]);
		expect(await done()).toBe(1);
	});
});
