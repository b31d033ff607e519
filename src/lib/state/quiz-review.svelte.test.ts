import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, sendToReview } from '$lib/db';
import { NEXT_DAY, NOW, openTestDatabase, scenario } from '$lib/db/testing';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import { Study } from './study.svelte';

beforeEach(async () => {
	await openTestDatabase();
	// Six cards were introduced an hour before NOW: with six new cards a day, none is left.
	await scenario();
});
afterEach(closeDatabase);

const settings = { ...DEFAULT_SETTINGS, newPerDay: 6 };

/** Rates every card Good until the session ends; the ids in the order shown. */
async function studyAll(study: Study): Promise<string[]> {
	const shown: string[] = [];
	for (let step = 0; step < 50 && study.shown; step++) {
		shown.push(study.shown.card.id);
		study.reveal();
		await study.rate(3, NOW + step * 1000);
	}
	return shown;
}

describe('cards a quiz sent to today’s review', () => {
	it('leaves the daily new-card limit alone when nothing was sent', async () => {
		const study = new Study(null, settings);
		await study.start(NOW);
		expect(study.remaining.new).toBe(0);
		expect(await studyAll(study)).not.toContain('l2');
	});

	it('shows sent new cards first, past the limit, and no other new card', async () => {
		await sendToReview(['l2', 'p1'], NOW, NEXT_DAY);
		const study = new Study(null, settings);
		await study.start(NOW);
		expect(study.remaining.new).toBe(2);
		const shown = await studyAll(study);
		expect(shown).toEqual(expect.arrayContaining(['l2', 'p1']));
		expect(shown).not.toContain('l0');
		expect(shown).not.toContain('s2');
	});

	it('keeps the sent cards still new after a reload, once some were studied', async () => {
		await sendToReview(['l2', 'p1', 'l0'], NOW, NEXT_DAY);
		const first = new Study('n2', settings);
		await first.start(NOW);
		expect(first.remaining.new).toBe(2);
		expect(first.shown?.card.id).toBe('l0');
		first.reveal();
		await first.rate(3, NOW);
		const again = new Study(null, settings);
		await again.start(NOW + 1000);
		expect(again.remaining.new).toBe(2);
		expect(await studyAll(again)).toEqual(expect.arrayContaining(['l2', 'p1']));
	});
});
