/**
 * True retention as Anki's statistics table counts it: of the reviews of cards in the review
 * state (learning and relearning steps are left out), the share passed (Hard, Good, Easy),
 * counting only a card's first review of each study day. Young cards had an interval under
 * 21 days before the review, mature ones 21 or more. Counts are kept per study day, so that
 * finished days can be cached and added up for any window later.
 */
import { Rating } from '$lib/scheduler/types';

export const MATURE_DAYS = 21;
const RATINGS: unknown[] = Object.values(Rating);
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

/** [young passed, young failed, mature passed, mature failed] of one study day. */
export type DayCell = [number, number, number, number];

export class RetentionDays {
	readonly cells = new Map<number, DayCell>();
	private readonly seen = new Set<string>();

	/** Add review-state reviews in ascending time order: the first of a card's day is the one counted. */
	add(review: ReviewForRetention): void {
		// A rating outside Again..Easy (a bad row) is neither a pass nor a fail.
		if (!RATINGS.includes(review.rating)) return;
		const key = `${review.day}:${review.cardId}`;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		let cell = this.cells.get(review.day);
		if (!cell) this.cells.set(review.day, (cell = [0, 0, 0, 0]));
		cell[(review.lastInterval >= MATURE_DAYS ? 2 : 0) + (review.rating === Rating.Again ? 1 : 0)]++;
	}
}

const empty = (): RetentionRow => ({
	young: { passed: 0, failed: 0 },
	mature: { passed: 0, failed: 0 },
	all: { passed: 0, failed: 0 }
});

/** The table for the windows ending on `today` (included) from per-day cells. */
export function retentionTable(cells: Iterable<[number, DayCell]>, today: number): Record<RetentionWindow, RetentionRow> {
	const table = Object.fromEntries(RETENTION_WINDOWS.map((w) => [w, empty()])) as Record<RetentionWindow, RetentionRow>;
	for (const [day, [yp, yf, mp, mf]] of cells) {
		const age = today - day;
		for (const window of RETENTION_WINDOWS) {
			if (age < 0 || age >= window) continue;
			const row = table[window];
			row.young.passed += yp;
			row.young.failed += yf;
			row.mature.passed += mp;
			row.mature.failed += mf;
			row.all.passed += yp + mp;
			row.all.failed += yf + mf;
		}
	}
	return table;
}

/** passed / (passed + failed), or null with no reviews. */
export function retentionRate({ passed, failed }: PassFail): number | null {
	return passed + failed === 0 ? null : passed / (passed + failed);
}
