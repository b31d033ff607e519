import { describe, expect, it } from 'vitest';
import { retrievability, type CardProgress } from '$lib/scheduler';
import { countBy, RecallSums, rollUp } from './deck-progress';

const NOW = Date.UTC(2025, 2, 10, 12);
const DAY = 86_400_000;
const parentOf = new Map([
	['root', null],
	['child', 'root'],
	['grandchild', 'child'],
	['other', null]
]);

function card(cardId: string, state: 0 | 1 | 2 | 3, stability: number, daysAgo: number | null): CardProgress {
	return {
		cardId,
		due: NOW,
		stability,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state,
		lastReview: daysAgo === null ? null : NOW - daysAgo * DAY,
		suspended: 0,
		buriedUntil: 0
	};
}

describe('rollUp', () => {
	it('adds each deck to the nearest shown deck at or above it', () => {
		const known = countBy(['child', 'grandchild', 'grandchild', 'other', 'elsewhere'], (id) => id);
		expect(rollUp(known, ['root', 'other'], parentOf)).toEqual(
			new Map([
				['root', 3],
				['other', 1]
			])
		);
		expect(rollUp(known, ['child'], parentOf)).toEqual(new Map([['child', 3]]));
	});
});

describe('RecallSums', () => {
	it('averages the chance of recall now over studied cards', () => {
		const recall = new RecallSums(NOW);
		const a = card('a', 2, 10, 10);
		const b = card('b', 3, 2, 1);
		recall.add('child', a);
		recall.add('grandchild', b);
		recall.add('child', card('new', 0, 0, null)); // not studied
		recall.add('other', card('c', 1, 1, 0));
		// Stability 10 after 10 days is FSRS's 90 %.
		expect(retrievability(a, NOW)).toBeCloseTo(0.9, 3);
		const means = recall.means(['root', 'other', 'empty'], parentOf);
		expect(means.get('root')).toBeCloseTo((retrievability(a, NOW) + retrievability(b, NOW)) / 2, 10);
		expect(means.get('other')).toBe(1);
		expect(means.get('empty')).toBeNull();
	});
});
