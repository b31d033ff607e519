import { Rating, type ReviewLogEntry } from '$lib/scheduler/types';

export interface SessionSummary {
	/** Different cards rated. */
	cards: number;
	ratings: number;
	/** Ratings that were Again. */
	again: number;
	/** Time spent on the cards before rating them (ms). */
	ms: number;
}

/** Counts a session's ratings for the screen at its end; a rating undone or not saved is counted off again. */
export class SummaryTally {
	summary: SessionSummary = { cards: 0, ratings: 0, again: 0, ms: 0 };
	private ratingsPerCard = new Map<string, number>();

	/** Counts `log` on (sign 1, with the time spent on the card) or off (-1); returns the new summary. */
	count(log: Pick<ReviewLogEntry, 'cardId' | 'rating'>, sign: 1 | -1, ms: number): SessionSummary {
		const times = (this.ratingsPerCard.get(log.cardId) ?? 0) + sign;
		if (times > 0) this.ratingsPerCard.set(log.cardId, times);
		else this.ratingsPerCard.delete(log.cardId);
		const { ratings, again } = this.summary;
		this.summary = {
			cards: this.ratingsPerCard.size,
			ratings: ratings + sign,
			again: again + (log.rating === Rating.Again ? sign : 0),
			ms: this.summary.ms + Math.max(0, ms)
		};
		return this.summary;
	}
}
