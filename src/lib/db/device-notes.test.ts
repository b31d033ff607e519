import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database } from './database';
import { deckCards, deckTree, getCards } from './content';
import { deviceNotes, NoteClashError, planDeviceNote, removeDeviceNote, storeDeviceNote } from './device-notes';
import { getProgress, recordReview } from './progress';
import { syncDecks } from './sync';
import { k8sNote, logOf, logsNote, makeNote, NOW, openTestDatabase, progressOf, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

/** A note added on the device: "d1" › "dsec", from my.md. */
function myNote(hash = 'd', back?: string, cards = ['m1', 'm2', 'm3']) {
	return makeNote('my.md', hash, [
		{ id: 'd1', cards: [] },
		{ id: 'dsec', parentId: 'd1', cards, back }
	]);
}

describe('device notes', () => {
	it('stores the note, its decks and cards after the bundled notes, with its markdown', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		expect(await planDeviceNote(myNote())).toEqual({ clash: null, before: null });
		await storeDeviceNote('my.md', '| a | b |', myNote());
		expect((await deckTree()).map((d) => d.id)).toEqual(['n1', 'svc', 'ext', 'probe', 'd1', 'dsec']);
		expect((await deckCards('d1')).map((c) => c.card.id)).toEqual(['m1', 'm2', 'm3']);
		expect(await deviceNotes()).toEqual([{ id: 'd1', file: 'my.md', cardCount: 3, markdown: '| a | b |' }]);
		expect(await database().notes.get('d1')).toMatchObject({ source: 'device', file: 'my.md' });
	});

	it('re-import keeps the progress of unchanged and edited cards and hides the removed ones', async () => {
		await storeDeviceNote('my.md', 'v1', myNote());
		for (const id of ['m1', 'm3']) {
			const progress = progressOf(id);
			await recordReview(progress, logOf(progress, null, NOW));
		}
		const edited = myNote('d2', 'edited', ['m1', 'm2', 'm4']);
		const plan = await planDeviceNote(edited);
		expect(plan.clash).toBeNull();
		expect(plan.before?.map((c) => c.id)).toEqual(['m1', 'm2', 'm3']);
		await storeDeviceNote('my.md', 'v2', edited);
		expect(await getProgress('m1')).toEqual(progressOf('m1'));
		expect((await getCards(['m1']))[0].back).toBe('edited');
		expect(await database().progress.where('cardId').equals('m3').first()).toMatchObject({ live: 0, active: 0 });
		expect((await deviceNotes())[0].markdown).toBe('v2');
	});

	it('remove takes its decks and cards away and keeps its progress hidden', async () => {
		await storeDeviceNote('my.md', 'v1', myNote());
		const progress = progressOf('m1');
		await recordReview(progress, logOf(progress, null, NOW));
		expect(await removeDeviceNote('d1')).toBe(true);
		expect(await deckTree()).toEqual([]);
		expect([await database().cardNotes.count(), await database().cardPages.count()]).toEqual([0, 0]);
		expect(await database().progress.where('cardId').equals('m1').first()).toMatchObject({ live: 0, active: 0, reps: 3 });
		expect(await deviceNotes()).toEqual([]);
	});

	it('never removes a bundled note', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		expect(await removeDeviceNote('n1')).toBe(false);
		expect((await deckTree()).map((d) => d.id)).toContain('n1');
	});

	it('refuses a note whose deck ids a bundled note owns, changing nothing', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const sameName = makeNote('k8s.md', 'x', [{ id: 'n1', cards: ['z1'] }]);
		expect(await planDeviceNote(sameName)).toEqual({ clash: { file: 'k8s.md', bundled: true }, before: null });
		await expect(storeDeviceNote('k8s.md', 'x', sameName)).rejects.toBeInstanceOf(NoteClashError);
		expect((await deckCards('svc')).length).toBe(5);
		expect(await database().notes.get('n1')).not.toHaveProperty('source');
	});

	it('refuses a note whose sub-deck belongs to another device note', async () => {
		await storeDeviceNote('my.md', 'v1', myNote());
		const other = makeNote('other.md', 'o', [
			{ id: 'o1', cards: [] },
			{ id: 'dsec', parentId: 'o1', cards: ['o2'] }
		]);
		expect((await planDeviceNote(other)).clash).toEqual({ file: 'my.md', bundled: false });
		await expect(storeDeviceNote('other.md', 'o', other)).rejects.toBeInstanceOf(NoteClashError);
		expect((await deckCards('d1')).length).toBe(3);
	});
});

describe('syncDecks and device notes', () => {
	it('leaves device notes alone: not removed when missing from the index, not moved, not counted', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		await storeDeviceNote('my.md', 'v1', myNote());
		const before = await database().notes.get('d1');
		const report = await syncDecks(serve([k8sNote('h1b'), logsNote()]).fetchJson);
		expect(report).toEqual({ added: ['n2'], updated: ['n1'], removed: [], unchanged: 0, cardsWritten: 3, cardsRemoved: 0 });
		expect(await database().notes.get('d1')).toEqual(before);
		expect((await deckCards('d1')).map((c) => c.card.id)).toEqual(['m1', 'm2', 'm3']);
		expect((await deckTree()).map((d) => d.id).slice(-2)).toEqual(['d1', 'dsec']);
	});

	it('does not replace a device note by a bundled note of the same id', async () => {
		await storeDeviceNote('my.md', 'v1', myNote());
		const bundledTwin = makeNote('my.md', 'bundled', [{ id: 'd1', cards: ['b1'] }]);
		const { fetchJson, fetched } = serve([bundledTwin, logsNote()]);
		const report = await syncDecks(fetchJson);
		expect(fetched).not.toContain('d1.json');
		expect(report).toEqual({ added: ['n2'], updated: [], removed: [], unchanged: 0, cardsWritten: 3, cardsRemoved: 0 });
		expect(await database().notes.get('d1')).toMatchObject({ source: 'device', markdown: 'v1' });
		expect((await getCards(['b1', 'm1'])).map((c) => c.id)).toEqual(['m1']);
	});
});
