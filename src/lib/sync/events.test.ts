import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import type { QuizResult } from '$lib/db/rows';
import { eventChecker } from './check';
import { compareEvents, eventMaker, isEventId, newDeviceId, type SyncEvent } from './events';

const NOW = Date.UTC(2025, 2, 10, 12);
const DAY = 86_400_000;
const CARD = '9a1e04c2b7f3d815';

const quiz: QuizResult = {
	id: 'q-1',
	at: NOW - 1000,
	deckIds: ['deck1'],
	score: 1,
	total: 1,
	durationMs: 30_000,
	answers: [{ questionId: 'x', type: 'mcq', prompt: 'p', given: 'g', expected: 'g', outcome: 'correct', overruled: false, cardIds: [CARD] }]
};

describe('eventMaker', () => {
	it('makes ids of the device id and a ULID, repeatable from the same seed', () => {
		const make = () => {
			const device = newDeviceId(mulberry32(1));
			const events = eventMaker(device, mulberry32(2));
			return [events.rating(CARD, NOW, 3, 4200.4), events.bury(CARD, NOW + 1, NOW + DAY)];
		};
		const [rating, bury] = make();
		expect(make()).toEqual([rating, bury]);
		expect(rating).toMatchObject({ type: 'rating', cardId: CARD, at: NOW, rating: 3, durationMs: 4200 });
		expect(rating.id).toMatch(/^[0-9a-z]{16}\.[0-9A-Z]{26}$/);
		expect(isEventId(rating.id, rating.device)).toBe(true);
	});

	it('keeps ids in the order made, within one millisecond and when the clock steps back', () => {
		const events = eventMaker('dev1', mulberry32(3));
		const ids = [NOW, NOW, NOW, NOW - 5000, NOW + 1].map((at) => events.reset(CARD, at).id);
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('refuses a device id that would not parse back', () => {
		expect(() => eventMaker('Dev 1', mulberry32(1))).toThrow(RangeError);
		expect(() => eventMaker('legacy', mulberry32(1))).toThrow(RangeError);
	});
});

describe('eventChecker', () => {
	const events = eventMaker('dev1', mulberry32(4));
	const check = eventChecker(NOW);
	const good: SyncEvent[] = [
		events.rating(CARD, NOW, 4, 100),
		events.undo(events.rating(CARD, NOW, 1, 0), NOW),
		events.bury(CARD, NOW, NOW + DAY),
		events.unbury(CARD, NOW),
		events.suspend(CARD, NOW),
		events.unsuspend(CARD, NOW),
		events.reset(CARD, NOW),
		events.send(CARD, NOW, NOW + DAY / 2),
		events.quiz(quiz)
	];

	it('accepts every kind of event made here, unchanged, and drops CouchDB fields', () => {
		for (const event of good) expect(check({ ...event, _id: event.id, _rev: '1-abc' })).toEqual({ event });
	});

	it.each([
		['a rating of 5', { rating: 5 }, 'rating: must be a rating'],
		['a time before 2000', { at: Date.UTC(1999, 11, 31) }, 'at: must be a time after 2000-01-01'],
		['a time two days ahead', { at: NOW + 2 * DAY }, 'at: must not be after tomorrow'],
		['a fractional time', { at: NOW + 0.5 }, 'at: must be a whole number'],
		['a negative duration', { durationMs: -1 }, 'durationMs: must not be negative'],
		['a bad card id', { cardId: 'a b' }, 'cardId: is not a well-formed card id'],
		['an unknown type', { type: 'delete' }, 'must be an event of a known type'],
		['an id of another device', { id: 'dev2.01JEXD07M5CEN5XA66EMZSRZW' }, 'id must be the device id'],
		['an id that is not a ULID', { id: 'dev1.hello' }, 'id must be the device id'],
		['NaN', { at: NaN }, 'at: must be a number']
	])('refuses %s with a message', (_, change, message) => {
		const result = check({ ...good[0], ...change });
		expect(result.event).toBeUndefined();
		expect(result.problem).toContain(message);
	});

	it('accepts the example in the module comment', () => {
		const example =
			'{"id":"k3v9q2m8x4c7w1za.01KBS35CG0FHST4EWT73H5XA0K","device":"k3v9q2m8x4c7w1za","at":1765000000000,"type":"rating","cardId":"9a1e04c2b7f3d815","rating":3,"durationMs":4200}';
		expect(eventChecker(1765000000000)(JSON.parse(example)).event).toEqual(JSON.parse(example));
	});

	it('refuses a quiz whose score passes its total', () => {
		expect(check(events.quiz({ ...quiz, score: 2 })).problem).toContain('result.score');
	});

	it('tolerates any value at all', () => {
		const hostile = new Proxy(
			{},
			{
				get: () => {
					throw new Error('boom');
				}
			}
		);
		for (const value of [null, undefined, 0, 'x', [], {}, { id: 5 }, hostile, { type: 'rating', id: 'x'.repeat(1e5) }]) {
			expect(check(value).problem).toMatch(/^event /);
		}
	});

	it('orders by time, then by id, whatever the input order', () => {
		const a = events.reset(CARD, NOW);
		const b = events.reset(CARD, NOW);
		const c = events.reset(CARD, NOW - 1);
		expect([a, b, c].sort(compareEvents)).toEqual([c, a, b]);
		expect([b, c, a].sort(compareEvents)).toEqual([c, a, b]);
	});
});
