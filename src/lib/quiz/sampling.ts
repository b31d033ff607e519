import { randomInt, type Rng } from './rng';

/**
 * Draws 0..size-1 in random order without replacement, lazily: a sparse Fisher–Yates that
 * remembers only the swapped positions, so taking k of 100k costs O(k), not O(100k).
 */
export class LazyShuffle {
	private swapped = new Map<number, number>();
	private drawn = 0;

	constructor(
		readonly size: number,
		private rng: Rng
	) {}

	get remaining(): number {
		return this.size - this.drawn;
	}

	/** The next position, or -1 once every position has been drawn. */
	next(): number {
		if (this.drawn >= this.size) return -1;
		const i = this.drawn++;
		const j = i + randomInt(this.rng, this.size - i);
		const atJ = this.swapped.get(j) ?? j;
		if (j !== i) this.swapped.set(j, this.swapped.get(i) ?? i);
		this.swapped.delete(i);
		return atJ;
	}
}

/** Draws up to `limit` items of `items` in random order (all of them when limit ≥ length). */
export function* randomDraws<T>(items: readonly T[], rng: Rng, limit = items.length): Generator<T> {
	const order = new LazyShuffle(items.length, rng);
	for (let n = 0; n < limit; n++) {
		const at = order.next();
		if (at < 0) return;
		yield items[at];
	}
}

/** Calls `visit` for every item with its ranking value, in the same order on every call. */
export type RankedSource<T> = (visit: (item: T, value: number | undefined) => void) => void;

/**
 * Yields items lowest value first (ties in source order), in rounds: each round is one pass
 * that keeps only the next `batch` lowest in a bounded max-heap, so the first 50 of 100k cost
 * one pass and almost no heap moves. A consumer that wants more gets a new pass with a 4×
 * batch, taking up after the last item yielded. Values that are undefined or NaN are left out.
 */
export function* lowestFirst<T>(source: RankedSource<T>, firstBatch: number): Generator<T> {
	let after: { value: number; order: number } | undefined;
	for (let batch = Math.max(1, firstBatch); ; batch *= 4) {
		const heap = new BoundedMaxHeap<T>(batch);
		let order = 0;
		source((item, value) => {
			const at = order++;
			if (value === undefined || Number.isNaN(value)) return;
			if (after && (value < after.value || (value === after.value && at <= after.order))) return;
			heap.offer(item, value, at);
		});
		const chosen = heap.ascending();
		for (const entry of chosen) yield entry.item;
		if (chosen.length < batch) return;
		after = chosen[chosen.length - 1];
	}
}

interface Ranked<T> {
	item: T;
	value: number;
	order: number;
}

/** Keeps the `capacity` lowest (value, order) entries offered; the root is the highest kept. */
class BoundedMaxHeap<T> {
	private heap: Ranked<T>[] = [];

	constructor(private capacity: number) {}

	offer(item: T, value: number, order: number) {
		const heap = this.heap;
		if (heap.length < this.capacity) {
			heap.push({ item, value, order });
			this.up(heap.length - 1);
		} else if (value < heap[0].value) {
			// Equal values never replace the root: the root came earlier in the source.
			heap[0] = { item, value, order };
			this.down(0);
		}
	}

	ascending(): Ranked<T>[] {
		return this.heap.sort((a, b) => a.value - b.value || a.order - b.order);
	}

	private higher(a: Ranked<T>, b: Ranked<T>): boolean {
		return a.value > b.value || (a.value === b.value && a.order > b.order);
	}

	private up(at: number) {
		const heap = this.heap;
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (!this.higher(heap[at], heap[parent])) return;
			[heap[at], heap[parent]] = [heap[parent], heap[at]];
			at = parent;
		}
	}

	private down(at: number) {
		const heap = this.heap;
		for (;;) {
			const left = 2 * at + 1;
			const right = left + 1;
			let highest = at;
			if (left < heap.length && this.higher(heap[left], heap[highest])) highest = left;
			if (right < heap.length && this.higher(heap[right], heap[highest])) highest = right;
			if (highest === at) return;
			[heap[at], heap[highest]] = [heap[highest], heap[at]];
			at = highest;
		}
	}
}
