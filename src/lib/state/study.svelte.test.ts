import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardReviewLog, closeDatabase, getProgress, importProgress, recordReview, setSuspended, syncDecks } from '$lib/db';
import { DAY, k8sNote, makeNote, NOW, openTestDatabase, progressOf, serve } from '$lib/db/testing';
import { dayStart, DEFAULT_SETTINGS, nextDayStart, rate } from '$lib/scheduler';
import { Study } from './study.svelte';

// Note n1: svc (s1 s2 s3) › ext (e1 e2), probe (p1 p2); all new. Cards are shown in note order.
let factory: IDBFactory;
beforeEach(async () => {
	factory = new IDBFactory();
	await openTestDatabase(factory);
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

async function started(deckId: string | null = null) {
	const study = new Study(deckId, DEFAULT_SETTINGS);
	await study.start(NOW);
	return study;
}

async function rateShown(study: Study, rating: 1 | 2 | 3 | 4, at: number) {
	study.reveal();
	await study.rate(rating, at);
}

describe('Study', () => {
	it('shows the cards in queue order while loading the next ones ahead, and saves each rating', async () => {
		const study = await started();
		const seen: string[] = [];
		for (let i = 0; i < 7; i++) {
			seen.push(study.shown!.card.id);
			await rateShown(study, 4, NOW + i * 1000);
		}
		expect(seen).toEqual(['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2']);
		expect(study.finished).toBe(true);
		expect(study.summary).toMatchObject({ cards: 7, ratings: 7, again: 0 });
		expect(await cardReviewLog('p2')).toHaveLength(1);
	});

	it('shows a card only as often as the queue says: a second rating key while moving on is ignored', async () => {
		const study = await started();
		study.reveal();
		await Promise.all([study.rate(3, NOW), study.rate(3, NOW)]);
		expect(await cardReviewLog('s1')).toHaveLength(1);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.revealed).toBe(false);
	});

	it('undoes in memory and in the database, back past the session start after a reload', async () => {
		const first = await started();
		await rateShown(first, 3, NOW);
		await rateShown(first, 1, NOW + 1000);
		await first.undo(NOW + 2000);
		expect(first.shown?.card.id).toBe('s2');
		expect(await getProgress('s2')).toBeNull();
		expect(first.summary).toMatchObject({ cards: 1, ratings: 1, again: 0 });

		const reloaded = await started();
		expect(reloaded.shown?.card.id).toBe('s2');
		await reloaded.undo(NOW + 3000);
		expect(reloaded.shown?.card.id).toBe('s1');
		expect(await getProgress('s1')).toBeNull();
	});

	it('rebuilds from the database when another tab rates the card it shows', async () => {
		const study = await started();
		const elsewhere = rate(null, 's1', 3, NOW, DEFAULT_SETTINGS, 0, 'other-tab');
		await recordReview(elsewhere.progress, elsewhere.log);
		await study.reconcile(NOW + 500);
		expect(study.shown?.card.id).toBe('s2');
		expect(study.remaining).toEqual({ new: 6, learning: 1, review: 0 });
		// Its own writes are no reason to rebuild.
		await rateShown(study, 3, NOW + 1000);
		await study.reconcile(NOW + 1500);
		expect(study.shown?.card.id).toBe('s3');
	});

	it('refuses a rating of a card changed elsewhere, and moves on without it', async () => {
		const study = await started();
		await setSuspended('s1', true);
		await rateShown(study, 3, NOW);
		expect(await cardReviewLog('s1')).toEqual([]);
		expect(await getProgress('s1')).toMatchObject({ suspended: 1, state: 0 });
		expect(study.shown?.card.id).toBe('s2');
		expect(study.summary.ratings).toBe(0);
		expect(study.error).toBe('');
	});

	it('counts a rating as unsaved from the moment it shows the next card until its write settles', async () => {
		const study = await started();
		study.reveal();
		const rated = study.rate(3, NOW);
		expect(study.unsaved).toBe(1);
		await rated;
		expect(study.unsaved).toBe(0);
		expect(await cardReviewLog('s1')).toHaveLength(1);
		// A refused write settles too.
		await setSuspended('s2', true);
		await rateShown(study, 3, NOW + 1000);
		expect(await cardReviewLog('s2')).toEqual([]);
		expect(study.unsaved).toBe(0);
	});

	it('learns more new cards than the daily limit when asked, the next ones in order, and they count as today’s', async () => {
		const study = new Study(null, { ...DEFAULT_SETTINGS, newPerDay: 2 });
		await study.start(NOW);
		await rateShown(study, 4, NOW);
		await rateShown(study, 4, NOW + 1000);
		expect(study.finished).toBe(true);
		expect(study.newWaiting).toBe(5);

		await study.learnMore(2, NOW + 2000);
		expect(study.finished).toBe(false);
		expect(study.remaining.new).toBe(2);
		const seen: string[] = [];
		for (let i = 0; i < 2; i++) {
			seen.push(study.shown!.card.id);
			await rateShown(study, 4, NOW + 3000 + i * 1000);
		}
		expect(seen).toEqual(['s3', 'e1']);
		expect(study.finished).toBe(true);
		expect(study.newWaiting).toBe(3);
		// A new session the same day keeps the raised limit spent: nothing new until more is asked.
		const again = new Study(null, { ...DEFAULT_SETTINGS, newPerDay: 2 });
		await again.start(NOW + 6000);
		expect(again.finished).toBe(true);
		expect(again.newWaiting).toBe(3);
	});

	it('buries or suspends the card shown and moves on; undo brings it back, and the ratings before it after', async () => {
		const study = await started();
		await rateShown(study, 3, NOW);
		await study.hide('bury', NOW + 1000);
		expect(study.shown?.card.id).toBe('s3');
		expect(study.hidden).toMatchObject({ cardId: 's2', how: 'bury' });
		expect(await getProgress('s2')).toMatchObject({ state: 0, buriedUntil: study['session']!.dayEnd });
		await study.hide('suspend', NOW + 2000);
		expect(study.shown?.card.id).toBe('e1');
		expect(await getProgress('s3')).toMatchObject({ suspended: 1 });
		// e1, shown, and the three after it.
		expect(study.remaining.new).toBe(4);

		await study.undo(NOW + 3000);
		expect(study.shown?.card.id).toBe('s3');
		expect(study.hidden).toBeNull();
		expect(await getProgress('s3')).toBeNull();
		await study.undo(NOW + 4000);
		expect(study.shown?.card.id).toBe('s2');
		expect(await getProgress('s2')).toBeNull();
		await study.undo(NOW + 5000);
		expect(study.shown?.card.id).toBe('s1');
		expect(await cardReviewLog('s1')).toEqual([]);
	});

	it('leaves hidden cards out of the new cards waiting past the limit', async () => {
		const study = new Study(null, { ...DEFAULT_SETTINGS, newPerDay: 2 });
		await study.start(NOW);
		await study.hide('suspend', NOW);
		// A suspended card used none of the limit of 2 (issue #16): s3 takes s1's place.
		expect(study.remaining.new).toBe(2);
		await rateShown(study, 4, NOW + 1000);
		await rateShown(study, 4, NOW + 2000);
		// s2 and s3 were studied and s1 is suspended: the four after s3 wait, not s1.
		expect(study.finished).toBe(true);
		expect(study.newWaiting).toBe(4);
	});

	it('says a card is a leech when Again makes its lapses reach 8, then every 4 more', async () => {
		const review = {
			due: NOW - DAY,
			stability: 3,
			difficulty: 9,
			elapsedDays: 3,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 20,
			state: 2 as const,
			lastReview: NOW - 4 * DAY,
			suspended: 0 as const,
			buriedUntil: 0
		};
		await importProgress([
			{ cardId: 's1', ...review, lapses: 7 },
			{ cardId: 's2', ...review, lapses: 7 }
		]);
		const study = await started();
		const shownId = () => study.shown?.card.id;
		// New cards are mixed in between the reviews; they are no leeches either.
		for (let t = NOW; shownId() !== 's1'; t += 1000) {
			await rateShown(study, 1, t);
			expect(study.leech).toBeNull();
		}
		await rateShown(study, 1, NOW + 10_000);
		expect(study.leech).toEqual({ front: 's1', lapses: 8 });
		while (shownId() !== 's2') await rateShown(study, 4, NOW + 11_000);
		// Good is no lapse: no word of leeches.
		await rateShown(study, 3, NOW + 12_000);
		expect(study.leech).toBeNull();
		expect(await getProgress('s2')).toMatchObject({ lapses: 7 });
	});

	it('says when the next card is due once the session is over', async () => {
		const study = await started('ext');
		await rateShown(study, 4, NOW);
		await rateShown(study, 4, NOW + 1000);
		expect(study.finished).toBe(true);
		const dues = [(await getProgress('e1'))!.due, (await getProgress('e2'))!.due];
		// Reviews are due by the day: from the start of the earliest one's study day (issue #16).
		const hour = DEFAULT_SETTINGS.dayStartHour;
		await vi.waitFor(() => expect(study.nextDue).toBe(dayStart(Math.min(...dues), hour)));
		expect(study.nextDue).toBeGreaterThan(NOW + DAY);
		expect(study.nextDue).toBeLessThan(Math.min(...dues));
	});

	it('says the next day start is next when the new-card limit held cards back', async () => {
		const study = new Study(null, { ...DEFAULT_SETTINGS, newPerDay: 2 });
		await study.start(NOW);
		await rateShown(study, 4, NOW);
		await rateShown(study, 4, NOW + 1000);
		expect(study.finished).toBe(true);
		expect(study.newWaiting).toBe(5);
		await vi.waitFor(() => expect(study.nextDue).toBe(nextDayStart(NOW, DEFAULT_SETTINGS.dayStartHour)));
	});

	it('skips a card a deck update took out of the notes while it was shown, storing nothing for it', async () => {
		// Both cards of ext are reviews due, so the one shown has a progress row to write to.
		const stored = [progressOf('e1', { due: NOW - DAY }), progressOf('e2', { due: NOW - DAY })];
		await importProgress(stored);
		const study = await started('ext');
		const shownId = study.shown!.card.id;
		const withoutExt = makeNote('k8s.md', 'h1-no-ext', [
			{ id: 'n1', cards: [] },
			{ id: 'svc', parentId: 'n1', cards: ['s1', 's2', 's3'] },
			{ id: 'ext', parentId: 'svc', cards: [] },
			{ id: 'probe', parentId: 'n1', cards: ['p1', 'p2'] }
		]);
		await syncDecks(serve([withoutExt]).fetchJson);

		await rateShown(study, 3, NOW);
		expect(study.removed).toBe(shownId);
		expect(study.error).toBe('');
		expect(study.notSaved).toBe(0);
		expect(await cardReviewLog(shownId)).toEqual([]);
		expect(await getProgress(shownId)).toEqual(stored.find((p) => p.cardId === shownId));
		// The other card left too: the rebuilt queue holds neither.
		expect(study.finished).toBe(true);
		expect(study.summary.ratings).toBe(0);
	});

	it('clears a failed save’s message once a later rating is saved, and counts the ratings not saved until then', async () => {
		const study = await started();
		closeDatabase();
		await rateShown(study, 3, NOW);
		expect(study.error).toBe('The local database is not open');
		expect(study.notSaved).toBe(1);
		// Taken back: the same card asks for its rating again.
		expect(study.shown?.card.id).toBe('s1');

		await openTestDatabase(factory);
		await rateShown(study, 3, NOW + 1000);
		expect(study.error).toBe('');
		expect(study.notSaved).toBe(0);
		expect(study.shown?.card.id).toBe('s2');
		expect(await cardReviewLog('s1')).toHaveLength(1);
	});
});

describe('a session left open across the day start', () => {
	it('takes the new day’s new-card limit on newDay, keeping the card shown', async () => {
		const study = new Study(null, { ...DEFAULT_SETTINGS, newPerDay: 2 });
		await study.start(NOW);
		await rateShown(study, 4, NOW);
		expect(study.remaining.new).toBe(1);
		const shown = study.shown!.card.id;
		await study.newDay(NOW + 1000);
		expect(study.remaining.new).toBe(1);
		const tomorrow = nextDayStart(NOW, DEFAULT_SETTINGS.dayStartHour) + 60_000;
		await study.newDay(tomorrow);
		expect(study.shown!.card.id).toBe(shown);
		expect(study.remaining.new).toBe(2);
	});
});
