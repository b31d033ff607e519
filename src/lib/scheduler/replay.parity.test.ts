// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, database } from '$lib/db/database';
import { buryUntil, cardReviewLog, getProgress, recordReview, resetProgress, setSuspended, undoLastReview } from '$lib/db/progress';
import { sendToReview } from '$lib/db/quiz-review';
import { sentToReviewToday } from '$lib/db/sent';
import { syncDecks } from '$lib/db/sync';
import { k8sNote, NOW, openTestDatabase, serve } from '$lib/db/testing';
import { mulberry32, randomInt } from '$lib/quiz/rng';
import { eventMaker, rowIdOf, type RatingEvent, type SyncEvent } from '$lib/sync/events';
import { rate } from './rate';
import { replayAll } from './replay';
import { nextDayStart } from './time';
import { DEFAULT_SETTINGS, type Rating, type SchedulerSettings } from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const CARDS = ['s1', 's2', 's3', 'e1', 'p1'];

afterEach(closeDatabase);

/**
 * Today's code path, step by step, beside the event each step would be: ratings through
 * `rate` and `recordReview` as the study screen makes them, undo as its button does (the
 * latest rating, while nothing else happened since), bury, suspend, reset and send to review
 * through src/lib/db. Returns the events and when the last step happened.
 */
async function study(seed: number, settings: SchedulerSettings) {
	const rng = mulberry32(seed);
	const make = eventMaker('pd', mulberry32(seed + 1000));
	const events: SyncEvent[] = [];
	const logIds = new Map<string, string>();
	let undoable: RatingEvent[] = [];
	let t = NOW - 50 * DAY;
	for (let i = 0; i < 70; i++) {
		const gaps = [MINUTE, 10 * MINUTE, 3 * 60 * MINUTE, DAY, 3 * DAY];
		t += gaps[randomInt(rng, gaps.length)];
		const card = CARDS[randomInt(rng, CARDS.length)];
		const roll = rng();
		if (roll < 0.6) {
			const rating = (1 + randomInt(rng, 4)) as Rating;
			const duration = randomInt(rng, 20_000);
			const result = rate(await getProgress(card), card, rating, t, settings, duration, `log-${seed}-${i}`);
			await recordReview(result.progress, result.log);
			const event = make.rating(card, t, rating, duration);
			logIds.set(event.id, result.log.id);
			undoable.push(event);
			events.push(event);
			continue;
		}
		if (roll < 0.7) {
			const target = undoable.pop();
			if (!target) continue;
			expect((await undoLastReview(t))?.id).toBe(logIds.get(target.id));
			events.push(make.undo(target, t));
			continue;
		}
		// Anything else changes the card, and today's undo then refuses to go past it.
		undoable = [];
		if (roll < 0.75) {
			await buryUntil(card, t + DAY, t);
			events.push(make.bury(card, t, t + DAY));
		} else if (roll < 0.78) {
			await buryUntil(card, 0, t);
			events.push(make.unbury(card, t));
		} else if (roll < 0.83) {
			await setSuspended(card, true, t);
			events.push(make.suspend(card, t));
		} else if (roll < 0.88) {
			await setSuspended(card, false, t);
			events.push(make.unsuspend(card, t));
		} else if (roll < 0.92) {
			await resetProgress(card, t);
			events.push(make.reset(card, t));
		} else {
			const dayEnd = nextDayStart(t, settings.dayStartHour);
			// A suspended card is not sent: nothing happens, and nothing is journaled.
			const { skipped } = await sendToReview([card], t, dayEnd);
			if (skipped === 0) events.push(make.send(card, t, dayEnd));
		}
	}
	return { events, logIds, end: t };
}

describe('replaying events gives what today’s code stores', () => {
	const other: SchedulerSettings = {
		...DEFAULT_SETTINGS,
		desiredRetention: 0.85,
		learningSteps: ['5m', '30m', '1h'],
		relearningSteps: ['15m'],
		dayStartHour: 2
	};
	it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('for random study, seed %i', async (seed) => {
		await openTestDatabase(new IDBFactory());
		await syncDecks(serve([k8sNote()]).fetchJson);
		const settings = seed % 2 ? DEFAULT_SETTINGS : other;
		const { events, logIds, end } = await study(seed, settings);

		const replay = replayAll(events, settings, end);
		expect(replay.problems).toEqual([]);
		for (const card of CARDS) {
			const replayed = replay.cards.get(card);
			expect(replayed?.progress ?? null).toEqual(await getProgress(card));
			const log = (replayed?.log ?? []).map((entry) => ({ ...entry, id: logIds.get(entry.id) }));
			expect(log).toEqual(await cardReviewLog(card));
		}
		const sent = CARDS.filter((card) => (replay.cards.get(card)?.sentUntil ?? 0) > end);
		expect(sent.sort()).toEqual((await sentToReviewToday(end)).sort());
	});
});

describe('the event journal the database keeps', () => {
	it.each([11, 12, 13, 14, 15, 16])('replays to what it stores, for random study, seed %i', async (seed) => {
		await openTestDatabase(new IDBFactory());
		await syncDecks(serve([k8sNote()]).fetchJson);
		const { events: made, end } = await study(seed, DEFAULT_SETTINGS);
		const journal = await database().events.toArray();
		// One journal event per step taken (an undo with nothing to undo takes none).
		expect(journal.length).toBe(made.length);
		expect(journal.map((e) => e.type).sort()).toEqual(made.map((e) => e.type).sort());
		const replay = replayAll(journal, DEFAULT_SETTINGS, end);
		expect(replay.problems).toEqual([]);
		for (const card of CARDS) {
			const replayed = replay.cards.get(card);
			expect(replayed?.progress ?? null).toEqual(await getProgress(card));
			expect((replayed?.log ?? []).map((entry) => ({ ...entry, id: rowIdOf(entry.id) }))).toEqual(await cardReviewLog(card));
		}
	});
});
