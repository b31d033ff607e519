import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteDecks } from '$lib/notes/types';
import { closeDatabase, database } from './database';
import { getCards } from './content';
import { getProgress, recordReview } from './progress';
import { syncDecks, type SyncProgress } from './sync';
import { k8sNote, logOf, logsNote, NOW, openTestDatabase, progressOf, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

/** Every card page IndexedDB is asked to create or change from now on, as 'note/page' (see card-store.ts). */
function watchCardWrites(): string[] {
	const written: string[] = [];
	const add = (key: unknown) => void written.push((key as [string, number]).join('/'));
	database().cardPages.hook('creating', (key) => add(key));
	database().cardPages.hook('updating', (_changes, key) => add(key));
	return written;
}

function withAnswer(note: NoteDecks, hash: string, cardId: string, back: string): NoteDecks {
	const cards = note.cards.map((card) => (card.id === cardId ? { ...card, back, backText: back } : card));
	return { ...note, hash, cards };
}

const backs = async (ids: string[]) => Object.fromEntries((await getCards(ids)).map((card) => [card.id, card.back]));

describe('a deck update touches only what changed', () => {
	it('writes only the page of the card whose answer changed', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const written = watchCardWrites();
		const report = await syncDecks(serve([withAnswer(k8sNote(), 'h1b', 'e1', 'new'), logsNote()]).fetchJson);
		expect(written).toEqual(['n1/0']);
		expect(report).toMatchObject({ updated: ['n1'], cardsWritten: 1, cardsRemoved: 0 });
		expect(await backs(['s1', 'e1'])).toEqual({ s1: 'answer s1', e1: 'new' });
	});

	it('reads no old card page and no progress to find an edited card', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const progress = progressOf('e1');
		await recordReview(progress, logOf(progress, null, NOW));
		const read: string[] = [];
		database().cardPages.hook('reading', (page) => (read.push(`page ${page.noteId}/${page.page}`), page));
		database().progress.hook('reading', (row) => (read.push(`progress ${row.cardId}`), row));
		await syncDecks(serve([withAnswer(k8sNote(), 'h1b', 'e1', 'new'), logsNote()]).fetchJson);
		expect(read).toEqual([]);
		expect(await backs(['e1'])).toEqual({ e1: 'new' });
	});

	it('rewrites the page of the cards a removed card moves up, and deletes it', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const written = watchCardWrites();
		const note = k8sNote('h1b');
		const report = await syncDecks(serve([{ ...note, cards: note.cards.filter((card) => card.id !== 'e2') }]).fetchJson);
		// Cards are kept in note order (pos): those after e2 move up one place, on the note's one page.
		expect(written).toEqual(['n1/0']);
		expect(report).toMatchObject({ cardsWritten: 2, cardsRemoved: 1 });
		expect((await getCards(['e2', 'p1'])).map((card) => card.id)).toEqual(['p1']);
	});

	it('finds changes in notes stored before cards had digests, by reading their rows once', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		await database().notes.update('n1', { cardDigests: undefined });
		const written = watchCardWrites();
		await syncDecks(serve([withAnswer(k8sNote(), 'h1b', 's2', 'new')]).fetchJson);
		expect(written).toEqual(['n1/0']);
		expect((await database().notes.get('n1'))?.cardDigests).toHaveLength(7 * 16);
	});
});

describe('a deck update in chunks, a note at a time', () => {
	it('reports its progress in cards, before the first note and after each', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const seen: SyncProgress[] = [];
		await syncDecks(serve([k8sNote('h1b', 'x'), logsNote()]).fetchJson, { onProgress: (p) => seen.push({ ...p }) });
		expect(seen).toEqual([
			{ done: 0, total: 10 },
			{ done: 7, total: 10 },
			{ done: 10, total: 10 }
		]);
	});

	it('shows its progress while the changed notes download, before any is written', async () => {
		await syncDecks(serve([k8sNote()]).fetchJson);
		const served = serve([k8sNote('h1b', 'x'), logsNote()]);
		let arrive = () => {};
		const held = new Promise<void>((resolve) => (arrive = resolve));
		const fetchJson = async (path: string) => (path === 'n2.json' ? held.then(() => served.fetchJson(path)) : served.fetchJson(path));
		const seen: SyncProgress[] = [];
		const sync = syncDecks(fetchJson, { onProgress: (p) => seen.push({ ...p }) });
		await expect.poll(() => seen).toEqual([{ done: 0, total: 10 }]);
		expect(await backs(['s1'])).toEqual({ s1: 'answer s1' });
		arrive();
		await sync;
		expect(seen).toEqual([
			{ done: 0, total: 10 },
			{ done: 7, total: 10 },
			{ done: 10, total: 10 }
		]);
	});

	it('lets readers between two notes see each note whole: the first all new, the second all old', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const between: Promise<Record<string, string>>[] = [];
		const edited = { ...logsNote('h2b'), cards: logsNote().cards.map((card) => ({ ...card, back: 'new' })) };
		await syncDecks(serve([k8sNote('h1b', 'new'), edited]).fetchJson, {
			onProgress: ({ done }) => void (done === 7 && between.push(backs(['s1', 's2', 'e1', 'l0', 'l1', 'l2'])))
		});
		expect(await between[0]).toEqual({ s1: 'new', s2: 'new', e1: 'answer e1', l0: 'answer l0', l1: 'answer l1', l2: 'answer l2' });
		expect(await backs(['l0', 'l2'])).toEqual({ l0: 'new', l2: 'new' });
	});

	it('leaves a note that fails half-way as it was, with its old hash, and the next sync finishes it', async () => {
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		const progress = progressOf('l1');
		await recordReview(progress, logOf(progress, null, NOW));
		const logs = logsNote('h2b');
		// l1's answer changes, then a new card whose page cannot be written (its key's JSON throws
		// from the second time on: once the card's digest is made) fails the note's transaction
		// after the note's decks were put.
		let used = 0;
		const rowKey = {
			toJSON() {
				if (used++ > 0) throw new Error('this card could not be cloned');
				return 'x';
			}
		};
		const broken = {
			...logs,
			cards: [...logs.cards.map((card) => (card.id === 'l1' ? { ...card, back: 'new' } : card)), { ...logs.cards[2], id: 'l3', rowKey }]
		} as unknown as NoteDecks;
		const served = serve([k8sNote('h1b', 'new'), logs]);
		const fetchJson = async (path: string) => (path === 'n2.json' ? broken : served.fetchJson(path));
		await expect(syncDecks(fetchJson)).rejects.toThrow(/could not be cloned/);

		expect(await backs(['s1', 'l1', 'l3'])).toEqual({ s1: 'new', l1: 'answer l1' });
		expect(await database().notes.get('n2')).toMatchObject({ hash: 'h2' });
		expect(await getProgress('l1')).toEqual(progress);

		const fixed = serve([
			k8sNote('h1b', 'new'),
			{ ...logs, cards: logs.cards.map((card) => (card.id === 'l1' ? { ...card, back: 'new' } : card)) }
		]);
		const report = await syncDecks(fixed.fetchJson);
		expect(fixed.fetched.sort()).toEqual(['index.json', 'n2.json']);
		expect(report).toMatchObject({ updated: ['n2'], cardsWritten: 1 });
		expect(await backs(['l1'])).toEqual({ l1: 'new' });
		expect(await getProgress('l1')).toEqual(progress);
	});
});
