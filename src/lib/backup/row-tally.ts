/**
 * What the reader's last checks need from a backup's rows (card ids, log order, first and last
 * review), gathered batch by batch as checked rows arrive: a walk over a million rows at the
 * end missed the cache on every row (~0.4 s), while a batch just parsed is still in it. It only
 * gathers; the reader decides what is wrong, in the order it always did (read.ts, finish).
 */
import type { ProgressTuple, ReviewLogTuple } from './format';

export class RowTally {
	readonly cards = new Set<string>();
	/** The first card id a progress row repeats, in file order. */
	duplicateCard: string | null = null;
	/**
	 * The first review-log row (from 0) whose card no progress row had named by then, or -1. Rows
	 * before it name known cards; from it on, only the complete list can tell (files as the app
	 * writes them have progress first, so this stays -1).
	 */
	firstUnsure = -1;
	/** Every id greater than the one before it: no id twice, without a set of a million ids. */
	ascending = true;
	from = Infinity;
	to = -Infinity;
	private reviews = 0;
	private lastId: string | null = null;

	progress(rows: readonly ProgressTuple[]): void {
		for (let i = 0; i < rows.length; i++) {
			const id = rows[i][0];
			if (this.duplicateCard === null && this.cards.has(id)) this.duplicateCard = id;
			this.cards.add(id);
		}
	}

	reviewLog(rows: readonly ReviewLogTuple[]): void {
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			const id = row[0];
			const review = row[3];
			if (this.firstUnsure === -1 && !this.cards.has(row[1])) this.firstUnsure = this.reviews + i;
			if (this.lastId !== null && !(id > this.lastId)) this.ascending = false;
			this.lastId = id;
			if (review < this.from) this.from = review;
			if (review > this.to) this.to = review;
		}
		this.reviews += rows.length;
	}
}
