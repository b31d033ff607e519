import { describe, expect, it } from 'vitest';
import { retrievability, type CardProgress } from '$lib/scheduler';
import { DeckProgressCounter } from './deck-progress';

const NOW = Date.UTC(2025, 2, 10, 12);
const DAY = 86_400_000;

function card(cardId: string, state: 0 | 1 | 2 | 3, stability: number, daysAgo: number | null): CardProgress {
	return {
		cardId, due: NOW, stability, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0,
		state, lastReview: daysAgo === null ? null : NOW - daysAgo * DAY, suspended: 0, buriedUntil: 0
	};
}

describe('DeckProgressCounter', () => {
	it('rolls known cards and mean recall up to the decks shown', () => {
		const counter = new DeckProgressCounter(NOW);
		const a = card('a', 2, 10, 10);
		const b = card('b', 3, 2, 1);
		counter.add('child', a);
		counter.add('grandchild', b);
		counter.add('child', card('new', 0, 0, null)); // not studied
		counter.add('other', card('c', 1, 1, 0));
		const parentOf = new Map([['root', null], ['child', 'root'], ['grandchild', 'child'], ['other', null]]);
		const [root, other] = counter.result([{ id: 'root', cards: 5 }, { id: 'other', cards: 1 }], parentOf);
		expect(root).toMatchObject({ deckId: 'root', cards: 5, studied: 2, known: 1 });
		// Stability 10 after 10 days is FSRS's 90 %.
		expect(retrievability(a, NOW)).toBeCloseTo(0.9, 3);
		expect(root.retrievability).toBeCloseTo((retrievability(a, NOW) + retrievability(b, NOW)) / 2, 10);
		expect(other).toEqual({ deckId: 'other', cards: 1, studied: 1, known: 0, retrievability: 1 });
	});

	it('has no mean recall for a deck never studied', () => {
		expect(new DeckProgressCounter(NOW).result([{ id: 'x', cards: 3 }], new Map())[0].retrievability).toBeNull();
	});
});
