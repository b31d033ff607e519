// Before any Date use: study days are local, and vitest runs each test file in its own worker.
process.env.TZ = 'Asia/Seoul';

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import { reviewedCard } from './exam.testing';
import { daysLeft, planForDate, type ExamCard } from './exam';
import { DEFAULT_PARAMETERS } from './fsrs';
import { retrievability } from './rate';
import { DEFAULT_SETTINGS, NEW } from './types';

const NOW = Date.parse('2025-06-02T09:00:00+09:00');
const EXAM = Date.parse('2025-06-16T10:00:00+09:00');
const TARGET = 0.9;

const reviewed = (cardId: string, stability: number, daysAgo: number) => reviewedCard(NOW, cardId, stability, daysAgo);

/** Four decks of studied cards with stabilities from a day to two months, seeded. */
function collection(seed: number): ExamCard[] {
	const rng = mulberry32(seed);
	return Array.from({ length: 400 }, (_, i) => {
		const stability = 1 + rng() * 60;
		const id = `c${i}`;
		return { cardId: id, deckId: `d${i % 4}`, progress: reviewed(id, stability, Math.floor(rng() * stability)) };
	});
}

describe('a plan for an interview in 14 days', () => {
	it.each([1, 2, 3])('spreads the extra reviews evenly and brings every deck to the target (seed %i)', (seed) => {
		const cards = collection(seed);
		const plan = planForDate(cards, NOW, EXAM, TARGET, DEFAULT_SETTINGS);
		expect(plan.days).toHaveLength(14);
		expect(daysLeft(NOW, EXAM, DEFAULT_SETTINGS)).toBe(14);
		const loads = plan.days.map((d) => d.cardIds.length);
		const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
		// Most cards need the plan: without it, no deck reaches the target.
		expect(mean).toBeGreaterThan(10);
		for (const deck of plan.decks.values()) expect(deck.recall).toBeLessThan(TARGET);
		for (const load of loads) {
			expect(load).toBeGreaterThanOrEqual(mean * 0.8);
			expect(load).toBeLessThanOrEqual(mean * 1.2);
		}
		expect(plan.perDay).toBe(Math.max(...loads));
		for (const deck of plan.decks.values()) expect(deck.planned).toBeGreaterThanOrEqual(TARGET);
		// Each card is planned once, and only cards below the target on the day are.
		const planned = plan.days.flatMap((d) => d.cardIds);
		expect(new Set(planned).size).toBe(planned.length);
		for (const card of cards) {
			const below = retrievability(card.progress, EXAM) < TARGET;
			expect(planned.includes(card.cardId)).toBe(below);
		}
	});

	it('predicts recall on the date from the forgetting curve, and plans no new card', () => {
		const strong = reviewed('s', 300, 1);
		const cards: ExamCard[] = [
			{ cardId: 's', deckId: 'd', progress: strong },
			{ cardId: 'n', deckId: 'd', progress: null },
			{ cardId: 'r', deckId: 'd', progress: { ...strong, cardId: 'r', state: NEW, stability: 0, lastReview: null } }
		];
		const plan = planForDate(cards, NOW, EXAM, TARGET, DEFAULT_SETTINGS);
		expect(plan.days.flatMap((d) => d.cardIds)).toEqual([]);
		expect(plan.decks.get('d')?.recall).toBeCloseTo(retrievability(strong, EXAM) / 3, 10);
	});

	it('predicts with the person’s own forgetting curve when Optimize has given parameters', () => {
		const card = reviewed('c', 20, 5);
		const cards: ExamCard[] = [{ cardId: 'c', deckId: 'd', progress: card }];
		// A steeper decay (w[20]) than the default's: recall falls faster after the same stability.
		const w = [...DEFAULT_PARAMETERS];
		w[20] = 0.6;
		const own = planForDate(cards, NOW, EXAM, TARGET, { ...DEFAULT_SETTINGS, w });
		const usual = planForDate(cards, NOW, EXAM, TARGET, DEFAULT_SETTINGS);
		expect(own.decks.get('d')?.recall).toBeCloseTo(retrievability(card, EXAM, w), 10);
		expect(own.decks.get('d')?.recall).not.toBeCloseTo(usual.decks.get('d')!.recall, 3);
	});

	it('plans nothing once the date has come', () => {
		const plan = planForDate(collection(1), EXAM, EXAM, TARGET, DEFAULT_SETTINGS);
		expect(plan.days).toEqual([]);
		expect(plan.perDay).toBe(0);
	});
});
