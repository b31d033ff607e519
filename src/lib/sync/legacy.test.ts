// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from '$lib/db/database';
import { addOddRows, oddRows } from '$lib/db/odd-log';
import { getProgress, recordReview, undoLastReview } from '$lib/db/progress';
import { syncDecks } from '$lib/db/sync';
import { DAY, k8sNote, MINUTE, NOW, openTestDatabase, serve, storedRatings } from '$lib/db/testing';
import { mulberry32, randomInt } from '$lib/quiz/rng';
import { rate } from '$lib/scheduler/rate';
import { replayAll } from '$lib/scheduler/replay';
import { DEFAULT_SETTINGS, type Rating } from '$lib/scheduler/types';
import { eventsFromQuizHistory, eventsFromReviewLog } from './legacy';
import type { QuizResult } from '$lib/db/rows';

const CARDS = ['s1', 's2', 's3', 'e1'];

beforeEach(async () => {
	await openTestDatabase(new IDBFactory());
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

/** A review log as today's study screen writes it: ratings on the clock, now and then an undo. */
async function studyToday(seed: number): Promise<number> {
	const rng = mulberry32(seed);
	let t = NOW - 90 * DAY;
	for (let i = 0; i < 80; i++) {
		t += [MINUTE, 10 * MINUTE, DAY, 5 * DAY][randomInt(rng, 4)];
		if (rng() < 0.1) {
			await undoLastReview(t);
			continue;
		}
		const card = CARDS[randomInt(rng, CARDS.length)];
		const result = rate(
			await getProgress(card),
			card,
			(1 + randomInt(rng, 4)) as Rating,
			t,
			DEFAULT_SETTINGS,
			randomInt(rng, 9000),
			`log-${seed}-${i}`
		);
		await recordReview(result.progress, result.log);
	}
	return t;
}

describe('eventsFromReviewLog', () => {
	it.each([1, 2, 3])('gives events whose replay is each card’s stored progress and log, seed %i', async (seed) => {
		const end = await studyToday(seed);
		const rows = await storedRatings();
		const { events, problems } = eventsFromReviewLog(rows, end);
		expect(problems).toEqual([]);
		expect(events).toHaveLength(rows.length);

		const replay = replayAll(events, DEFAULT_SETTINGS, end);
		for (const card of CARDS) {
			expect(replay.cards.get(card)?.progress ?? null).toEqual(await getProgress(card));
			const stored = rows.filter((row) => row.cardId === card).sort((a, b) => a.review - b.review);
			const derived = replay.cards.get(card)?.log ?? [];
			expect(derived.map((entry) => entry.id)).toEqual(stored.map((row) => `legacy.${row.id}`));
			expect(derived.map((entry) => ({ ...entry, id: '' }))).toEqual(stored.map(({ deckId: _, seq: __, ...row }) => ({ ...row, id: '' })));
		}
	});

	it('gives the same ids every time, so two devices that convert one log merge it once', async () => {
		await studyToday(4);
		const rows = await storedRatings();
		const first = eventsFromReviewLog(rows, NOW).events;
		expect(
			eventsFromReviewLog(structuredClone(rows).reverse(), NOW)
				.events.map((e) => e.id)
				.sort()
		).toEqual(first.map((e) => e.id).sort());
	});

	it('reports rows no version writes, leaves them out, and replays the rest as stored', async () => {
		const end = await studyToday(5);
		const odd = [
			...(await addOddRows('s1', 'svc')),
			...(await addOddRows('s2', 'svc', [NOW - DAY, NOW - DAY, NOW - DAY, NOW - DAY], 'odd2'))
		];
		const rows = await storedRatings();
		const { events, problems } = eventsFromReviewLog([...rows, null, 'text', 7], end);
		// Every odd row is out of range somewhere that a rating needs (time, rating or card).
		expect(events).toHaveLength(rows.length - odd.length);
		expect(problems.filter((p) => !p.includes('taken as 0')).length).toBe(odd.length + 3);
		const replay = replayAll(events, DEFAULT_SETTINGS, end);
		for (const card of CARDS) expect(replay.cards.get(card)?.progress ?? null).toEqual(await getProgress(card));
	});

	it('keeps a rating whose duration is unreadable, as 0 ms, and says so', () => {
		const [row] = oddRows('p1', 'probe', [NOW - DAY], 'dur');
		const { events, problems } = eventsFromReviewLog([{ ...row, rating: 3, durationMs: NaN }], NOW);
		expect(events).toMatchObject([{ id: `legacy.${row.id}`, device: 'legacy', cardId: 'p1', rating: 3, durationMs: 0 }]);
		expect(problems).toEqual([`review-log row 1 (legacy.${row.id}): durationMs NaN is unreadable, taken as 0`]);
	});
});

describe('eventsFromQuizHistory', () => {
	const result: QuizResult = {
		id: 'b1f3c2d4-0000-4000-8000-000000000001',
		at: NOW - DAY,
		deckIds: ['svc'],
		score: 0,
		total: 0,
		durationMs: 5000,
		answers: []
	};

	it('gives one quiz event per result, and the results back from replay', () => {
		const { events, problems } = eventsFromQuizHistory([result], NOW);
		expect(problems).toEqual([]);
		expect(events).toEqual([{ id: `legacy.${result.id}`, device: 'legacy', at: result.at, type: 'quiz', result }]);
		expect(replayAll([...events, ...events], DEFAULT_SETTINGS, NOW).quizzes).toEqual([result]);
	});

	it('reports a result the backup would refuse, and anything that is no result', () => {
		const { events, problems } = eventsFromQuizHistory([{ ...result, at: 1e300 }, { ...result, score: 3 }, null, 5], NOW);
		expect(events).toEqual([]);
		expect(problems).toHaveLength(4);
	});
});
