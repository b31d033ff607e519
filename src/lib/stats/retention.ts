/**
 * True retention as Anki's statistics table counts it: of the reviews of cards in the review
 * state (learning and relearning steps are left out), the share passed (Hard, Good, Easy),
 * counting only a card's first review of each study day. Young cards had an interval under
 * 21 days before the review, mature ones 21 or more.
 */
export const MATURE_DAYS = 21;
export const RETENTION_WINDOWS = [7, 30, 365] as const;
export type RetentionWindow = (typeof RETENTION_WINDOWS)[number];

export interface PassFail {
	passed: number;
	failed: number;
}

export interface RetentionRow {
	young: PassFail;
	mature: PassFail;
	all: PassFail;
}

export interface ReviewForRetention {
	cardId: string;
	/** Study day of the review. */
	day: number;
	rating: number;
	/** The scheduled interval (days) the card had before this review. */
	lastInterval: number;
}

const empty = (): RetentionRow => ({
	young: { passed: 0, failed: 0 },
	mature: { passed: 0, failed: 0 },
	all: { passed: 0, failed: 0 }
});

export class RetentionCounter {
	private readonly rows = new Map<RetentionWindow, RetentionRow>(RETENTION_WINDOWS.map((w) => [w, empty()]));
	private readonly seen = new Set<string>();

	/** `today` is the study day the windows end on (included). */
	constructor(private readonly today: number) {}

	/** Add review-state reviews in ascending time order: the first of a card's day is the one counted. */
	add(review: ReviewForRetention): void {
		const age = this.today - review.day;
		if (age < 0 || age >= RETENTION_WINDOWS[RETENTION_WINDOWS.length - 1]) return;
		const key = `${review.day}:${review.cardId}`;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		const outcome = review.rating > 1 ? 'passed' : 'failed';
		const kind = review.lastInterval >= MATURE_DAYS ? 'mature' : 'young';
		for (const window of RETENTION_WINDOWS) {
			if (age >= window) continue;
			const row = this.rows.get(window)!;
			row[kind][outcome]++;
			row.all[outcome]++;
		}
	}

	result(): Record<RetentionWindow, RetentionRow> {
		return Object.fromEntries(this.rows) as Record<RetentionWindow, RetentionRow>;
	}
}

/** passed / (passed + failed), or null with no reviews. */
export function retentionRate({ passed, failed }: PassFail): number | null {
	return passed + failed === 0 ? null : passed / (passed + failed);
}
