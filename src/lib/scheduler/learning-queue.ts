/** A (re)learning card waiting in a session, ordered by due time, then by `seq`. */
export interface LearningEntry {
	cardId: string;
	/** When the session may show it (ms). */
	due: number;
	/** Breaks ties: note order for cards found at build time, then rating order. */
	seq: number;
	/** False once taken out; the heap drops dead entries when they reach the top. */
	live: boolean;
	inHeap: boolean;
}

function before(a: LearningEntry, b: LearningEntry): boolean {
	return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * A binary min-heap with lazy removal: taking out any entry is O(1), pushing and reaching
 * the next live entry O(log k), where k is the number of cards in learning, not in scope.
 */
export class LearningQueue {
	private readonly heap: LearningEntry[];

	constructor(entries: LearningEntry[] = []) {
		this.heap = entries;
		for (const entry of entries) {
			entry.live = true;
			entry.inHeap = true;
		}
		for (let i = (entries.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
	}

	/** The earliest live entry, if any. */
	peek(): LearningEntry | undefined {
		while (this.heap.length > 0 && !this.heap[0].live) this.popTop();
		return this.heap[0];
	}

	push(entry: LearningEntry): void {
		entry.live = true;
		entry.inHeap = true;
		this.heap.push(entry);
		this.siftUp(this.heap.length - 1);
	}

	remove(entry: LearningEntry): void {
		entry.live = false;
	}

	/** Puts a removed entry back where its due time and seq place it. */
	restore(entry: LearningEntry): void {
		if (entry.inHeap) entry.live = true;
		else this.push(entry);
	}

	/** Live entries due at or before `cutoff`: O(k). */
	countDueBy(cutoff: number): number {
		let count = 0;
		for (const entry of this.heap) if (entry.live && entry.due <= cutoff) count++;
		return count;
	}

	private popTop(): void {
		const top = this.heap[0];
		const last = this.heap.pop() as LearningEntry;
		top.inHeap = false;
		if (this.heap.length > 0) {
			this.heap[0] = last;
			this.siftDown(0);
		}
	}

	private siftUp(index: number): void {
		const heap = this.heap;
		const entry = heap[index];
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!before(entry, heap[parent])) break;
			heap[index] = heap[parent];
			index = parent;
		}
		heap[index] = entry;
	}

	private siftDown(index: number): void {
		const heap = this.heap;
		const entry = heap[index];
		const length = heap.length;
		for (;;) {
			let child = 2 * index + 1;
			if (child >= length) break;
			if (child + 1 < length && before(heap[child + 1], heap[child])) child++;
			if (!before(heap[child], entry)) break;
			heap[index] = heap[child];
			index = child;
		}
		heap[index] = entry;
	}
}
