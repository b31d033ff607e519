/** How to undo taking one card out of the main queue. */
export interface MainTake {
	kind: 'new' | 'review';
	index: number;
	goneAhead: number;
	/** The card was taken from further down the list, not from its head. */
	outOfOrder: boolean;
}

/**
 * One list walked by an index; cards taken out of order are skipped on the way. The cards
 * today's limit left out wait in `spare`, to fill in for a card taken without being studied.
 */
class WalkedList {
	index = 0;
	goneAhead = 0;
	readonly ids: string[];
	private spareAt = 0;
	private readonly gone = new Set<string>();
	private readonly position = new Map<string, number>();

	constructor(
		ids: readonly string[],
		private readonly spare: readonly string[]
	) {
		this.ids = [...ids];
		this.ids.forEach((id, i) => this.position.set(id, i));
	}

	/** Adds the next spare card at the end; returns whether there was one. */
	refill(): boolean {
		if (this.spareAt >= this.spare.length) return false;
		const id = this.spare[this.spareAt++];
		this.position.set(id, this.ids.length);
		this.ids.push(id);
		return true;
	}

	/** Takes back the latest `refill` (undo runs in reverse order, so it is the last card). */
	unrefill(): void {
		this.position.delete(this.ids.pop()!);
		this.spareAt--;
	}

	get left(): number {
		return this.ids.length - this.index - this.goneAhead;
	}

	has(cardId: string): boolean {
		const at = this.position.get(cardId);
		return at !== undefined && at >= this.index && !this.gone.has(cardId);
	}

	/** Takes a card known to be in the list (see `has`); returns whether it was out of order. */
	take(cardId: string): boolean {
		if (this.ids[this.index] !== cardId) {
			this.gone.add(cardId);
			this.goneAhead++;
			return true;
		}
		this.index++;
		while (this.index < this.ids.length && this.gone.has(this.ids[this.index])) {
			this.index++;
			this.goneAhead--;
		}
		return false;
	}

	untake(cardId: string, index: number, goneAhead: number, outOfOrder: boolean): void {
		if (outOfOrder) this.gone.delete(cardId);
		this.index = index;
		this.goneAhead = goneAhead;
	}
}

/**
 * Anki's main queue with new cards mixed evenly among reviews. Like Anki's Intersperser
 * (rslib scheduler/queue/builder/intersperser.rs), the choice depends only on the two
 * list lengths fixed at build time and how far each list has been walked, so it is O(1)
 * per card and undo only has to put the two indices back.
 */
export class MainQueue {
	private readonly reviews: WalkedList;
	private readonly news: WalkedList;

	/** `spareReviews`, `spareNew`: the cards past today's limits, in the order they would come. */
	constructor(
		reviewIds: readonly string[],
		newIds: readonly string[],
		spareReviews: readonly string[] = [],
		spareNew: readonly string[] = []
	) {
		this.reviews = new WalkedList(reviewIds, spareReviews);
		this.news = new WalkedList(newIds, spareNew);
	}

	get newLeft(): number {
		return this.news.left;
	}

	get reviewsLeft(): number {
		return this.reviews.left;
	}

	head(): { cardId: string; kind: 'new' | 'review' } | null {
		const reviews = this.reviews;
		const news = this.news;
		const hasReview = reviews.index < reviews.ids.length;
		const hasNew = news.index < news.ids.length;
		if (!hasReview && !hasNew) return null;
		// Integer form of Anki's test (newIdx + 1) * ratio < reviewIdx + 1, where
		// ratio = (reviews + 1) / (new + 1): the same order with no float rounding.
		const newTurn = !hasReview || (hasNew && (news.index + 1) * (reviews.ids.length + 1) < (reviews.index + 1) * (news.ids.length + 1));
		return newTurn ? { cardId: news.ids[news.index], kind: 'new' } : { cardId: reviews.ids[reviews.index], kind: 'review' };
	}

	/** Takes a card out wherever it is; null when the queue does not hold it. */
	take(cardId: string): MainTake | null {
		for (const [kind, list] of [
			['review', this.reviews],
			['new', this.news]
		] as const) {
			if (!list.has(cardId)) continue;
			const { index, goneAhead } = list;
			return { kind, index, goneAhead, outOfOrder: list.take(cardId) };
		}
		return null;
	}

	/**
	 * A card taken without being studied (buried, suspended) used none of today's limit, as in
	 * Anki: the next card past the limit takes its place. Returns whether one did.
	 */
	refill(kind: 'new' | 'review'): boolean {
		return (kind === 'new' ? this.news : this.reviews).refill();
	}

	unrefill(kind: 'new' | 'review'): void {
		(kind === 'new' ? this.news : this.reviews).unrefill();
	}

	untake(cardId: string, take: MainTake): void {
		const list = take.kind === 'new' ? this.news : this.reviews;
		list.untake(cardId, take.index, take.goneAhead, take.outOfOrder);
	}
}
