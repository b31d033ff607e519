import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable } from 'dexie';
import type { NoteDecks } from '$lib/notes/types';
import { ReviewSession } from '$lib/scheduler/session';
import { remainingLimits } from '$lib/scheduler/queue-kind';
import { DEFAULT_SETTINGS, LEARNING, type CardProgress, type SchedulerSettings } from '$lib/scheduler/types';
import { importProgress } from './bulk';
import { closeDatabase, database } from './database';
import { sessionHead } from './first-card';
import { randomCollection, storeCollection } from './first-card.testing';
import { queueSource, type StudyWindow } from './queue';
import { newProgress } from './rows';
import { syncDecks } from './sync';
import { DAY, HOUR, makeNote, MINUTE, NEXT_DAY, NOW, openTestDatabase, progressOf, serve } from './testing';

const WINDOW: StudyWindow = { now: NOW, dayStart: NEXT_DAY - DAY, nextDayStart: NEXT_DAY };

afterEach(closeDatabase);

/** What a session built from the whole queue (as Study.start builds it) shows first. */
async function queueHead(settings: SchedulerSettings) {
	const source = await queueSource(null, WINDOW);
	const progress = new Map(source.progress.map((row) => [row.cardId, row]));
	const newIds = new Set(source.newCardIds);
	const session = new ReviewSession({
		cardIds: source.cardIds.filter((id) => newIds.has(id) || progress.has(id)),
		progress,
		newIntroducedToday: source.today.introduced,
		reviewsDoneToday: source.today.reviewed,
		now: NOW,
		settings
	});
	const next = session.next(NOW);
	return { head: next && { cardId: next.cardId, progress: progress.get(next.cardId) ?? null }, today: source.today };
}

function fastHead(settings: SchedulerSettings, today: { introduced: number; reviewed: number }) {
	const { newLimit, reviewLimit } = remainingLimits(settings.newPerDay, settings.reviewsPerDay, today.introduced, today.reviewed);
	return sessionHead(WINDOW, { newLimit, reviewLimit, learnAheadMs: settings.learnAheadMinutes * MINUTE });
}

/**
 * Counts every row, key and cursor step the database hands up, through Dexie's own middleware
 * (installed on the open database, which Dexie applies when it opens again).
 */
async function countReads(): Promise<{ reads: number }> {
	const counter = { reads: 0 };
	const add = (n: number) => (counter.reads += n);
	const db = database();
	db.close();
	db.use({
		stack: 'dbcore',
		name: 'count-reads',
		create: (down: DBCore): DBCore => ({
			...down,
			table(name: string): DBCoreTable {
				const table = down.table(name);
				return {
					...table,
					get: async (req) => {
						add(1);
						return table.get(req);
					},
					getMany: async (req) => {
						add(req.keys.length);
						return table.getMany(req);
					},
					query: async (req) => {
						const res = await table.query(req);
						add(res.result.length);
						return res;
					},
					count: async (req) => {
						const n = await table.count(req);
						add(n);
						return n;
					},
					openCursor: async (req) => {
						const cursor = await table.openCursor(req);
						if (!cursor) return cursor;
						return Object.create(cursor, {
							start: { value: (onNext: () => void) => cursor.start(() => (add(1), onNext())) }
						});
					}
				};
			}
		})
	});
	await db.open();
	return counter;
}

/** Two notes of `perNote` cards each (a root deck and two tables); ids say note and place. */
function twoNotes(perNote: number): NoteDecks[] {
	return ['a', 'b'].map((n) => {
		const ids = Array.from({ length: perNote }, (_, i) => `${n}${String(i).padStart(6, '0')}`);
		return makeNote(`${n}.md`, `h-${n}`, [
			{ id: `${n}-root`, cards: [] },
			{ id: `${n}-t1`, parentId: `${n}-root`, cards: ids.slice(0, perNote / 2) },
			{ id: `${n}-t2`, parentId: `${n}-root`, cards: ids.slice(perNote / 2) }
		]);
	});
}

async function seeded(notes: NoteDecks[], progress: CardProgress[]) {
	await openTestDatabase(new IDBFactory());
	await syncDecks(serve(notes).fetchJson);
	await importProgress(progress);
}

describe('sessionHead reads only what it shows', () => {
	/**
	 * Every 4th card studied: the earliest reviews at the start of note a, the rest due later
	 * or not yet; a few suspended, buried and learning rows, as many at either size (buried
	 * cards come back the next day, so there are only ever a few).
	 */
	function studiedEveryFourth(notes: NoteDecks[], dueReviews: number): CardProgress[] {
		const ids = notes.flatMap((note) => note.cards.map((card) => card.id));
		return ids
			.filter((_, i) => i % 4 === 0)
			.map((id, i) => {
				if (i < 100 && i % 50 === 7) return progressOf(id, { due: NOW - DAY, suspended: 1 });
				if (i < 100 && i % 50 === 9) return progressOf(id, { due: NOW - DAY, buriedUntil: NEXT_DAY });
				if (i % 50 === 11) return progressOf(id, { state: LEARNING, due: NOW + 2 * HOUR + i * MINUTE });
				return progressOf(id, { due: i < dueReviews ? NOW - 10 * DAY + i * MINUTE : NOW + 30 * DAY });
			});
	}

	for (const [situation, dueReviews, expected] of [
		['a review comes first', 1_000_000, 'a000000'],
		['a new card comes first', 3, 'a000001']
	] as const) {
		it(`reads as much for 20,000 cards as for 1,000 when ${situation}`, async () => {
			const reads: number[] = [];
			for (const perNote of [500, 10_000]) {
				const notes = twoNotes(perNote);
				await seeded(notes, studiedEveryFourth(notes, dueReviews));
				const { head, today } = await queueHead(DEFAULT_SETTINGS);
				const counter = await countReads();
				const fast = await fastHead(DEFAULT_SETTINGS, today);
				reads.push(counter.reads);
				expect(fast).toEqual(head);
				expect(fast?.cardId).toBe(expected);
				closeDatabase();
			}
			// Card places come from their notes' directory rows (card-store.ts): one row per note the
			// heads fall in, which depends on where they fall, not on how many cards there are.
			expect(Math.abs(reads[1] - reads[0])).toBeLessThanOrEqual(2);
			expect(reads[0]).toBeLessThan(120);
		}, 120_000);
	}
});

describe('sessionHead', () => {
	it('gives the card the whole queue shows first, with the same row, over 120 random collections', async () => {
		const kinds = new Map<string, number>();
		for (let seed = 1; seed <= 120; seed++) {
			const collection = randomCollection(seed);
			const { settings } = collection;
			await openTestDatabase(new IDBFactory());
			await storeCollection(collection);
			const { head, today } = await queueHead(settings);
			const fast = await fastHead(settings, today);
			expect(fast, `seed ${seed}`).toEqual(head);
			const kind = head === null ? 'none' : head.progress === null ? 'new' : String(head.progress.state);
			kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
			closeDatabase();
		}
		// The seeds reach every kind of first card.
		expect([...kinds.keys()].sort()).toEqual(['0', '1', '2', '3', 'new', 'none']);
	}, 120_000);
});

describe('sessionHead past the start of a note', () => {
	it('finds a reset card and a card whose row was kept under no deck, in note order, past the first 64', async () => {
		const notes = twoNotes(200);
		const ids = notes[0].cards.map((card) => card.id);
		// a000000–a000099 studied (not due), but a000080 was reset and a000090 studied before its note existed.
		const studied = ids.slice(0, 100).map((id) => progressOf(id, { due: NOW + 30 * DAY }));
		studied[80] = newProgress(ids[80]);
		await openTestDatabase(new IDBFactory());
		await importProgress([{ ...newProgress(ids[90]) }]);
		await syncDecks(serve(notes).fetchJson);
		await importProgress(studied.filter((_, i) => i !== 90));
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3 };
		const { head, today } = await queueHead(settings);
		expect(head?.cardId).toBe('a000080');
		expect(await fastHead(settings, today)).toEqual(head);
		// With a review due, the new card comes first only while there are more new cards than reviews.
		await importProgress([progressOf(ids[150], { due: NOW - DAY })]);
		const withReview = await queueHead(settings);
		expect(await fastHead(settings, withReview.today)).toEqual(withReview.head);
		expect(withReview.head?.cardId).toBe('a000080');
		// Once a000080 is studied, the card with the row kept under no deck is the session's next new card.
		await importProgress([progressOf(ids[80], { due: NOW + 30 * DAY })]);
		const kept = await queueHead(settings);
		expect(kept.head?.cardId).toBe('a000090');
		expect(await fastHead(settings, kept.today)).toEqual(kept.head);
	});
});
