import { retrievability, type CardProgress } from '$lib/scheduler';

/**
 * Adds per-deck numbers up to the decks shown: a deck counts for the nearest shown deck at
 * or above it (`parentOf` maps every deck to its parent, null at a root); others are dropped.
 */
export function rollUp(
	perDeck: ReadonlyMap<string, number>,
	shown: readonly string[],
	parentOf: ReadonlyMap<string, string | null>
): Map<string, number> {
	const totals = new Map(shown.map((id) => [id, 0]));
	for (const [deckId, n] of perDeck) {
		let at: string | null | undefined = deckId;
		// The step bound stops a malformed parent cycle.
		for (let steps = 0; at != null && !totals.has(at) && steps < 1000; steps++) at = parentOf.get(at);
		if (at != null && totals.has(at)) totals.set(at, totals.get(at)! + n);
	}
	return totals;
}

export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	return counts;
}

/** Sums of the chance of recall now, and counts, of studied cards per deck. */
export class RecallSums {
	readonly sums = new Map<string, number>();
	readonly counts = new Map<string, number>();

	constructor(private readonly now: number) {}

	add(deckId: string, progress: CardProgress): void {
		if (progress.state === 0 || progress.lastReview === null) return;
		this.sums.set(deckId, (this.sums.get(deckId) ?? 0) + retrievability(progress, this.now));
		this.counts.set(deckId, (this.counts.get(deckId) ?? 0) + 1);
	}

	/** Mean recall per shown deck; null for a deck with no studied card. */
	means(shown: readonly string[], parentOf: ReadonlyMap<string, string | null>): Map<string, number | null> {
		const sums = rollUp(this.sums, shown, parentOf);
		const counts = rollUp(this.counts, shown, parentOf);
		return new Map(shown.map((id) => [id, counts.get(id) ? sums.get(id)! / counts.get(id)! : null]));
	}
}
