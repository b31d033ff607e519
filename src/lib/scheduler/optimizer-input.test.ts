import { describe, expect, it } from 'vitest';
import { optimizerInput, packReviewLog, trainingItems, type LogReview } from './optimizer-input';
import { LEARNING, NEW, RELEARNING, REVIEW } from './types';

const HOUR = 3_600_000;
/** Local time on 2026-03-<day> at <hour>. */
const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();
const row = (cardId: string, review: number, rating: number, stateBefore: number): LogReview => ({ cardId, review, rating, stateBefore });

const unpack = (log: LogReview[], hour = 4) => {
	const cards = packReviewLog(log, hour);
	return { cards, ratings: [...cards.ratings], deltas: [...cards.deltaDays], lengths: [...cards.cardLengths] };
};

describe('packReviewLog', () => {
	it('orders each card by time and counts study days between reviews, same-day ones as 0', () => {
		const { ratings, deltas, lengths } = unpack([
			row('a', at(5, 10), 3, REVIEW),
			row('a', at(1, 10), 3, NEW),
			row('a', at(1, 10) + 10 * 60_000, 3, LEARNING),
			row('a', at(2, 9), 1, REVIEW),
			row('a', at(2, 9) + 10 * 60_000, 3, RELEARNING)
		]);
		expect(ratings).toEqual([3, 3, 1, 3, 3]);
		expect(deltas).toEqual([0, 0, 1, 0, 3]);
		expect(lengths).toEqual([5]);
	});

	it('turns the day at the day-start hour, not at midnight', () => {
		const log = [row('a', at(1, 23), 3, NEW), row('a', at(2, 3), 3, REVIEW), row('a', at(2, 5), 3, REVIEW)];
		expect(unpack(log, 4).deltas).toEqual([0, 0, 1]);
		expect(unpack(log, 0).deltas).toEqual([0, 1, 0]);
	});

	it("starts a reset card's history at its last learning from new, as Anki does", () => {
		const { ratings, deltas } = unpack([
			row('a', at(1, 10), 4, NEW),
			row('a', at(9, 10), 3, REVIEW),
			row('a', at(12, 10), 1, NEW),
			row('a', at(12, 11), 3, LEARNING),
			row('a', at(14, 10), 3, REVIEW)
		]);
		expect(ratings).toEqual([1, 3, 3]);
		expect(deltas).toEqual([0, 0, 2]);
	});

	it('leaves out cards that never reach a later day (fsrs-browser panics on them) or were never new', () => {
		const { lengths, ratings } = unpack([
			row('sameDay', at(1, 10), 1, NEW),
			row('sameDay', at(1, 11), 3, LEARNING),
			row('noStart', at(1, 10), 3, REVIEW),
			row('noStart', at(4, 10), 3, REVIEW),
			row('kept', at(1, 10), 2, NEW),
			row('kept', at(3, 10), 3, REVIEW)
		]);
		expect(lengths).toEqual([2]);
		expect(ratings).toEqual([2, 3]);
	});

	it('skips rows it cannot read instead of failing', () => {
		const { ratings } = unpack([
			row('a', at(1, 10), 3, NEW),
			row('a', Number.NaN, 3, REVIEW),
			row('a', at(2, 10), 7, REVIEW),
			{ cardId: 42, review: at(2, 11), rating: 3, stateBefore: REVIEW },
			row('a', at(3, 10), 4, REVIEW)
		]);
		expect(ratings).toEqual([3, 4]);
	});
});

describe('trainingItems and optimizerInput', () => {
	const cards = packReviewLog(
		[
			row('b', at(2, 10), 3, NEW),
			row('b', at(6, 10), 3, REVIEW),
			row('a', at(1, 10), 1, NEW),
			row('a', at(1, 11), 3, LEARNING),
			row('a', at(3, 10), 3, REVIEW),
			row('a', at(3, 10) + HOUR, 3, REVIEW),
			row('a', at(10, 10), 1, REVIEW)
		],
		4
	);

	it('makes one item per review on a later day, oldest first, each with its whole history', () => {
		const items = trainingItems(cards);
		expect(items.map((item) => item.time)).toEqual([at(3, 10), at(6, 10), at(10, 10)]);
		const input = optimizerInput(cards, items);
		expect([...input.lengths]).toEqual([3, 2, 5]);
		expect([...input.ratings]).toEqual([1, 3, 3, 3, 3, 1, 3, 3, 3, 1]);
		expect([...input.deltaTs]).toEqual([0, 0, 2, 0, 4, 0, 0, 2, 0, 7]);
	});
});
