import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as db from '$lib/db';
import { randomCollection, storeCollection } from '$lib/db/first-card.testing';
import { k8sNote, NOW, openTestDatabase, serve } from '$lib/db/testing';
import { DEFAULT_SETTINGS, type Rating, type SchedulerSettings } from '$lib/scheduler';
import { Study } from './study.svelte';

// Holds the queue back while a test acts on the card painted before it (see `held`).
let gate: Promise<void> = Promise.resolve();
vi.mock('$lib/db', async (original) => {
	const actual = await original<typeof import('$lib/db')>();
	return { ...actual, queueSource: async (...args: Parameters<typeof actual.queueSource>) => (await gate, actual.queueSource(...args)) };
});

afterEach(() => {
	gate = Promise.resolve();
	db.closeDatabase();
});

/** The queue waits until the returned function is called. */
function held(): () => void {
	let release!: () => void;
	gate = new Promise((resolve) => (release = resolve));
	return release;
}

/** Mostly Good, now and then Again (the card comes back in learning) or Easy. */
const ratingAt = (i: number): Rating => (i % 5 === 3 ? 1 : i % 7 === 2 ? 4 : 3);

/** The cards a session shows, rated one after another a second apart. */
async function shownCards(study: Study, count: number): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < count && study.shown; i++) {
		seen.push(study.shown.card.id);
		study.reveal();
		await study.rate(ratingAt(i), NOW + (i + 1) * 1000);
	}
	return seen;
}

async function session(seed: number, how: 'open' | 'start', settings?: SchedulerSettings) {
	const collection = randomCollection(seed);
	await openTestDatabase(new IDBFactory());
	await storeCollection(collection);
	const study = new Study(null, settings ?? collection.settings);
	await (how === 'open' ? study.open(NOW) : study.start(NOW));
	const cards = await shownCards(study, 12);
	db.closeDatabase();
	return { cards, remaining: study.remaining, finished: study.finished };
}

describe('Study.open', () => {
	it('shows the cards the whole queue shows, in its order, over 40 random collections', async () => {
		let compared = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const fast = await session(seed, 'open');
			const whole = await session(seed, 'start');
			expect(fast, `seed ${seed}`).toEqual(whole);
			compared += fast.cards.length;
		}
		// The seeds give sessions, not just empty days.
		expect(compared).toBeGreaterThan(150);
	}, 120_000);

	it('paints the first card before the queue, keeps it (answer open) when the queue arrives, and rates it then', async () => {
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(serve([k8sNote()]).fetchJson);
		const release = held();
		const study = new Study(null, DEFAULT_SETTINGS);
		const opening = study.open(NOW);
		await vi.waitUntil(() => study.shown !== null);
		expect(study.shown?.card.id).toBe('s1');
		expect(study.counted).toBe(false);
		study.reveal();
		// The rating waits for the queue; a second key press meanwhile is ignored.
		const rated = Promise.all([study.rate(3, NOW + 1000), study.rate(3, NOW + 1000)]);
		release();
		await opening;
		await rated;
		expect(study.counted).toBe(true);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 6, learning: 1, review: 0 });
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
	});

	it('keeps the answer open on the painted card when the queue arrives', async () => {
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(serve([k8sNote()]).fetchJson);
		const release = held();
		const study = new Study(null, DEFAULT_SETTINGS);
		const opening = study.open(NOW);
		await vi.waitUntil(() => study.shown !== null);
		study.reveal();
		release();
		await opening;
		expect(study.shown?.card.id).toBe('s1');
		expect(study.revealed).toBe(true);
		expect(study.remaining.new).toBe(7);
	});
});
