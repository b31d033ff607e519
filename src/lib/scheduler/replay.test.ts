// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt, shuffled, type Rng } from '$lib/quiz/rng';
import { eventMaker, type EventMaker, type RatingEvent, type SyncEvent } from '$lib/sync/events';
import { replayAll, replayCard, type CardReplay } from './replay';
import { DEFAULT_SETTINGS, REVIEW, type SchedulerSettings } from './types';

const NOW = Date.UTC(2025, 2, 10, 12);
const MINUTE = 60_000;
const DAY = 86_400_000;
/** When random histories are replayed: after all of them, so none is "from the future". */
const LATER = NOW + 2000 * DAY;
const SETTINGS: SchedulerSettings[] = [
	DEFAULT_SETTINGS,
	{ ...DEFAULT_SETTINGS, desiredRetention: 0.8, learningSteps: ['10m'], relearningSteps: [], dayStartHour: 0, maximumInterval: 30 }
];
const CARDS = ['c1', 'c2', 'c3'];

/**
 * A random history: devices take turns, each on its own clock (so their events interleave in
 * time and sometimes share a millisecond), rating, undoing any rating made so far, burying,
 * suspending, resetting, sending, and finishing quizzes. A few values that are no events at all.
 */
function history(rng: Rng, devices: EventMaker[], cards: string[], steps: number): unknown[] {
	const clocks = devices.map(() => NOW - 60 * DAY + randomInt(rng, 3) * MINUTE);
	const ratings: RatingEvent[] = [];
	const events: unknown[] = [];
	for (let i = 0; i < steps; i++) {
		const d = randomInt(rng, devices.length);
		const make = devices[d];
		const gaps = [0, MINUTE, 10 * MINUTE, DAY, 4 * DAY];
		const at = (clocks[d] += gaps[randomInt(rng, gaps.length)]);
		const card = cards[randomInt(rng, cards.length)];
		const roll = rng();
		let event: SyncEvent;
		if (roll < 0.55) ratings.push((event = make.rating(card, at, (1 + randomInt(rng, 4)) as 1 | 2 | 3 | 4, randomInt(rng, 9000))));
		else if (roll < 0.65 && ratings.length) event = make.undo(ratings[randomInt(rng, ratings.length)], at);
		else if (roll < 0.7) event = make.bury(card, at, at + DAY);
		else if (roll < 0.74) event = make.unbury(card, at);
		else if (roll < 0.79) event = make.suspend(card, at);
		else if (roll < 0.84) event = make.unsuspend(card, at);
		else if (roll < 0.88) event = make.reset(card, at);
		else if (roll < 0.95) event = make.send(card, at, at + DAY / 2);
		else event = make.quiz({ id: `q${i}`, at, deckIds: [], score: 0, total: 0, durationMs: 1, answers: [] });
		events.push(event);
		if (rng() < 0.03) events.push({ ...event, rating: 9, id: `${event.id.slice(0, -1)}0` }, null, 'garbage');
		// A corrupt copy: another event under the same id, which arrival order must not pick.
		if (event.type === 'rating' && rng() < 0.05) events.push({ ...event, rating: 1 + (event.rating % 4) });
	}
	return events;
}

/** Splits a device's events into batches of 1 to 5, the way a `_changes` feed pages them. */
function batches(rng: Rng, events: unknown[]): unknown[][] {
	const out: unknown[][] = [];
	for (let i = 0; i < events.length;) {
		const n = 1 + randomInt(rng, 5);
		out.push(events.slice(i, i + n));
		i += n;
	}
	return out;
}

/**
 * A device that receives batches in any order, some twice, and after each one rebuilds only
 * the cards the batch names, as the app will keep derived state in IndexedDB.
 */
function receive(rng: Rng, delivery: unknown[][], settings: SchedulerSettings) {
	const seen: unknown[] = [];
	const cards = new Map<string, CardReplay>();
	for (const batch of delivery) {
		seen.push(...batch);
		const touched = new Set(batch.flatMap((e) => (e && typeof e === 'object' && 'cardId' in e ? [String(e.cardId)] : [])));
		for (const cardId of touched) {
			const { problems: _, ...replay } = replayCard(cardId, shuffled(seen, rng), settings, LATER);
			// A late undo can leave a card with nothing at all: its derived row must go too.
			if (replay.log.length || replay.progress || replay.sentUntil) cards.set(cardId, replay);
			else cards.delete(cardId);
		}
	}
	return { cards, quizzes: replayAll(seen, settings, LATER).quizzes };
}

describe('replay of events merged from several devices', () => {
	it.each(Array.from({ length: 40 }, (_, i) => i + 1))('is the single replay of the union, for seed %i', (seed) => {
		const rng = mulberry32(seed);
		const settings = SETTINGS[seed % SETTINGS.length];
		const devices = ['pa', 'pb', 'pc'].slice(0, 2 + (seed % 2)).map((name, i) => eventMaker(name, mulberry32(seed * 7 + i)));
		const cards = CARDS.slice(0, 1 + (seed % 3));
		const union = history(rng, devices, cards, 20 + randomInt(rng, 40));
		const single = replayAll(union, settings, LATER);
		const expected = new Map([...single.cards].filter(([, r]) => r.log.length || r.progress || r.sentUntil));

		// Each device's own events (and the junk) in write order, cut into batches.
		const perDevice = new Map<string, unknown[]>();
		for (const e of union) {
			const device = String((e as { device?: unknown } | null)?.device);
			perDevice.set(device, [...(perDevice.get(device) ?? []), e]);
		}
		const all = [...perDevice.values()].flatMap((list) => batches(rng, list));
		// Two receivers, each its own interleaving, each getting some batches twice.
		for (let r = 0; r < 2; r++) {
			const delivery = shuffled([...all, ...all.filter(() => rng() < 0.3)], rng);
			const got = receive(rng, delivery, settings);
			expect(got.cards).toEqual(expected);
			expect(got.quizzes).toEqual(single.quizzes);
		}
		// Some seeds must exercise the scheduler past learning, or the check says little.
		expect(single.cards.size).toBeGreaterThan(0);
	});

	it('reaches review state with fuzz on in some histories, and replays it identically', () => {
		const rng = mulberry32(99);
		const union = history(rng, [eventMaker('qa', mulberry32(1)), eventMaker('qb', mulberry32(2))], CARDS, 120);
		const { problems: _, ...first } = replayAll(union, DEFAULT_SETTINGS, LATER);
		const states = [...first.cards.values()].flatMap((r) => r.log.map((l) => l.stateAfter));
		expect(states).toContain(REVIEW);
		const { problems: __, ...again } = replayAll(structuredClone(union).reverse(), DEFAULT_SETTINGS, LATER);
		expect(again).toEqual(first);
	});
});

describe('undo as an event', () => {
	const a = eventMaker('da', mulberry32(5));
	const b = eventMaker('db', mulberry32(6));
	const r1 = a.rating('c1', NOW - 2 * DAY, 3, 1000);
	const r2 = b.rating('c1', NOW - DAY, 1, 1000);
	const undo = a.undo(r1, NOW - DAY + MINUTE);

	it('takes its rating out wherever it sits, and the later rating is replayed as if it never was', () => {
		const withUndo = replayCard('c1', [r2, undo, r1], DEFAULT_SETTINGS, NOW);
		expect(withUndo.log.map((l) => l.id)).toEqual([r2.id]);
		expect(withUndo.progress).toEqual(replayCard('c1', [r2], DEFAULT_SETTINGS, NOW).progress);
		expect(withUndo.log[0].previous).toBeNull();
	});

	it('waits, harmless, until the rating it names arrives', () => {
		expect(replayCard('c1', [undo], DEFAULT_SETTINGS, NOW)).toEqual({ cardId: 'c1', progress: null, log: [], sentUntil: 0, problems: [] });
		expect(replayCard('c1', [undo, r2], DEFAULT_SETTINGS, NOW).log.map((l) => l.id)).toEqual([r2.id]);
	});
});

describe('events that are not well formed', () => {
	it('are reported and left out; the rest replays as without them', () => {
		const make = eventMaker('dx', mulberry32(7));
		const good = [make.rating('c1', NOW - DAY, 3, 500), make.rating('c1', NOW - MINUTE, 4, 500)];
		const bad: unknown[] = [
			{ ...make.rating('c1', NOW - 2 * DAY, 3, 0), rating: 0 },
			{ ...make.rating('c1', NOW - 2 * DAY, 3, 0), at: NOW + 3 * DAY },
			make.bury('c1', Date.UTC(1990, 0, 1), NOW),
			{ ...good[0], durationMs: 9 }, // a different event under a used id
			Object.create(null),
			42
		];
		const replay = replayCard('c1', [...bad, ...good], DEFAULT_SETTINGS, NOW);
		const clean = replayCard('c1', good, DEFAULT_SETTINGS, NOW);
		expect(replay.problems).toHaveLength(bad.length);
		expect(replay.progress).toEqual(clean.progress);
		expect(replay.log.map((l) => l.id)).toEqual(good.map((e) => e.id));
	});
});
