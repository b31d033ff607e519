import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deckCounts } from './counts';
import { closeDatabase } from './database';
import { buryUntil } from './progress';
import { NEXT_DAY, NOW, openTestDatabase, scenario } from './testing';
import { todayTotals } from './deck-totals.testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('todayTotals', () => {
	it('agrees with the per-deck counts summed over the notes', async () => {
		await scenario();
		const counts = await deckCounts(NOW, NEXT_DAY);
		const [n1, n2] = [counts.get('n1')!, counts.get('n2')!];
		expect(await todayTotals(NOW, NEXT_DAY, { new: 20, due: 200 })).toEqual({
			due: n1.due + n2.due,
			learning: n1.learning + n2.learning,
			newAvailable: n1.newAvailable + n2.newAvailable
		});
	});

	it('reads only as far as the caps, finding new cards at the end of the notes', async () => {
		await scenario();
		expect(await todayTotals(NOW, NEXT_DAY, { new: 2, due: 0 })).toEqual({ due: 0, learning: 2, newAvailable: 2 });
		await buryUntil('s3', NEXT_DAY);
		await buryUntil('l2', NEXT_DAY);
		expect(await todayTotals(NOW, NEXT_DAY, { new: 20, due: 200 })).toEqual({ due: 1, learning: 1, newAvailable: 2 });
	});
});
