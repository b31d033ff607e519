// Issue #20: a first visit's /review shows its first card from the deck files while the
// database opens and the decks are imported (services/first-visit-card.ts, Study.preview).
// The card must be the one the session shows first, and what is given on it before the
// database is there must be kept, written once, and never applied to another card.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as db from '$lib/db';
import { database } from '$lib/db/database';
import { k8sNote, logsNote, makeNote, NOW, openTestDatabase, progressOf, serve, storedRatingCount } from '$lib/db/testing';
import { DEFAULT_SETTINGS } from '$lib/scheduler';
import { firstCardFromFiles } from '$lib/services/first-visit-card';
import { Study } from './study.svelte';

// As in the browser, a rating's id needs the open database (its device id); here the device id
// of an earlier test's database would stay loaded, so the database is asked whether it is open.
vi.mock('$lib/db', async (original) => {
	const actual = await original<typeof import('$lib/db')>();
	return {
		...actual,
		newEventId: (at: number) => {
			database();
			return actual.newEventId(at);
		}
	};
});

afterEach(() => db.closeDatabase());

type FetchJson = (path: string) => Promise<unknown>;

// The owner's notes as `npm run decks` builds them (npm test runs it first).
const built = new URL('../../../static/decks/', import.meta.url);
const ownerDecks: FetchJson = async (path) => JSON.parse(readFileSync(new URL(path, built), 'utf8')) as unknown;

/** The session's first card once the decks are stored, from index heads (open) or from the whole queue (start). */
async function sessionFirst(fetchJson: FetchJson, how: 'open' | 'start') {
	await openTestDatabase(new IDBFactory());
	await db.syncDecks(fetchJson);
	const study = new Study(null, DEFAULT_SETTINGS);
	await (how === 'open' ? study.open(NOW) : study.start(NOW));
	db.closeDatabase();
	return study.shown && { card: study.shown.card, context: study.shown.context };
}

/** A first visit: the card from the files is shown and storage is held until the returned `ready` is called. */
async function firstVisit(fetchJson: FetchJson) {
	const card = await firstCardFromFiles(fetchJson);
	expect(card).not.toBeNull();
	let release!: () => void;
	const storage = new Promise<void>((resolve) => (release = resolve));
	const study = new Study(null, DEFAULT_SETTINGS);
	study.preview(card!, storage, NOW);
	/** The database opens and the decks are stored, then the page opens the session as it does. */
	const ready = async (before?: () => Promise<void>) => {
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(fetchJson);
		await before?.();
		release();
		await study.open(NOW + 5000);
	};
	return { study, card: card!, ready, release, fetchJson };
}

describe('the first card from the deck files', () => {
	it.each([
		['two notes', serve([k8sNote(), logsNote()]).fetchJson],
		['a note whose root deck holds cards first', serve([logsNote(), k8sNote()]).fetchJson],
		['the owner’s notes', ownerDecks]
	])('is the card the session shows first, with the same card and context (%s)', async (_, fetchJson) => {
		const fromFiles = await firstCardFromFiles(fetchJson);
		expect(fromFiles).not.toBeNull();
		expect(fromFiles).toEqual(await sessionFirst(fetchJson, 'open'));
		expect(fromFiles).toEqual(await sessionFirst(fetchJson, 'start'));
	});

	it('is none when the first note has no card: the session starts in a note the database may not hold yet', async () => {
		const { files, fetchJson } = serve([k8sNote(), logsNote()]);
		const index = files.get('index.json') as { notes: { cardCount: number }[] };
		index.notes[0].cardCount = 0;
		expect(await firstCardFromFiles(fetchJson)).toBeNull();
	});
});

describe('Study.preview', () => {
	it('shows the card at once; its reveal and rating wait for storage, are written once, and the session goes on after it', async () => {
		const { study, ready } = await firstVisit(serve([k8sNote()]).fetchJson);
		expect(study.shown?.card.id).toBe('s1');
		expect(study.shown?.progress).toBeNull();
		expect(study.counted).toBe(false);
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		expect(study.unsaved).toBe(1);
		expect(study.waiting).toBe(true);
		// The next card's reveal and rating, given before there is a database: replayed in order.
		study.reveal();
		const second = study.rate(4, NOW + 2000);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(study.unsaved).toBe(1);
		await ready();
		await Promise.all([rated, second]);
		expect(study.unsaved).toBe(0);
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
		expect((await db.cardReviewLog('s2')).map((log) => log.rating)).toEqual([4]);
		expect(study.shown?.card.id).toBe('s3');
		expect(study.remaining).toEqual({ new: 5, learning: 1, review: 0 });
		expect(study.summary).toMatchObject({ cards: 2, ratings: 2 });
		await study.undo(NOW + 3000);
		await study.undo(NOW + 3000);
		expect(study.shown?.card.id).toBe('s1');
		expect(await storedRatingCount()).toBe(0);
	});

	it('writes the rating as soon as storage is ready, before the session is opened', async () => {
		const { study, release, fetchJson } = await firstVisit(serve([k8sNote()]).fetchJson);
		study.reveal();
		const rated = study.rate(3, NOW + 1000);
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(fetchJson);
		release();
		await vi.waitUntil(() => study.unsaved === 0);
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
		expect(study.counted).toBe(false);
		await study.open(NOW + 5000);
		await rated;
		expect(study.shown?.card.id).toBe('s2');
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
	});

	it('keeps the card and its open answer when the session opens, then rates it as any card', async () => {
		const { study, ready } = await firstVisit(serve([k8sNote()]).fetchJson);
		const shown = study.shown;
		study.reveal();
		await ready();
		expect(study.shown).toBe(shown);
		expect(study.revealed).toBe(true);
		expect(study.counted).toBe(true);
		expect(study.remaining.new).toBe(7);
		await study.rate(3, NOW + 6000);
		expect(study.shown?.card.id).toBe('s2');
		expect(await db.cardReviewLog('s1')).toHaveLength(1);
	});

	it('gives way to the session’s own first card when the database already holds progress for it, with nothing rated', async () => {
		const { study, ready } = await firstVisit(serve([k8sNote()]).fetchJson);
		await ready(() => db.importProgress([progressOf('s1', { due: NOW + 30 * 86_400_000 })]));
		expect(study.shown?.card.id).toBe('s2');
		expect(await storedRatingCount()).toBe(0);
	});

	it('refuses a rating given on it when the database already holds progress for it, and shows the session’s card', async () => {
		const { study, ready } = await firstVisit(serve([k8sNote()]).fetchJson);
		study.reveal();
		const rated = study.rate(1, NOW + 1000);
		await ready(() => db.importProgress([progressOf('s1', { due: NOW + 30 * 86_400_000 })]));
		await rated;
		expect(await storedRatingCount()).toBe(0);
		expect((await db.getProgress('s1'))?.due).toBe(NOW + 30 * 86_400_000);
		expect(study.shown?.card.id).toBe('s2');
	});

	it('keeps a card the notes no longer hold on screen; its rating is refused and the page says it was skipped', async () => {
		const card = await firstCardFromFiles(serve([k8sNote()]).fetchJson);
		const withoutS1 = makeNote('k8s.md', 'h2', [
			{ id: 'n1', cards: [] },
			{ id: 'svc', parentId: 'n1', cards: ['s2', 's3'] }
		]);
		let release!: () => void;
		const study = new Study(null, DEFAULT_SETTINGS);
		study.preview(card!, new Promise<void>((resolve) => (release = resolve)), NOW);
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(serve([withoutS1]).fetchJson);
		release();
		await study.open(NOW + 5000);
		expect(study.shown?.card.id).toBe('s1');
		study.reveal();
		await study.rate(3, NOW + 6000);
		await vi.waitUntil(() => study.shown?.card.id === 's2');
		expect(study.removed).toBe('s1');
		expect(await storedRatingCount()).toBe(0);
	});

	it('counts the rating as not saved when storage never opens', async () => {
		const card = await firstCardFromFiles(serve([k8sNote()]).fetchJson);
		const study = new Study(null, DEFAULT_SETTINGS);
		study.preview(card!, Promise.reject(new Error('blocked')), NOW);
		study.reveal();
		void study.rate(3, NOW + 1000);
		await vi.waitUntil(() => study.unsaved === 0);
		expect(study.notSaved).toBe(1);
		expect(study.error).toContain('blocked');
	});

	it('is not shown once the session has opened', async () => {
		const { fetchJson } = serve([k8sNote(), logsNote()]);
		await openTestDatabase(new IDBFactory());
		await db.syncDecks(fetchJson);
		await db.importProgress([progressOf('s1', { due: NOW + 30 * 86_400_000 })]);
		const study = new Study(null, DEFAULT_SETTINGS);
		await study.open(NOW);
		study.preview((await firstCardFromFiles(fetchJson))!, Promise.resolve(), NOW);
		expect(study.shown?.card.id).toBe('s2');
	});
});
