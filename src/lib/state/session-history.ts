import type { ReviewLogEntry } from '$lib/scheduler/types';

/** A card taken out of today's session without a rating. */
export interface Hidden {
	cardId: string;
	how: 'bury' | 'suspend';
	front: string;
}

/**
 * What a review session can take back, latest last: its ratings, its buried and suspended
 * cards, and the latest review-log id the database holds after each of this tab's own
 * writes — a different latest id means another tab wrote (see Study.reconcile).
 */
export class SessionHistory {
	private ratings: ReviewLogEntry[] = [];
	/** Each with the number of ratings given before it, so undo takes back in the order done. */
	private hides: (Hidden & { ratingsBefore: number })[] = [];
	private heads: (string | null)[];

	/** `head`: the latest review-log id stored when the session (re)started. */
	constructor(head: string | null) {
		this.heads = [head];
	}

	rated(log: ReviewLogEntry) {
		this.ratings.push(log);
		this.heads.push(log.id);
	}

	hid(hidden: Hidden) {
		this.hides.push({ ...hidden, ratingsBefore: this.ratings.length });
	}

	/** The hide undo takes back next: the latest, when no rating came after it; null means undo takes back a rating. */
	hideToUndo(): Hidden | null {
		const hide = this.hides.at(-1);
		return hide && hide.ratingsBefore === this.ratings.length ? { cardId: hide.cardId, how: hide.how, front: hide.front } : null;
	}

	/** Whether `logId` is this session's latest rating (not one from before it, nor one with ratings on top). */
	isLatestRating(logId: string): boolean {
		return this.ratings.at(-1)?.id === logId;
	}

	/** Forgets the latest rating: call only when isLatestRating said so. */
	dropRating() {
		this.ratings.pop();
		this.heads.pop();
	}

	/** Forgets the latest hide: call only when hideToUndo named it. */
	dropHide() {
		this.hides.pop();
	}

	hiddenIds(): Set<string> {
		return new Set(this.hides.map((h) => h.cardId));
	}

	/** Whether `head`, the latest review-log id stored now, is the one this tab's own writes left. */
	isOwnHead(head: string | null): boolean {
		return head === this.heads.at(-1);
	}
}
