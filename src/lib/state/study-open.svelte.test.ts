import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as db from '$lib/db';
import { randomCollection, storeCollection } from '$lib/db/first-card.testing';
import { DAY, HOUR, k8sNote, logOf, NEXT_DAY, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { DEFAULT_SETTINGS, nextDayStart, type Rating } from '$lib/scheduler';
import { Study } from './study.svelte';

// Holds the queue back while a test acts on the first card (see `held`): before its read
// starts, or after its read, before the session gets it.
let gate: Promise<void> = Promise.resolve();
let gateAfterRead = false;
/** The next rating's write fails with this, when set. */
let failNextWrite: Error | null = null;
/** The next rating's write starts once this settles, when set. */
let delayNextWrite: Promise<void> | null = null;
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
		recordReview: async (...args: Parameters<typeof actual.recordReview>) => {
			const failure = failNextWrite;
			const delay = delayNextWrite;
			failNextWrite = null;
			delayNextWrite = null;
			await delay;
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

/** A session over k8sNote's seven new cards whose first card (s1) is shown and whose queue is held. */
async function opened(afterRead = false, settings = DEFAULT_SETTINGS, now = NOW) {
	const database = await openTestDatabase(new IDBFactory());
	await db.syncDecks(serve([k8sNote()]).fetchJson);
	const release = held(afterRead);
	const study = new Study(null, settings);
	const opening = study.open(now);
	await vi.waitUntil(() => study.shown !== null);
	return { study, release, opening, database };
}

/** Another tab (or any other writer) rates `cardId` Good: a review due in three days. */
async function rateElsewhere(cardId: string, review: number) {
	const previous = await db.getProgress(cardId);
	const next = progressOf(cardId, { due: review + 3 * DAY, lastReview: review });
	await db.recordReview(next, logOf(next, previous, review));
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
		// Each waits for the one before it: the last comes after s2's rating has moved on.
		expect(keys).toEqual(['first on s2', 'last on s3']);
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

// What the session does on its own (a rebuild, the next card) happens at the clock's time: a
// second after NOW, unless a test sets it.
function clockAt(now: number) {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(now);
}
afterEach(() => {
	vi.useRealTimers();
});

/** The cards shown from here on, rated one after another. */
async function rest(study: Study, from: number): Promise<string[]> {
	return shownCards(study, from, from + 10);
}

describe('another tab rates while the queue is built behind the first card', () => {
	beforeEach(() => clockAt(NOW + 1000));

	it.each([
		['s1', 'before'],
		['s2', 'before'],
		['s1', 'after'],
		['s2', 'after']
	])('rebuilds from what is stored when it rates %s %s the queue is read, and this session gave no rating', async (other, when) => {
		const afterRead = when === 'after';
		const { study, release, opening } = await opened(afterRead);
		if (afterRead) await new Promise((resolve) => setTimeout(resolve, 20));
		await rateElsewhere(other, NOW + 500);
		// A queue read before it cannot know: the page's live query of the latest rating sees the
		// other tab's and asks for a check. A read after it must rebuild on its own.
		const reconciled = afterRead ? study.reconcile(NOW + 1000) : undefined;
		// The check comes long before a slow queue.
		await new Promise((resolve) => setTimeout(resolve, 20));
		release();
		await Promise.all([opening, reconciled]);
		// The card the other tab rated is not due again today: never shown here, nor counted.
		expect(study.shown?.card.id).toBe(other === 's1' ? 's2' : 's1');
		expect(study.remaining).toEqual({ new: 6, learning: 0, review: 0 });
		expect(await rest(study, 0)).not.toContain(other);
		expect(await db.cardReviewLog(other)).toHaveLength(1);
	});

	it.each(['before', 'while', 'after'] as const)(
		'rebuilds from what is stored when it rates s2 %s this session’s early rating of s1 is written',
		async (when) => {
			// Three new cards a day: the two rated leave one, if each counts once.
			const { study, release, opening } = await opened(false, { ...DEFAULT_SETTINGS, newPerDay: 3 });
			if (when === 'before') await rateElsewhere('s2', NOW + 500);
			let write!: () => void;
			if (when === 'while') delayNextWrite = new Promise((resolve) => (write = resolve));
			study.reveal();
			const rated = study.rate(3, NOW + 1000);
			if (when === 'after') await vi.waitUntil(() => study.unsaved === 0);
			if (when !== 'before') await rateElsewhere('s2', NOW + 1500);
			release();
			// The queue is read with the other tab's rating and not this one's.
			if (when === 'while') setTimeout(write, 50);
			await Promise.all([opening, rated]);
			expect(study.shown?.card.id).toBe('s3');
			// s1 in learning, s2 a review due later, one new card left of today's three.
			expect(study.remaining).toEqual({ new: 1, learning: 1, review: 0 });
			expect(study.summary).toMatchObject({ cards: 1, ratings: 1 });
			const later = await rest(study, 1);
			expect(later).not.toContain('s2');
			// s1 comes back from learning once, not as a new card.
			expect(later.filter((id) => id === 's1').length).toBeLessThanOrEqual(1);
			expect(await db.cardReviewLog('s2')).toHaveLength(1);
		}
	);
});

describe('the early rating’s write is refused', () => {
	beforeEach(() => clockAt(NOW + 1000));

	it('by another tab’s rating of the same card: nothing of it is stored, and the session goes on from what is', async () => {
		const { study, release, opening } = await opened();
		await rateElsewhere('s1', NOW + 500);
		study.reveal();
		const rated = study.rate(4, NOW + 1000);
		release();
		await Promise.all([opening, rated]);
		expect((await db.cardReviewLog('s1')).map((log) => log.rating)).toEqual([3]);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 6, learning: 0, review: 0 });
		// A conflict is not a failure to save: nothing to retry.
		expect(study.notSaved).toBe(0);
		expect(study.summary).toMatchObject({ cards: 0, ratings: 0 });
		expect(await rest(study, 0)).not.toContain('s1');
	});

	it('by another writer’s bury after the queue was read: the queue read before it is rebuilt, so the buried card is not shown', async () => {
		const { study, release, opening } = await opened(true);
		// Let the held read happen, then bury s1 elsewhere (no rating: the latest rating stays the same).
		await new Promise((resolve) => setTimeout(resolve, 20));
		await db.buryUntil('s1', NEXT_DAY, NOW + 500);
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		await vi.waitUntil(() => study.unsaved === 0);
		release();
		await Promise.all([opening, rated]);
		expect(await db.cardReviewLog('s1')).toHaveLength(0);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 6, learning: 0, review: 0 });
		expect(await rest(study, 0)).not.toContain('s1');
	});

	it('when the database write fails midway: nothing is written, the card comes back counted as not saved, and a later save clears that', async () => {
		const { study, release, opening, database } = await opened();
		const events = await database.events.count();
		// The log page's write fails after the progress row was put, in the same transaction.
		const fail = () => {
			throw new Error('disk full');
		};
		database.logPages.hook('creating', fail);
		database.logPages.hook('updating', fail);
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		await vi.waitUntil(() => study.unsaved === 0);
		database.logPages.hook('creating').unsubscribe(fail);
		database.logPages.hook('updating').unsubscribe(fail);
		release();
		await Promise.all([opening, rated]);
		expect(await db.getProgress('s1')).toBeNull();
		expect(await db.cardReviewLog('s1')).toHaveLength(0);
		expect(await database.events.count()).toBe(events);
		expect(study.shown?.card.id).toBe('s1');
		expect(study.notSaved).toBe(1);
		expect(study.error).toContain('disk full');
		expect(study.remaining).toEqual({ new: 7, learning: 0, review: 0 });
		expect(study.summary).toMatchObject({ cards: 0, ratings: 0 });
		study.reveal();
		await study.rate(3, NOW + 2000);
		expect(study.notSaved).toBe(0);
		expect(study.error).toBe('');
		expect(study.shown?.card.id).toBe('s2');
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
	});
});

describe('the early rating undone before the queue is there', () => {
	beforeEach(() => clockAt(NOW + 1000));

	it.each([
		['read before the rating, undone once it is stored', true, true],
		['read after the rating, undone once it is stored', false, true],
		['read after the rating, undone before it is stored', false, false]
	])('brings the first card back as it was when the queue arrives (%s)', async (_, afterRead, stored) => {
		const { study, release, opening } = await opened(afterRead);
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		if (stored) await vi.waitUntil(() => study.unsaved === 0);
		const undone = study.undo(NOW + 1500);
		release();
		await Promise.all([opening, rated, undone]);
		expect(study.shown?.card.id).toBe('s1');
		expect(study.revealed).toBe(false);
		expect(await db.cardReviewLog('s1')).toHaveLength(0);
		expect(await db.getProgress('s1')).toBeNull();
		expect(study.remaining).toEqual({ new: 7, learning: 0, review: 0 });
		expect(study.summary).toMatchObject({ cards: 0, ratings: 0 });
		// s1 is new again: the queue takes it first, and does not bring it back from learning before s2.
		expect((await rest(study, 0)).slice(0, 3)).toEqual(['s1', 's2', 's3']);
	});
});

describe('keys given while the next card waits for the queue', () => {
	beforeEach(() => clockAt(NOW + 1000));

	/** The first card rated Good before the queue is there; what `keys` give then waits for it. */
	async function waitingAfterRating(keys: (study: Study) => Promise<unknown>[]) {
		const { study, release, opening } = await opened();
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		expect(study.waiting).toBe(true);
		const given = keys(study);
		release();
		await Promise.all([opening, rated, ...given]);
		return study;
	}

	it('replays undo, reveal and a rating in that order: the first card is rated again, once', async () => {
		const study = await waitingAfterRating((s) => {
			const keys = [s.undo(NOW + 1500)];
			s.reveal();
			return [...keys, s.rate(4, NOW + 2000)];
		});
		expect(study.shown?.card.id).toBe('s2');
		expect((await db.cardReviewLog('s1')).map((log) => log.rating)).toEqual([4]);
		expect(await db.cardReviewLog('s2')).toHaveLength(0);
		expect(study.summary).toMatchObject({ cards: 1, ratings: 1 });
	});

	it('replays reveal, rate, bury and undo in order, and one that throws stops none of the others', async () => {
		const order: string[] = [];
		const study = await waitingAfterRating((s) => {
			s.reveal();
			return [
				s.rate(2, NOW + 1500),
				s.after(() => {
					order.push(`throws on ${s.shown?.card.id}`);
					throw new Error('a key handler broke');
				}),
				s.hide('bury', NOW + 2000),
				s.undo(NOW + 2500),
				s.after(() => order.push(`last on ${s.shown?.card.id}`))
			];
		});
		expect(order).toEqual(['throws on s3', 'last on s3']);
		expect(study.error).toBe('a key handler broke');
		expect((await db.cardReviewLog('s2')).map((log) => log.rating)).toEqual([2]);
		// The bury of s3 was given and undone.
		expect(study.shown?.card.id).toBe('s3');
		expect((await db.getProgress('s3'))?.buriedUntil ?? 0).toBe(0);
		expect(study.hidden).toBeNull();
	});
});

describe('a new study day between the first card and the queue', () => {
	// One new card a day; one was introduced earlier today: s1 is today's last.
	const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
	const dayEnd = nextDayStart(NOW, settings.dayStartHour);
	async function introducedToday() {
		const before = progressOf('p2', { due: dayEnd + 5 * DAY });
		await db.recordReview(before, logOf(before, null, dayEnd - 2 * HOUR));
	}

	/** s1 shown a second before the day start, its queue held. */
	async function openedBeforeDayStart() {
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(serve([k8sNote()]).fetchJson);
		await introducedToday();
		const release = held();
		const study = new Study(null, settings);
		const opening = study.open(dayEnd - 1000);
		await vi.waitUntil(() => study.shown !== null);
		expect(study.shown?.card.id).toBe('s1');
		return { study, release, opening };
	}

	it('goes on with the new day’s queue after the first card is rated past the day start', async () => {
		const { study, release, opening } = await openedBeforeDayStart();
		clockAt(dayEnd + 2000);
		study.reveal();
		const rated = study.rate(3, dayEnd + 1000);
		release();
		await Promise.all([opening, rated]);
		// s1 is the new day's first new card: one more today (the old day had none left after it).
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 1, learning: 1, review: 0 });
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
	});

	it('takes the new day’s limits once the queue is there, when the page says the day turned', async () => {
		const { study, release, opening } = await openedBeforeDayStart();
		// The page's day-start effect fires while the queue is still being built.
		clockAt(dayEnd + 1000);
		const turned = study.newDay(dayEnd + 1000);
		release();
		await Promise.all([opening, turned]);
		expect(study.shown?.card.id).toBe('s1');
		// The new day's two new cards, not the one the old day had left.
		expect(study.remaining).toEqual({ new: 2, learning: 0, review: 0 });
	});
});
