// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { applyDailyLimits, deckCounts, liftNewLimit, studiedToday, type DeckCards } from './counts';
import { ReviewSession } from './session';
import { MINUTE_MS } from './time';
import { DEFAULT_SETTINGS, LEARNING, NEW, RELEARNING, REVIEW, type CardProgress, type CardStateKind } from './types';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2024-05-01T10:00:00+09:00');
const DAY = 24 * 60 * MINUTE_MS;
const NOTHING_TODAY = { newIntroduced: 0, reviewsDone: 0 };

function row(cardId: string, state: CardStateKind, due: number, extra: Partial<CardProgress> = {}): CardProgress {
	return {
		cardId,
		due,
		stability: 5,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state,
		lastReview: NOW - DAY,
		suspended: 0,
		buriedUntil: 0,
		...extra
	};
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('deckCounts', () => {
	// root ─┬─ a (12 new, 3 due reviews)
	//       └─ b ── c (15 new, 1 learning due, 1 learning later today)
	const rows = [
		...ids('a-r', 3).map((id) => row(id, REVIEW, NOW - DAY)),
		row('c-l0', LEARNING, NOW + 5 * MINUTE_MS),
		row('c-l1', RELEARNING, NOW + 90 * MINUTE_MS)
	];
	const decks: DeckCards[] = [
		{ id: 'root', parentId: null, cardIds: [] },
		{ id: 'a', parentId: 'root', cardIds: [...ids('a-n', 12), ...ids('a-r', 3)] },
		{ id: 'b', parentId: 'root', cardIds: [] },
		{ id: 'c', parentId: 'b', cardIds: [...ids('c-n', 15), 'c-l0', 'c-l1'] }
	];
	const progress = new Map(rows.map((r) => [r.cardId, r]));

	it('adds each deck to the decks above it and caps new cards at the daily limit', () => {
		const counts = deckCounts(decks, progress, NOW, DEFAULT_SETTINGS, NOTHING_TODAY);
		expect(Object.fromEntries(counts)).toEqual({
			root: { new: 20, learning: 1, review: 3 },
			a: { new: 12, learning: 0, review: 3 },
			b: { new: 15, learning: 1, review: 0 },
			c: { new: 15, learning: 1, review: 0 }
		});
	});

	it('takes what was studied anywhere today off every deck', () => {
		const counts = deckCounts(decks, progress, NOW, DEFAULT_SETTINGS, { newIntroduced: 10, reviewsDone: 199 });
		expect(counts.get('root')).toEqual({ new: 10, learning: 1, review: 1 });
		expect(counts.get('a')).toEqual({ new: 10, learning: 0, review: 1 });
		expect(counts.get('c')).toEqual({ new: 10, learning: 1, review: 0 });
	});

	it('counts a learning card once it is within the learn-ahead window', () => {
		const counts = deckCounts(decks, progress, NOW + 75 * MINUTE_MS, DEFAULT_SETTINGS, NOTHING_TODAY);
		expect(counts.get('c')?.learning).toBe(2);
	});

	it('skips suspended, buried, and not yet due cards', () => {
		const hidden = new Map([
			['x0', row('x0', NEW, NOW, { suspended: 1 })],
			['x1', row('x1', REVIEW, NOW, { buriedUntil: NOW + DAY })],
			['x2', row('x2', REVIEW, at('2024-05-02T04:00:00+09:00'))],
			['x3', row('x3', REVIEW, at('2024-05-02T03:59:00+09:00'))]
		]);
		const only = [{ id: 'x', parentId: null, cardIds: ['x0', 'x1', 'x2', 'x3'] }];
		expect(deckCounts(only, hidden, NOW, DEFAULT_SETTINGS, NOTHING_TODAY).get('x')).toEqual({
			new: 0,
			learning: 0,
			review: 1
		});
	});

	it('agrees with what a study session of the same deck holds', () => {
		const scope = [...decks[1].cardIds, ...decks[3].cardIds];
		const studied = { newIntroduced: 3, reviewsDone: 198 };
		const session = new ReviewSession({
			cardIds: scope,
			progress,
			newIntroducedToday: studied.newIntroduced,
			reviewsDoneToday: studied.reviewsDone,
			now: NOW,
			settings: DEFAULT_SETTINGS
		});
		const counts = deckCounts(decks, progress, NOW, DEFAULT_SETTINGS, studied);
		expect(counts.get('root')).toEqual(session.remaining(NOW));
	});

	it('survives a parent cycle', () => {
		const cycle = [
			{ id: 'p', parentId: 'q', cardIds: ['n1'] },
			{ id: 'q', parentId: 'p', cardIds: [] }
		];
		expect(deckCounts(cycle, new Map(), NOW, DEFAULT_SETTINGS, NOTHING_TODAY).get('q')?.new).toBeGreaterThan(0);
	});
});

describe('applyDailyLimits', () => {
	it('caps new and review counts but never learning', () => {
		const raw = { new: 50, learning: 40, review: 500 };
		expect(applyDailyLimits(raw, DEFAULT_SETTINGS, { newIntroduced: 5, reviewsDone: 20 })).toEqual({
			new: 15,
			learning: 40,
			review: 180
		});
		expect(applyDailyLimits(raw, DEFAULT_SETTINGS, { newIntroduced: 30, reviewsDone: 300 })).toEqual({
			new: 0,
			learning: 40,
			review: 0
		});
	});
});

describe('studiedToday', () => {
	it('counts new cards introduced and reviews done since 04:00, not learning steps', () => {
		const log = [
			{ review: at('2024-05-01T03:59:00+09:00'), stateBefore: NEW },
			{ review: at('2024-05-01T04:00:00+09:00'), stateBefore: NEW },
			{ review: at('2024-05-01T04:10:00+09:00'), stateBefore: LEARNING },
			{ review: at('2024-05-01T09:00:00+09:00'), stateBefore: REVIEW },
			{ review: at('2024-05-01T09:05:00+09:00'), stateBefore: RELEARNING },
			{ review: at('2024-05-01T09:30:00+09:00'), stateBefore: REVIEW },
			{ review: at('2024-04-30T09:30:00+09:00'), stateBefore: REVIEW }
		] as const;
		expect(studiedToday(log, NOW, 4)).toEqual({ newIntroduced: 1, reviewsDone: 2 });
	});
});

describe('liftNewLimit', () => {
	it("adds the cards a quiz sent to today's new-card limit, and nothing else", () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		expect(liftNewLimit(settings, 3)).toEqual({ ...settings, newPerDay: 8 });
		expect(liftNewLimit(settings, 0)).toBe(settings);
		expect(settings.newPerDay).toBe(5);
	});

	it('lets sent cards past a spent limit in the counts', () => {
		const studied = { newIntroduced: 5, reviewsDone: 0 };
		const raw = { new: 10, learning: 0, review: 0 };
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		expect(applyDailyLimits(raw, settings, studied).new).toBe(0);
		expect(applyDailyLimits(raw, liftNewLimit(settings, 2), studied).new).toBe(2);
	});
});
