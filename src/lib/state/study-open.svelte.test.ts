import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as db from '$lib/db';
import { randomCollection, storeCollection } from '$lib/db/first-card.testing';
import { DAY, k8sNote, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { DEFAULT_SETTINGS, type Rating } from '$lib/scheduler';
import { Study } from './study.svelte';

// Holds the queue back while a test acts on the first card (see `held`): before its read
// starts, or after its read, before the session gets it.
let gate: Promise<void> = Promise.resolve();
let gateAfterRead = false;
/** The next rating's write fails with this, when set. */
let failNextWrite: Error | null = null;
vi.mock('$lib/db', async (original) => {
	const actual = await original<typeof import('$lib/db')>();
	return {
		...actual,
		queueSource: async (...args: Parameters<typeof actual.queueSource>) => {
			if (!gateAfterRead) await gate;
			const source = await actual.queueSource(...args);
			await gate;
			return source;
		},
		recordReview: (...args: Parameters<typeof actual.recordReview>) => {
			const failure = failNextWrite;
			failNextWrite = null;
			return failure ? Promise.reject(failure) : actual.recordReview(...args);
		}
	};
});

afterEach(() => {
	gate = Promise.resolve();
	gateAfterRead = false;
	db.closeDatabase();
});

/** The queue waits until the returned function is called. */
function held(afterRead = false): () => void {
	let release!: () => void;
	gate = new Promise((resolve) => (release = resolve));
	gateAfterRead = afterRead;
	return release;
}

/** Mostly Good, now and then Again (the card comes back in learning) or Easy. */
const ratingAt = (i: number): Rating => (i % 5 === 3 ? 1 : i % 7 === 2 ? 4 : 3);

/** The cards a session shows from the i-th rating on, rated one after another a second apart. */
async function shownCards(study: Study, from: number, count: number): Promise<string[]> {
	const seen: string[] = [];
	for (let i = from; i < count && study.shown; i++) {
		seen.push(study.shown.card.id);
		study.reveal();
		await study.rate(ratingAt(i), NOW + (i + 1) * 1000);
	}
	return seen;
}

type How = 'start' | 'open' | 'rated before the read' | 'rated during the read';

/** The first 12 cards of a session over a random collection, started as `how` says. */
async function session(seed: number, how: How) {
	const collection = randomCollection(seed);
	await openTestDatabase(new IDBFactory());
	await storeCollection(collection);
	const study = new Study(null, collection.settings);
	let cards: string[] = [];
	if (how === 'start' || how === 'open') {
		await (how === 'open' ? study.open(NOW) : study.start(NOW));
	} else {
		// The first card is rated while the queue is held; its rating is stored before the queue arrives.
		const release = held(how === 'rated during the read');
		const opening = study.open(NOW);
		await vi.waitUntil(() => study.shown !== null);
		expect(study.counted).toBe(false);
		cards = [study.shown!.card.id];
		study.reveal();
		const rated = study.rate(ratingAt(0), NOW + 1000);
		await vi.waitUntil(() => study.unsaved === 0 && study.waiting);
		release();
		await Promise.all([opening, rated]);
	}
	cards.push(...(await shownCards(study, cards.length, 12)));
	db.closeDatabase();
	return { cards, remaining: study.remaining, finished: study.finished };
}

describe('Study.open', () => {
	it('shows the cards the whole queue shows, in its order, over 40 random collections, also when the first is rated before the queue', async () => {
		let compared = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const whole = await session(seed, 'start');
			// With no card to show now, only the whole queue can say so (and when the next one is due).
			const hows = whole.cards.length > 0 ? (['open', 'rated before the read', 'rated during the read'] as const) : (['open'] as const);
			for (const how of hows) {
				expect(await session(seed, how), `seed ${seed}, ${how}`).toEqual(whole);
			}
			compared += whole.cards.length;
		}
		// The seeds give sessions, not just empty days.
		expect(compared).toBeGreaterThan(150);
	}, 240_000);
});

describe('the first card before the queue', () => {
	async function opened(afterRead = false) {
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(serve([k8sNote()]).fetchJson);
		const release = held(afterRead);
		const study = new Study(null, DEFAULT_SETTINGS);
		const opening = study.open(NOW);
		await vi.waitUntil(() => study.shown !== null);
		return { study, release, opening };
	}

	it('reveals and rates it at once, stores the rating before the queue is there, then shows the queue’s next card; undo brings it back', async () => {
		const { study, release, opening } = await opened();
		expect(study.shown?.card.id).toBe('s1');
		expect(study.counted).toBe(false);
		study.reveal();
		expect(study.revealed).toBe(true);
		const rated = study.rate(3, NOW + 1000);
		// Counted unsaved until written, and written with no queue.
		expect(study.unsaved).toBe(1);
		expect(study.shown).toBeNull();
		expect(study.waiting).toBe(true);
		await vi.waitUntil(() => study.unsaved === 0);
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
		expect(study.waiting).toBe(true);
		release();
		await Promise.all([opening, rated]);
		expect(study.waiting).toBe(false);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 6, learning: 1, review: 0 });
		await study.undo(NOW + 2000);
		expect(study.shown?.card.id).toBe('s1');
		expect(await db.cardReviewLog('s1')).toHaveLength(0);
		expect(await db.getProgress('s1')).toBeNull();
		expect(study.remaining).toEqual({ new: 7, learning: 0, review: 0 });
		expect(study.summary).toMatchObject({ cards: 0, ratings: 0 });
	});

	it('goes on as the whole queue would when the queue is read after the early rating was stored', async () => {
		// One review due and three new cards: a new card first, then the review (the mix is set by the
		// counts the queue is built with, so it must be built from the counts before the rating).
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3 };
		const run = async (early: boolean) => {
			await openTestDatabase(new IDBFactory());
			await db.syncDecks(serve([k8sNote()]).fetchJson);
			await db.importProgress([progressOf('e1', { due: NOW - DAY })]);
			const study = new Study(null, settings);
			const release = held(!early);
			const opening = study.open(NOW);
			let rated: Promise<void> | undefined;
			if (early) {
				await vi.waitUntil(() => study.shown !== null);
				study.reveal();
				rated = study.rate(3, NOW + 1000);
				await vi.waitUntil(() => study.unsaved === 0);
			}
			release();
			await Promise.all([opening, rated]);
			const cards = early ? ['s1', ...(await shownCards(study, 1, 4))] : await shownCards(study, 0, 4);
			db.closeDatabase();
			return cards;
		};
		expect(await run(false)).toEqual(['s1', 'e1', 's2', 's3']);
		expect(await run(true)).toEqual(['s1', 'e1', 's2', 's3']);
	});

	it('keeps the card and its open answer when the queue arrives', async () => {
		const { study, release, opening } = await opened(true);
		study.reveal();
		release();
		await opening;
		expect(study.shown?.card.id).toBe('s1');
		expect(study.revealed).toBe(true);
		expect(study.remaining.new).toBe(7);
	});

	it('holds what is given while the next card waits for the queue and does it, in order, once it is shown', async () => {
		const { study, release, opening } = await opened();
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		// A second rating key, then the reveal and rating of the next card, given before it is shown.
		const keys: string[] = [];
		study.after(() => keys.push(`first on ${study.shown?.card.id}`));
		void study.rate(3, NOW + 1500);
		study.reveal();
		void study.rate(4, NOW + 2000);
		study.after(() => keys.push(`last on ${study.shown?.card.id}`));
		expect(keys).toEqual([]);
		release();
		await Promise.all([opening, rated]);
		await vi.waitUntil(() => study.shown?.card.id === 's3' && study.unsaved === 0);
		expect(keys).toEqual(['first on s2', 'last on s2']);
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
		expect((await db.cardReviewLog('s2')).map((log) => log.rating)).toEqual([4]);
	});

	it('buries it once the queue is there, and undo then takes back the bury', async () => {
		const { study, release, opening } = await opened();
		const buried = study.hide('bury', NOW + 1000);
		expect(study.waiting).toBe(true);
		expect(study.shown?.card.id).toBe('s1');
		release();
		await Promise.all([opening, buried]);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.hidden).toMatchObject({ cardId: 's1', how: 'bury' });
		await study.undo(NOW + 2000);
		expect(study.shown?.card.id).toBe('s1');
		expect((await db.getProgress('s1'))?.buriedUntil ?? 0).toBe(0);
	});

	it('shows the card again when the early rating’s write fails, and counts it as not saved', async () => {
		const { study, release, opening } = await opened();
		study.reveal();
		failNextWrite = new Error('disk full');
		const rated = study.rate(3, NOW + 1000);
		release();
		await Promise.all([opening, rated]);
		expect(failNextWrite).toBeNull();
		expect(study.notSaved).toBe(1);
		expect(study.shown?.card.id).toBe('s1');
		expect(study.summary).toMatchObject({ cards: 0, ratings: 0 });
		expect(await db.cardReviewLog('s1')).toHaveLength(0);
	});
});
