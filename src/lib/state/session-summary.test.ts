import { describe, expect, it } from 'vitest';
import { Rating } from '$lib/scheduler/types';
import { SummaryTally } from './session-summary';

describe('SummaryTally', () => {
	it('counts ratings, different cards, Agains and time', () => {
		const tally = new SummaryTally();
		tally.count({ cardId: 'a', rating: Rating.Again }, 1, 4000);
		tally.count({ cardId: 'a', rating: Rating.Good }, 1, 2000);
		expect(tally.count({ cardId: 'b', rating: Rating.Easy }, 1, 1000)).toEqual({ cards: 2, ratings: 3, again: 1, ms: 7000 });
	});

	it('counts a rating off again, keeping the time spent and never negative time', () => {
		const tally = new SummaryTally();
		tally.count({ cardId: 'a', rating: Rating.Again }, 1, 3000);
		tally.count({ cardId: 'b', rating: Rating.Good }, 1, -50);
		expect(tally.count({ cardId: 'a', rating: Rating.Again }, -1, 0)).toEqual({ cards: 1, ratings: 1, again: 0, ms: 3000 });
		expect(tally.summary).toEqual({ cards: 1, ratings: 1, again: 0, ms: 3000 });
	});
});
