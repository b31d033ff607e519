import { describe, expect, it } from 'vitest';
import { LearningQueue, type LearningEntry } from './learning-queue';

const entry = (cardId: string, due: number, seq: number): LearningEntry => ({
	cardId,
	due,
	seq,
	live: true,
	inHeap: false
});

function drain(queue: LearningQueue): string[] {
	const order: string[] = [];
	for (let top = queue.peek(); top; top = queue.peek()) {
		order.push(top.cardId);
		queue.remove(top);
	}
	return order;
}

describe('LearningQueue', () => {
	it('yields entries by due time, then by seq', () => {
		const queue = new LearningQueue([entry('c', 30, 0), entry('a', 10, 2), entry('b', 10, 1)]);
		queue.push(entry('d', 20, 3));
		queue.push(entry('e', 5, 4));
		expect(drain(queue)).toEqual(['e', 'b', 'a', 'd', 'c']);
	});

	it('skips removed entries and counts only live ones due by a cutoff', () => {
		const b = entry('b', 20, 1);
		const queue = new LearningQueue([entry('a', 10, 0), b, entry('c', 40, 2)]);
		queue.remove(b);
		expect(queue.countDueBy(30)).toBe(1);
		expect(drain(queue)).toEqual(['a', 'c']);
	});

	it('puts a restored entry back in its place, whether or not it left the heap', () => {
		const a = entry('a', 10, 0);
		const b = entry('b', 20, 1);
		const queue = new LearningQueue([a, b, entry('c', 30, 2)]);
		queue.remove(b);
		queue.restore(b);
		expect(queue.peek()).toBe(a);
		queue.remove(a);
		expect(queue.peek()).toBe(b);
		expect(a.inHeap).toBe(false);
		queue.restore(a);
		expect(drain(queue)).toEqual(['a', 'b', 'c']);
	});

	it('stays ordered through many mixed operations', () => {
		const queue = new LearningQueue();
		const live = new Map<string, LearningEntry>();
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 500; i++) {
			const e = entry(`c${i}`, Math.floor(random() * 100), i);
			queue.push(e);
			live.set(e.cardId, e);
			if (random() < 0.3) {
				const top = queue.peek() as LearningEntry;
				queue.remove(top);
				live.delete(top.cardId);
			}
		}
		const expected = [...live.values()].sort((x, y) => x.due - y.due || x.seq - y.seq).map((e) => e.cardId);
		expect(drain(queue)).toEqual(expected);
	});
});
