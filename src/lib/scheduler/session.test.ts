// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { rate } from './rate';
import { ReviewSession, type SessionInput } from './session';
import { MINUTE_MS } from './time';
import { DEFAULT_SETTINGS, LEARNING, REVIEW, type CardProgress, type Rating } from './types';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2024-05-01T10:00:00+09:00');
const DAY = 24 * 60 * MINUTE_MS;

function row(cardId: string, state: 1 | 2 | 3, due: number, extra: Partial<CardProgress> = {}): CardProgress {
	return {
		cardId,
		due,
		stability: state === REVIEW ? 10 : 2,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: state === REVIEW ? 10 : 0,
		learningSteps: state === REVIEW ? 0 : 1,
		reps: 3,
		lapses: 0,
		state,
		lastReview: due - (state === REVIEW ? 10 * DAY : 10 * MINUTE_MS),
		suspended: 0,
		buriedUntil: 0,
		...extra
	};
}

function build(cardIds: string[], rows: CardProgress[], input: Partial<SessionInput> = {}) {
	const progress = new Map(rows.map((r) => [r.cardId, r]));
	const session = new ReviewSession({
		cardIds,
		progress,
		newIntroducedToday: 0,
		reviewsDoneToday: 0,
		now: NOW,
		settings: DEFAULT_SETTINGS,
		...input
	});
	return { session, progress };
}

/** Shows and rates the next card at `now`, saving the result as the database would. */
function study(session: ReviewSession, progress: Map<string, CardProgress>, rating: Rating, now: number) {
	const card = session.next(now);
	if (!card) throw new Error('nothing to study');
	const result = rate(progress.get(card.cardId) ?? null, card.cardId, rating, now, DEFAULT_SETTINGS, 0, 'log');
	progress.set(card.cardId, result.progress);
	session.answer(result.progress, now);
	return card;
}

/** Studies every card the session shows at `now`, each leaving it for days; returns their order. */
function drain(session: ReviewSession, now: number): string[] {
	const order: string[] = [];
	for (let card = session.next(now); card; card = session.next(now)) {
		order.push(card.cardId);
		session.answer(row(card.cardId, REVIEW, now + 10 * DAY), now);
	}
	return order;
}

describe('ReviewSession queue order', () => {
	it('shows due learning cards before reviews and new cards', () => {
		const { session } = build(['n1', 'r1', 'l1'], [row('r1', REVIEW, NOW - DAY), row('l1', LEARNING, NOW - MINUTE_MS)]);
		expect(session.next(NOW)).toEqual({ cardId: 'l1', kind: 'learning' });
		expect(drain(session, NOW)).toEqual(['l1', 'r1', 'n1']);
	});

	it('orders reviews by due time and mixes new cards in evenly', () => {
		const reviews = [row('r3', REVIEW, NOW - DAY), row('r2', REVIEW, NOW - 2 * DAY), row('r1', REVIEW, NOW - 3 * DAY)];
		const news = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
		const { session } = build(['r3', 'r2', 'r1', ...news], reviews);
		expect(drain(session, NOW)).toEqual(['n1', 'r1', 'n2', 'n3', 'r2', 'n4', 'n5', 'r3', 'n6']);
	});

	it('learns ahead only when nothing else is left, then says when the next card is due', () => {
		const rows = [row('r1', REVIEW, NOW), row('l1', LEARNING, NOW + 5 * MINUTE_MS), row('l2', LEARNING, NOW + 30 * MINUTE_MS)];
		const { session } = build(['r1', 'l1', 'l2'], rows);
		expect(session.next(NOW)?.cardId).toBe('r1');
		session.remove('r1');
		expect(session.next(NOW)).toEqual({ cardId: 'l1', kind: 'learning' });
		session.remove('l1');
		expect(session.next(NOW)).toBeNull();
		expect(session.nextDue()).toBe(NOW + 30 * MINUTE_MS);
		expect(session.next(NOW + 10 * MINUTE_MS)?.cardId).toBe('l2');
	});
});

describe('ReviewSession limits and the day', () => {
	it('takes only what is left of the daily limits, earliest reviews first', () => {
		const news = Array.from({ length: 30 }, (_, i) => `n${i}`);
		const reviews = Array.from({ length: 250 }, (_, i) => row(`r${i}`, REVIEW, NOW - i * MINUTE_MS));
		const ids = [...reviews.map((r) => r.cardId), ...news];
		const { session } = build(ids, reviews, { newIntroducedToday: 18, reviewsDoneToday: 199 });
		expect(session.remaining(NOW)).toEqual({ new: 2, learning: 0, review: 1 });
		expect(drain(session, NOW)).toEqual(['n0', 'r249', 'n1']);
		const spent = build(ids, reviews, { newIntroducedToday: 25, reviewsDoneToday: 300 }).session;
		expect(spent.remaining(NOW)).toEqual({ new: 0, learning: 0, review: 0 });
	});

	it('counts a review as due today until 04:00 the next morning', () => {
		const rows = [row('r1', REVIEW, at('2024-05-02T03:59:00+09:00')), row('r2', REVIEW, at('2024-05-02T04:00:00+09:00'))];
		expect(build(['r1', 'r2'], rows).session.remaining(NOW).review).toBe(1);
		const lateNight = build(['r1', 'r2'], rows, { now: at('2024-05-02T03:30:00+09:00') }).session;
		expect(lateNight.dayEnd).toBe(at('2024-05-02T04:00:00+09:00'));
		expect(lateNight.remaining(at('2024-05-02T03:30:00+09:00')).review).toBe(1);
		const nextDay = build(['r1', 'r2'], rows, { now: at('2024-05-02T04:00:00+09:00') }).session;
		expect(nextDay.remaining(at('2024-05-02T04:00:00+09:00')).review).toBe(2);
	});

	it('leaves out suspended cards and cards buried until later', () => {
		const rows = [
			row('r1', REVIEW, NOW, { suspended: 1 }),
			row('r2', REVIEW, NOW, { buriedUntil: NOW + DAY }),
			row('r3', REVIEW, NOW, { buriedUntil: NOW - 1 }),
			{ ...row('n1', REVIEW, NOW, { suspended: 1 }), state: 0 as const }
		];
		expect(drain(build(['r1', 'r2', 'r3', 'n1', 'n2'], rows).session, NOW)).toEqual(['r3', 'n2']);
	});

	it('does not bring back a learning card due after the day ends', () => {
		const lateNight = at('2024-05-02T03:55:00+09:00');
		const { session, progress } = build(['n1'], [], { now: lateNight });
		study(session, progress, 3, lateNight);
		expect(progress.get('n1')?.due).toBe(lateNight + 10 * MINUTE_MS);
		expect(session.next(lateNight + 10 * MINUTE_MS)).toBeNull();
		expect(session.nextDue()).toBeNull();
	});
});

describe('ReviewSession after ratings', () => {
	it('brings a new card back through its steps until it graduates', () => {
		const { session, progress } = build(['n1', 'n2'], []);
		expect(study(session, progress, 3, NOW).cardId).toBe('n1');
		expect(session.remaining(NOW)).toEqual({ new: 1, learning: 1, review: 0 });
		expect(study(session, progress, 3, NOW + MINUTE_MS).cardId).toBe('n2');
		expect(session.next(NOW + 2 * MINUTE_MS)).toEqual({ cardId: 'n1', kind: 'learning' });
		study(session, progress, 3, NOW + 10 * MINUTE_MS);
		expect(progress.get('n1')?.state).toBe(REVIEW);
		expect(session.remaining(NOW + 10 * MINUTE_MS)).toEqual({ new: 0, learning: 1, review: 0 });
		expect(study(session, progress, 3, NOW + 11 * MINUTE_MS).cardId).toBe('n2');
		expect(session.next(NOW + 11 * MINUTE_MS)).toBeNull();
		expect(session.nextDue()).toBeNull();
	});

	it('brings a lapsed review back as a relearning card', () => {
		const { session, progress } = build(['r1'], [row('r1', REVIEW, NOW)]);
		study(session, progress, 1, NOW);
		expect(session.remaining(NOW)).toEqual({ new: 0, learning: 1, review: 0 });
		expect(session.next(NOW + 10 * MINUTE_MS)).toEqual({ cardId: 'r1', kind: 'learning' });
	});

	it('shows another waiting learning card before repeating the one just failed', () => {
		const rows = [row('l1', LEARNING, NOW), row('l2', LEARNING, NOW + 5 * MINUTE_MS)];
		const { session, progress } = build(['l1', 'l2'], rows);
		expect(study(session, progress, 1, NOW).cardId).toBe('l1');
		expect(progress.get('l1')?.due).toBe(NOW + MINUTE_MS);
		expect(drain(session, NOW + MINUTE_MS)).toEqual(['l2', 'l1']);
	});
});

describe('ReviewSession undo', () => {
	it('puts order and counts back exactly, last rating first', () => {
		const rows = [row('r1', REVIEW, NOW - DAY), row('r2', REVIEW, NOW), row('l1', LEARNING, NOW)];
		const { session, progress } = build(['n1', 'r1', 'n2', 'r2', 'l1', 'n3'], rows);
		const look = (now: number) => ({ next: session.next(now), left: session.remaining(now), due: session.nextDue() });
		const seen: ReturnType<typeof look>[] = [];
		const ratings: Rating[] = [3, 1, 3, 4, 3, 1, 3];
		ratings.forEach((rating, i) => {
			const now = NOW + i * 2 * MINUTE_MS;
			seen.push(look(now));
			study(session, progress, rating, now);
		});
		for (let i = ratings.length - 1; i >= 0; i--) {
			expect(session.undo()).toBe(seen[i].next?.cardId);
			expect(look(NOW + i * 2 * MINUTE_MS)).toEqual(seen[i]);
		}
		expect(session.canUndo).toBe(false);
		expect(session.undo()).toBeNull();
	});

	it('undoes taking out a card further down the queue', () => {
		const { session } = build(['n1', 'n2', 'n3'], []);
		session.remove('n2');
		expect(session.remaining(NOW).new).toBe(2);
		expect(session.undo()).toBe('n2');
		expect(drain(session, NOW)).toEqual(['n1', 'n2', 'n3']);
	});
});

describe('ReviewSession bury and suspend (issue #16)', () => {
	const news = Array.from({ length: 25 }, (_, i) => `n${i}`);
	const reviews = Array.from({ length: 5 }, (_, i) => row(`r${i}`, REVIEW, NOW - (5 - i) * MINUTE_MS));
	const ids = [...reviews.map((r) => r.cardId), ...news];
	const limited = { ...DEFAULT_SETTINGS, newPerDay: 20, reviewsPerDay: 3 };

	it('lets the next new card past the limit take the place of one taken out unstudied, as a rebuild would', () => {
		const { session, progress } = build(ids, reviews, { settings: limited });
		expect(session.remaining(NOW)).toEqual({ new: 20, learning: 0, review: 3 });
		session.remove('n0');
		expect(session.remaining(NOW)).toEqual({ new: 20, learning: 0, review: 3 });
		session.remove('r0');
		expect(session.remaining(NOW)).toEqual({ new: 20, learning: 0, review: 3 });
		// What a session built now from the database (n0 and r0 buried) would hold.
		const rebuilt = new ReviewSession({
			cardIds: ids.filter((id) => id !== 'n0' && id !== 'r0'),
			progress,
			newIntroducedToday: 0,
			reviewsDoneToday: 0,
			now: NOW,
			settings: limited
		});
		expect(drain(session, NOW).sort()).toEqual(drain(rebuilt, NOW).sort());
	});

	it('lets studied cards use up the limit: rating does not pull in a spare', () => {
		const { session, progress } = build(ids, reviews, { settings: limited });
		study(session, progress, 3, NOW);
		expect(session.remaining(NOW).new + session.remaining(NOW).review).toBe(22);
	});

	it('undo of a bury puts the spare back behind the limit', () => {
		const { session } = build(ids, reviews, { settings: limited });
		const before = drain(build(ids, reviews, { settings: limited }).session, NOW);
		session.remove('n3');
		session.remove('n7');
		expect(session.undo()).toBe('n7');
		expect(session.undo()).toBe('n3');
		expect(session.remaining(NOW)).toEqual({ new: 20, learning: 0, review: 3 });
		expect(drain(session, NOW)).toEqual(before);
	});

	it('runs out of spares like a rebuild would: fewer cards than the limit leave a smaller count', () => {
		const { session } = build(['n1', 'n2', 'n3'], [], { settings: limited });
		session.remove('n1');
		expect(session.remaining(NOW).new).toBe(2);
		expect(session.undo()).toBe('n1');
		expect(session.remaining(NOW).new).toBe(3);
	});
});

describe('ReviewSession at scale', () => {
	it('builds from 100k cards and studies through its limits', () => {
		const ids: string[] = [];
		const rows: CardProgress[] = [];
		for (let i = 0; i < 100_000; i++) {
			const cardId = `card-${i}`;
			ids.push(cardId);
			if (i % 3 === 1) rows.push(row(cardId, REVIEW, NOW - (i % 50) * DAY));
			else if (i % 3 === 2) rows.push(row(cardId, REVIEW, NOW + (1 + (i % 90)) * DAY));
		}
		const { session, progress } = build(ids, rows);
		expect(session.remaining(NOW)).toEqual({ new: 20, learning: 0, review: 200 });
		for (let i = 0; i < 220; i++) study(session, progress, 4, NOW + i * 1000);
		expect(session.remaining(NOW + DAY / 2)).toEqual({ new: 0, learning: 0, review: 0 });
		expect(session.next(NOW + DAY / 2)).toBeNull();
	});
});
