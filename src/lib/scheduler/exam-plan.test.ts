// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import { reviewedCard } from './exam.testing';
import type { ExamCard } from './exam';
import { mergeReadiness, planExams, plannedOn } from './exam-plan';
import { dateOfDeck, DEFAULT_EXAM, examAtOf, examFrom, isExamDate, type ExamSettings } from './exam-settings';
import { retrievability } from './rate';
import { ReviewSession } from './session';
import { DAY_MS, HOUR_MS, studyDay } from './time';
import { DEFAULT_SETTINGS, type CardProgress } from './types';

const NOW = Date.parse('2025-06-02T09:00:00+09:00');
const settings = DEFAULT_SETTINGS;

const reviewed = (cardId: string, stability: number, daysAgo: number) => reviewedCard(NOW, cardId, stability, daysAgo);

/** 600 studied cards in six decks, seeded: stabilities of 2 to 42 days, reviewed up to half of that ago. */
function collection(seed: number): ExamCard[] {
	const rng = mulberry32(seed);
	return Array.from({ length: 600 }, (_, i) => {
		const stability = 2 + rng() * 40;
		const id = `c${i}`;
		return { cardId: id, deckId: `d${i % 6}`, progress: reviewed(id, stability, Math.floor(rng() * stability * 0.5)) };
	});
}

const exam = (patch: Partial<ExamSettings>): ExamSettings => ({ ...DEFAULT_EXAM, ...patch });
const parents = new Map<string, string | null>([
	['d0', null],
	['d1', 'd0'],
	['d2', null],
	['d3', null],
	['d4', null],
	['d5', null]
]);

describe('the interview date as a setting', () => {
	it('takes only real dates and whole settings, and reads anything else as off', () => {
		expect(isExamDate('2025-06-16')).toBe(true);
		for (const bad of ['2025-02-30', '2025-6-16', '1999-01-01', 20250616, null]) expect(isExamDate(bad)).toBe(false);
		expect(examFrom({ date: '2025-06-16', target: 0.85, decks: { d1: '2025-06-20' } })).toEqual({
			date: '2025-06-16',
			target: 0.85,
			decks: { d1: '2025-06-20' }
		});
		for (const bad of [undefined, 'x', { date: '2025-06-16', target: 1.5, decks: {} }, { date: 'soon', target: 0.9, decks: {} }]) {
			expect(examFrom(bad)).toEqual(DEFAULT_EXAM);
		}
	});

	it('covers a deck by its own date, a parent’s, or the one for every deck', () => {
		const e = exam({ date: '2025-06-16', decks: { d0: '2025-06-10' } });
		expect(dateOfDeck('d1', parents, e)).toBe('2025-06-10');
		expect(dateOfDeck('d2', parents, e)).toBe('2025-06-16');
		expect(dateOfDeck('d2', parents, exam({ decks: { d0: '2025-06-10' } }))).toBeNull();
	});

	it('puts the interview on its local day, after the day starts', () => {
		expect(studyDay(examAtOf('2025-06-16', 4), 4)).toBe(studyDay(Date.parse('2025-06-16T12:00:00+09:00'), 4));
		expect(new Date(examAtOf('2025-06-16', 4)).toISOString()).toBe('2025-06-16T03:00:00.000Z');
	});
});

describe('a plan over 14 days', () => {
	const e = exam({ date: '2025-06-16' });
	const dateOf = (deckId: string) => dateOfDeck(deckId, parents, e);

	it.each([4, 5, 6])('keeps each day within a fifth of the mean and brings every deck to the target (seed %i)', (seed) => {
		const plan = planExams(collection(seed), dateOf, e, NOW, settings);
		const loads = [...plan.days.values()].map((ids) => ids.length);
		expect(loads).toHaveLength(14);
		const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
		expect(mean).toBeGreaterThan(5);
		for (const load of loads) {
			expect(load).toBeGreaterThanOrEqual(mean * 0.8);
			expect(load).toBeLessThanOrEqual(mean * 1.2);
		}
		expect(plan.decks.size).toBe(6);
		for (const deck of plan.decks.values()) {
			expect(deck.recall).toBeLessThan(e.target);
			expect(deck.planned).toBeGreaterThanOrEqual(e.target);
		}
	});

	it('gives today its own cards and tomorrow others, and nothing once the date has come', () => {
		const plan = planExams(collection(4), dateOf, e, NOW, settings);
		const today = plannedOn(plan, NOW, 4);
		const tomorrow = plannedOn(plan, NOW + DAY_MS, 4);
		expect(today.length).toBeGreaterThan(0);
		expect(tomorrow.filter((id) => today.includes(id))).toEqual([]);
		const examDay = examAtOf('2025-06-16', 4);
		expect(planExams(collection(4), dateOf, e, examDay, settings).days.size).toBe(0);
		expect(plannedOn(planExams(collection(4), dateOf, e, examDay + 3 * DAY_MS, settings), examDay + 3 * DAY_MS, 4)).toEqual([]);
	});

	it('plans decks under their own date apart, and leaves decks with no date out', () => {
		const own = exam({ decks: { d0: '2025-06-09' } });
		const plan = planExams(collection(4), (id) => dateOfDeck(id, parents, own), own, NOW, settings);
		expect([...plan.decks.keys()].sort()).toEqual(['d0', 'd1']);
		expect(plan.days.size).toBe(7);
		expect(mergeReadiness([...plan.decks.values()]).planned).toBeGreaterThanOrEqual(own.target);
	});
});

describe('the study queue with a plan', () => {
	const cards = collection(4);
	const progress = new Map(cards.map((c) => [c.cardId, c.progress as CardProgress]));
	const e = exam({ date: '2025-06-16' });
	const plan = planExams(cards, (id) => dateOfDeck(id, parents, e), e, NOW, settings);
	const session = (planned: string[], now = NOW) =>
		new ReviewSession({
			cardIds: cards.map((c) => c.cardId),
			progress,
			newIntroducedToday: 0,
			reviewsDoneToday: 0,
			now,
			settings: { ...settings, reviewsPerDay: 9999 },
			planned: new Set(planned)
		});

	it('holds today’s planned cards as due reviews, and not tomorrow’s', () => {
		const today = plannedOn(plan, NOW, 4);
		const due = cards.filter((c) => (c.progress as CardProgress).due < Date.parse('2025-06-03T04:00:00+09:00')).length;
		expect(session([]).remaining(NOW).review).toBe(due);
		expect(session(today).remaining(NOW).review).toBe(due + today.length);
		const s = session(today);
		const shown = new Set<string>();
		for (let card = s.next(NOW); card; card = s.next(NOW)) {
			shown.add(card.cardId);
			s.answer({ ...progress.get(card.cardId)!, due: NOW + 30 * DAY_MS, lastReview: NOW }, NOW);
		}
		for (const id of today) expect(shown.has(id)).toBe(true);
		for (const id of plannedOn(plan, NOW + DAY_MS, 4)) expect(shown.has(id)).toBe(false);
	});

	it('leaves out a planned card already reviewed today, and adds nothing after the date', () => {
		const today = plannedOn(plan, NOW, 4);
		const done = { ...progress.get(today[0])!, lastReview: NOW - HOUR_MS };
		const withDone = new ReviewSession({
			cardIds: [today[0]],
			progress: new Map([[today[0], done]]),
			newIntroducedToday: 0,
			reviewsDoneToday: 0,
			now: NOW,
			settings,
			planned: new Set(today)
		});
		expect(withDone.next(NOW)).toBeNull();
		const after = examAtOf('2025-06-17', 4);
		const later = planExams(cards, (id) => dateOfDeck(id, parents, e), e, after, settings);
		expect(session(plannedOn(later, after, 4), after).remaining(after).review).toBe(
			cards.filter((c) => (c.progress as CardProgress).due < Date.parse('2025-06-18T04:00:00+09:00')).length
		);
		expect(retrievability(done, NOW)).toBeGreaterThan(0.99);
	});
});
