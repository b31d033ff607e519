import { describe, expect, it } from 'vitest';
import { MainQueue } from './main-queue';

function walk(queue: MainQueue): string[] {
	const order: string[] = [];
	for (let head = queue.head(); head; head = queue.head()) {
		order.push(head.cardId);
		queue.take(head.cardId);
	}
	return order;
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('MainQueue', () => {
	// The expectations are those of Anki's own Intersperser tests.
	it.each([
		[3, 3, ['r1', 'n1', 'r2', 'n2', 'r3', 'n3']],
		[3, 2, ['r1', 'n1', 'r2', 'n2', 'r3']],
		[3, 6, ['n1', 'r1', 'n2', 'n3', 'r2', 'n4', 'n5', 'r3', 'n6']],
		[3, 8, ['n1', 'n2', 'r1', 'n3', 'n4', 'r2', 'n5', 'n6', 'r3', 'n7', 'n8']],
		[3, 0, ['r1', 'r2', 'r3']],
		[0, 2, ['n1', 'n2']]
	])('mixes %d reviews with %d new cards evenly', (reviews, news, expected) => {
		expect(walk(new MainQueue(ids('r', reviews), ids('n', news)))).toEqual(expected);
	});

	it('counts what is left and tells which list a card came from', () => {
		const queue = new MainQueue(['r1', 'r2'], ['n1']);
		expect(queue.take('r1')).toMatchObject({ kind: 'review', outOfOrder: false });
		expect(queue.take('n1')).toMatchObject({ kind: 'new', outOfOrder: false });
		expect([queue.reviewsLeft, queue.newLeft]).toEqual([1, 0]);
		expect(queue.take('n1')).toBeNull();
		expect(queue.take('elsewhere')).toBeNull();
	});

	it('skips a card taken out of order and puts it back on undo', () => {
		const queue = new MainQueue(['r1', 'r2', 'r3'], []);
		const take = queue.take('r2');
		expect(take).toMatchObject({ outOfOrder: true });
		expect(queue.reviewsLeft).toBe(2);
		queue.untake('r2', take!);
		expect(queue.reviewsLeft).toBe(3);
		expect(walk(queue)).toEqual(['r1', 'r2', 'r3']);
	});

	it('restores the exact order when takes are undone last first', () => {
		const queue = new MainQueue(ids('r', 4), ids('n', 3));
		const before = walk(new MainQueue(ids('r', 4), ids('n', 3)));
		const skipped = queue.take('r3')!;
		const first = queue.head()!;
		const firstTake = queue.take(first.cardId)!;
		const second = queue.head()!;
		const secondTake = queue.take(second.cardId)!;
		queue.untake(second.cardId, secondTake);
		queue.untake(first.cardId, firstTake);
		queue.untake('r3', skipped);
		expect(walk(queue)).toEqual(before);
	});
});
