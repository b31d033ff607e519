import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database } from './database';
import { deckCounts } from './counts';
import { importProgress } from './bulk';
import { deckCards, deckTree, getCards, getDeck } from './content';
import { DeckDataError } from './errors';
import { getProgress, recordReview } from './progress';
import { hasStoredDecks, syncDecks } from './sync';
import { k8sNote, logOf, logsNote, makeNote, NOW, openTestDatabase, progressOf, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('syncDecks', () => {
	it('loads every note on the first sync, decks in order and cards in note order', async () => {
		const { fetchJson, fetched } = serve([k8sNote(), logsNote()]);
		const report = await syncDecks(fetchJson);
		expect(report).toEqual({ added: ['n1', 'n2'], updated: [], removed: [], unchanged: 0, cardsWritten: 10, cardsRemoved: 0 });
		expect(fetched.sort()).toEqual(['index.json', 'n1.json', 'n2.json']);
		expect((await deckTree()).map((d) => d.id)).toEqual(['n1', 'svc', 'ext', 'probe', 'n2', 'logs']);
		expect(await getDeck('svc')).toMatchObject({ title: 'svc', parentId: 'n1', cardCount: 5 });
		expect((await deckCards('svc')).map((c) => c.card.id)).toEqual(['s1', 's2', 's3', 'e1', 'e2']);
		expect((await getCards(['p2', 'missing', 's1'])).map((c) => c.id)).toEqual(['p2', 's1']);
	});

	it('knows whether decks are stored, so a later start need not wait for the sync', async () => {
		expect(await hasStoredDecks()).toBe(false);
		await syncDecks(serve([k8sNote()]).fetchJson);
		expect(await hasStoredDecks()).toBe(true);
	});

	it('fetches nothing but the index when no hash changed', async () => {
		const { fetchJson, fetched } = serve([k8sNote(), logsNote()]);
		await syncDecks(fetchJson);
		fetched.length = 0;
		const report = await syncDecks(fetchJson);
		expect(fetched).toEqual(['index.json']);
		expect(report).toEqual({ added: [], updated: [], removed: [], unchanged: 2, cardsWritten: 0, cardsRemoved: 0 });
	});

	it('replaces only the note whose hash changed', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const { fetchJson, fetched } = serve([k8sNote('h1b', 'new answer'), logsNote()]);
		const report = await syncDecks(fetchJson);
		expect(fetched.sort()).toEqual(['index.json', 'n1.json']);
		expect(report.updated).toEqual(['n1']);
		const [s1] = await getCards(['s1']);
		expect(s1.back).toBe('new answer');
	});

	it('keeps the progress of a card whose answer changed', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const progress = progressOf('s1');
		await recordReview(progress, logOf(progress, null, NOW));
		await syncDecks(serve([k8sNote('h1b', 'edited')]).fetchJson);
		expect(await getProgress('s1')).toEqual(progress);
		expect((await deckCards('svc'))[0]).toMatchObject({ card: { back: 'edited' }, progress });
	});

	it('hides the progress of a card that left the notes and shows it again when it returns', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const progress = progressOf('s2');
		await recordReview(progress, logOf(progress, null, NOW));
		const without = makeNote('k8s.md', 'h1-less', [
			{ id: 'n1', cards: [] },
			{ id: 'svc', parentId: 'n1', cards: ['s1', 's3'] }
		]);
		await syncDecks(serve([without]).fetchJson);
		expect((await deckCards('svc')).map((c) => c.card.id)).toEqual(['s1', 's3']);
		expect(await getProgress('s2')).toEqual(progress);
		expect(await database().progress.where('cardId').equals('s2').first()).toMatchObject({ live: 0, active: 0 });

		await syncDecks(serve([k8sNote()]).fetchJson);
		expect((await deckCards('svc'))[1]).toEqual({ card: expect.objectContaining({ id: 's2' }), progress });
		expect(await database().progress.where('cardId').equals('s2').first()).toMatchObject({ live: 1, active: 1 });
	});

	it('places progress imported before its card existed once the card arrives', async () => {
		const progress = progressOf('s1');
		await importProgress([progress]);
		expect(await getProgress('s1')).toEqual(progress);
		await syncDecks(serve([k8sNote()]).fetchJson);
		expect((await deckCards('svc'))[0].progress).toEqual(progress);
		expect(await database().progress.where('cardId').equals('s1').first()).toMatchObject({ deckId: 'svc', noteId: 'n1', live: 1 });
	});

	it('removes a note no longer listed, keeping its progress hidden', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const progress = progressOf('l1');
		await recordReview(progress, logOf(progress, null, NOW));
		const report = await syncDecks(serve([k8sNote()]).fetchJson);
		expect(report.removed).toEqual(['n2']);
		expect((await deckTree()).map((d) => d.id)).toEqual(['n1', 'svc', 'ext', 'probe']);
		expect(await getCards(['l0', 'l1'])).toEqual([]);
		expect(await getProgress('l1')).toEqual(progress);

		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		expect((await deckCards('logs'))[0].progress).toEqual(progress);
	});

	it('follows a new note order without refetching', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const { fetchJson, fetched } = serve([logsNote(), k8sNote()]);
		await syncDecks(fetchJson);
		expect(fetched).toEqual(['index.json']);
		expect((await deckTree()).map((d) => d.id)).toEqual(['n2', 'logs', 'n1', 'svc', 'ext', 'probe']);
	});

	it('refuses another schema and changes nothing', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const { files, fetchJson } = serve([k8sNote('h1b', 'edited'), logsNote()]);
		files.set('index.json', { ...(files.get('index.json') as object), schema: 2 });
		await expect(syncDecks(fetchJson)).rejects.toThrow(/schema 2, but this app reads schema 1/);
		await expect(syncDecks(fetchJson)).rejects.toBeInstanceOf(DeckDataError);
		expect((await deckTree()).map((d) => d.id)).toEqual(['n1', 'svc', 'ext', 'probe']);
	});

	it('applies nothing when one changed note is broken', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const { files, fetchJson } = serve([k8sNote('h1b', 'edited'), logsNote()]);
		const broken = structuredClone(files.get('n2.json')) as { cards: { deckId: string }[] };
		broken.cards[0].deckId = 'nowhere';
		files.set('n2.json', broken);
		await expect(syncDecks(fetchJson)).rejects.toThrow(/n2.json cards\[0\]: unknown deck nowhere/);
		expect((await getCards(['s1']))[0].back).toBe('answer s1');
		expect(await getDeck('n2')).toBeUndefined();
	});

	it('refuses a note whose hash disagrees with the index', async () => {
		const { files, fetchJson } = serve([k8sNote()]);
		files.set('n1.json', { ...(files.get('n1.json') as object), hash: 'older' });
		await expect(syncDecks(fetchJson)).rejects.toThrow(/differs from index.json/);
		expect(await deckTree()).toEqual([]);
	});

	const built = new URL('../../../static/decks/', import.meta.url);
	it.skipIf(!existsSync(new URL('index.json', built)))('loads the decks `npm run decks` built', async () => {
		const readJson = async (path: string) => JSON.parse(readFileSync(new URL(path, built), 'utf8'));
		const index = await readJson('index.json');
		await syncDecks(readJson);
		expect((await deckTree()).map((d) => d.id)).toEqual(index.decks.map((d: { id: string }) => d.id));
		const root = index.notes[0];
		expect((await deckCounts(0, 1)).get(root.deckId)).toEqual({
			cards: root.cardCount,
			newAvailable: root.cardCount,
			learning: 0,
			due: 0
		});
	});
});
