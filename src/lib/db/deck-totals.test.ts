import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mulberry32, randomInt, type Rng } from '$lib/quiz/rng';
import { DEFAULT_SETTINGS } from '$lib/scheduler';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardProgress, type CardStateKind } from '$lib/scheduler/types';
import { readBackup } from '$lib/backup/read';
import { BackupWriter } from '$lib/backup/write';
import { backupSettings, exportBackup, restoreBackup } from './backup';
import { importProgress } from './bulk';
import { deckCounts } from './counts';
import { CARD_TABLES } from './card-store';
import { closeDatabase, database, write } from './database';
import {
	BUCKET_MS,
	COMPLETE_KEY,
	contribution,
	dueBefore,
	emptyTotals,
	shardOf,
	tally,
	TOTALS_FORMAT,
	type WorkingTotals
} from './deck-totals';
import { packShard, toShardRows, unpackShard } from './deck-totals-pack';
import type { TotalsShardRow } from './rows';
import { recountTotals } from './deck-totals-store';
import { countReads, deckCountsFromRanges, logReads, outsideLog, todayTotals, todayTotalsFromRanges } from './deck-totals.testing';
import { deriveCards } from './derive';
import { LOG_TABLES } from './log-store';
import { buryUntil, getProgress, recordReview, resetProgress, setSuspended, undoLastReview } from './progress';
import { sendToReview } from './quiz-review';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, makeNote, MINUTE, NEXT_DAY, NOW, openTestDatabase, progressOf, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('a row’s contribution', () => {
	it('follows the [active+state+due] index: started, due per state, suspended in the notes', () => {
		const row = { deckId: 'd', noteId: 'n', active: 1, live: 1, suspended: 0, state: REVIEW, due: NOW };
		expect(contribution(row)).toEqual({
			deckId: 'd',
			noteId: 'n',
			started: 1,
			suspended: 0,
			due: { state: 'review', bucket: Math.floor(NOW / BUCKET_MS) }
		});
		expect(contribution({ ...row, active: 0, suspended: 1 })).toEqual({ deckId: 'd', noteId: 'n', started: 0, suspended: 1, due: null });
		// A row naming no note still counts for its deck.
		expect(contribution({ ...row, noteId: 7 })).toMatchObject({ deckId: 'd', noteId: null, started: 1 });
		expect(contribution({ ...row, active: 0, suspended: 1, live: 0 })).toBeNull();
		expect(contribution({ ...row, state: NEW })).toBeNull();
		// Not a key: in no range of the index. A string due is started but never due before a time.
		expect(contribution({ ...row, due: NaN })).toBeNull();
		expect(contribution({ ...row, due: 'soon' })).toMatchObject({ started: 1, due: null });
		for (const odd of [null, 7, 'row', {}, { ...row, deckId: 5 }]) expect(contribution(odd)).toBeNull();
	});

	it('counts whole buckets before a time, and names the bucket a time off the grid falls in', () => {
		const h = { buckets: [10, 11, 12], counts: [1, 2, 3] };
		expect(dueBefore(h, 12 * BUCKET_MS)).toEqual({ whole: 3, partial: null });
		expect(dueBefore(h, 12 * BUCKET_MS + 1)).toEqual({ whole: 3, partial: 12 });
		expect(dueBefore(h, 13 * BUCKET_MS + 1)).toEqual({ whole: 6, partial: null });
		expect(dueBefore(h, -Infinity)).toEqual({ whole: 0, partial: null });
	});

	it('believes only rows whose counts are whole, positive and in bucket order', () => {
		const shard = shardOf('d');
		const believed = (...entries: WorkingTotals[]) => unpackShard(packShard(shard, entries)) !== null;
		expect(believed(emptyTotals('d'))).toBe(true);
		expect(believed({ ...emptyTotals('d'), started: -1 })).toBe(false);
		expect(believed({ ...emptyTotals('d'), suspended: 0.5 })).toBe(false);
		expect(believed({ ...emptyTotals('d'), review: { buckets: [2, 1], counts: [1, 1] } })).toBe(false);
		expect(believed({ ...emptyTotals('d'), review: { buckets: [1, 1], counts: [1, 1] } })).toBe(false);
		expect(believed({ ...emptyTotals('d'), review: { buckets: [1], counts: [0] } })).toBe(false);
		expect(believed({ ...emptyTotals('d'), review: { buckets: [NaN], counts: [1] } })).toBe(false);
		expect(believed({ ...emptyTotals('d'), review: { buckets: [-Infinity, 1, Infinity], counts: [1, 2, 3] } })).toBe(true);
		expect(unpackShard(packShard((shard + 1) % 64, [emptyTotals('d')])), 'a deck in a row not its own').toBeNull();
		expect(believed(emptyTotals('d'), emptyTotals('d')), 'a deck twice').toBe(false);
		const inNotes = (...notes: (string | null)[]) => believed(...notes.map((note) => emptyTotals('d', note)));
		expect(inNotes('n1', null, 'n2'), 'a deck under three notes, once each').toBe(true);
		expect(inNotes('n1', 'n2', 'n1'), 'a deck under a note twice, not first').toBe(false);
		expect(inNotes(null, 'n2', null), 'a deck under no note twice').toBe(false);
		expect(inNotes('n1', 'n2', 'n2'), 'a deck under a later note twice').toBe(false);
	});

	it('packs a shard row into one string and one buffer and reads back the same entries', () => {
		const a = { ...emptyTotals('a', 'n'), started: 3, suspended: 1, review: { buckets: [5, 9], counts: [2, 1] } };
		const b = { ...emptyTotals('b', null), started: 1, learning: { buckets: [-Infinity], counts: [1] } };
		const row = toShardRows([a, b]).find((row) => row.shard === shardOf('a'))!;
		expect(Object.keys(row)).toEqual(['shard', 'keys', 'data']);
		// Int32 when every number fits (half the bytes), else Float64.
		expect(toShardRows([a])[0].data).toBeInstanceOf(Int32Array);
		expect(toShardRows([b])[0].data).toBeInstanceOf(Float64Array);
		// As IndexedDB hands it back: a structured clone.
		const back = toShardRows([a, b]).flatMap((row) => unpackShard(structuredClone(row))!);
		const plain = (h: { buckets: ArrayLike<number>; counts: ArrayLike<number> }) => ({
			buckets: Array.from(h.buckets),
			counts: Array.from(h.counts)
		});
		const arrays = back.map((entry) => ({
			...entry,
			learning: plain(entry.learning),
			review: plain(entry.review),
			relearning: plain(entry.relearning)
		}));
		expect(arrays.sort((x, y) => (x.deckId < y.deckId ? -1 : 1))).toEqual([a, b]);
	});

	it('reads any stored row without throwing, and believes none of another shape', () => {
		const good = packShard(shardOf('d'), [{ ...emptyTotals('d'), started: 2, review: { buckets: [4], counts: [2] } }]);
		const data = (numbers: number[]) => ({ ...good, data: Float64Array.from(numbers) });
		const odd: unknown[] = [
			null,
			7,
			{ shard: good.shard, decks: [emptyTotals('d')] },
			{ ...good, keys: 'not json' },
			{ ...good, keys: '[["d"]]' },
			{ ...good, keys: '[["d", 5]]' },
			{ ...good, keys: '{"d": null}' },
			{ ...good, data: Array.from(good.data) },
			{ ...good, data: new Uint32Array(good.data) },
			{ ...good, shard: 64 },
			data([...good.data].slice(0, -1)),
			data([...good.data, 0]),
			data([2, 0, 0, 1e9, 4, 2, 0])
		];
		for (const row of odd) expect(unpackShard(row), JSON.stringify(row)).toBeNull();
		expect(unpackShard(good)).toHaveLength(1);
	});
});

/** The stored totals, which must equal a count from scratch of every progress row. */
async function expectInStep(step: string) {
	const [complete, ...shards] = await database().deckTotals.toArray();
	expect(complete, `complete after ${step}`).toEqual({ shard: COMPLETE_KEY, format: TOTALS_FORMAT });
	expect(shards, `totals after ${step}`).toEqual(toShardRows(tally(await database().progress.toArray()).values()));
}

const CARDS = ['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l0', 'l1', 'l2', 'x9'];
const STATES: CardStateKind[] = [NEW, LEARNING, REVIEW, RELEARNING];
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randomInt(rng, xs.length)];
const someTime = (rng: Rng) => Math.round(NOW + (rng() - 0.5) * 4 * DAY + pick(rng, [0, 1, 0.5]) * BUCKET_MS);
const randomProgress = (rng: Rng, cardId: string): CardProgress =>
	progressOf(cardId, {
		state: pick(rng, STATES),
		due: someTime(rng),
		suspended: rng() < 0.15 ? 1 : 0,
		buriedUntil: rng() < 0.15 ? NOW + HOUR : 0
	});
/** Notes in which cards come and go and move between decks. */
const NOTES = [
	[k8sNote(), logsNote()],
	[
		makeNote('k8s.md', 'h1b', [
			{ id: 'n1' },
			{ id: 'svc', parentId: 'n1', cards: ['s1', 's3'] },
			{ id: 'ext', parentId: 'svc', cards: ['e1', 'e2'] },
			{ id: 'probe', parentId: 'n1', cards: ['p1', 'p2'] }
		]),
		makeNote('logs.md', 'h2b', [
			{ id: 'n2', cards: ['l0'] },
			{ id: 'logs', parentId: 'n2', cards: ['l2', 's2'] }
		])
	],
	[
		makeNote('k8s.md', 'h1c', [
			{ id: 'n1', cards: ['x9'] },
			{ id: 'svc', parentId: 'n1', cards: ['s1', 'l1'] }
		])
	]
];

const ODD = ['odd1', 'odd2'];
/** The latest backup the steps below made, restored by a later one. */
let saved = '';

/** Every kind of progress write the app makes, and raw ones with rows no code of ours writes. */
const STEPS: Record<string, (rng: Rng) => Promise<unknown>> = {
	rate: async (rng) => {
		// A rating always leaves a card learning or reviewed.
		const next = { ...randomProgress(rng, pick(rng, CARDS)), state: pick(rng, STATES.slice(1)) };
		await recordReview(next, logOf(next, await getProgress(next.cardId), NOW - MINUTE * randomInt(rng, 100)));
	},
	undo: () => undoLastReview(NOW).catch(() => null),
	suspend: (rng) => setSuspended(pick(rng, CARDS), rng() < 0.6, NOW),
	bury: (rng) => buryUntil(pick(rng, CARDS), rng() < 0.6 ? NOW + HOUR : 0, NOW),
	reset: (rng) => resetProgress(pick(rng, CARDS), NOW),
	send: (rng) => sendToReview([pick(rng, CARDS), pick(rng, CARDS)], NOW, NEXT_DAY),
	notes: (rng) => syncDecks(serve(pick(rng, NOTES)).fetchJson),
	import: (rng) => importProgress([...new Set(Array.from({ length: 6 }, () => pick(rng, CARDS)))].map((id) => randomProgress(rng, id))),
	// Several cards at once: deriveCards replays them side by side in one transaction.
	replay: (rng) =>
		write([...CARD_TABLES, ...LOG_TABLES, 'progress', 'settings', 'events'], (db) =>
			deriveCards(db, [pick(rng, CARDS), pick(rng, CARDS), pick(rng, CARDS)], DEFAULT_SETTINGS, NOW)
		),
	sideBySide: (rng) =>
		write(['progress'], async (db) => {
			const rows = await db.progress.toArray();
			await Promise.all(rows.map((row) => db.progress.put({ ...row, due: someTime(rng), state: pick(rng, STATES) })));
		}),
	backup: async () => {
		// A backup holds only rows it can restore: none of the odd ones below.
		if ((await database().progress.where('cardId').anyOf(ODD).count()) > 0) return;
		const writer = new BackupWriter({ exportedAt: NOW, settings: await backupSettings(), preferences: {} }, (texts) => texts.join(''));
		await exportBackup(writer);
		saved = writer.finish().join('');
	},
	restore: async () => saved && restoreBackup(await readBackup([saved], { now: NOW })),
	oddRow: async (rng) => {
		if (rng() < 0.5) return database().progress.where('cardId').anyOf(ODD).delete();
		const odd = { ...randomProgress(rng, pick(rng, ODD)), suspended: 0, due: pick(rng, [NaN, 'x', NOW, -Infinity]) };
		return database().progress.put({
			...odd,
			deckId: pick(rng, ['svc', 'logs']),
			noteId: 'n1',
			live: 1,
			active: pick(rng, [1, 0, '1'])
		} as never);
	},
	modify: (rng) =>
		database()
			.progress.where('noteId')
			.equals(pick(rng, ['n1', 'n2']))
			.modify({ due: someTime(rng) }),
	update: async (rng) => {
		const row = await database().progress.toCollection().first();
		if (row) await database().progress.update([row.deckId, row.cardId], { state: pick(rng, STATES) });
	},
	rangeDelete: () => database().progress.where('[deckId+cardId]').between(['logs', ''], ['logs', '\uffff']).delete(),
	clear: (rng) => (rng() < 0.2 ? database().progress.clear() : Promise.resolve())
};

describe('deck totals', () => {
	it('stay equal to a count from scratch after random writes of every kind, and the counts to version 4’s', async () => {
		const rng = mulberry32(20_261_207);
		await syncDecks(serve(NOTES[0]).fetchJson);
		// Ratings and imports more often than the rest, so decks hold many rows to change.
		const names = [...Object.keys(STEPS), 'rate', 'rate', 'rate', 'import', 'import'];
		for (let i = 0; i < 200; i++) {
			const name = pick(rng, names);
			// A write that fails (a card no note has, an undo after a reset) must leave the totals as they were.
			await STEPS[name](rng).catch(() => null);
			await expectInStep(`step ${i} (${name})`);
			if (i % 8 === 0) {
				const next = pick(rng, [NEXT_DAY, NOW + 4 * HOUR + 7 * MINUTE, NOW - DAY]);
				expect(await deckCounts(NOW, next), `deckCounts after step ${i}`).toEqual(await deckCountsFromRanges(NOW, next));
				const max = { new: pick(rng, [0, 3, 20]), due: pick(rng, [0, 2, 200]) };
				expect(await todayTotals(NOW, next, max), `todayTotals after step ${i}`).toEqual(await todayTotalsFromRanges(NOW, next, max));
			}
		}
	}, 60_000);

	it('are counted from progress when missing or not believable, then stored complete', async () => {
		await syncDecks(serve(NOTES[0]).fetchJson);
		await importProgress(['s1', 's3', 'e1', 'l2'].map((id, i) => progressOf(id, { state: STATES[1 + (i % 3)], due: NOW - i * HOUR })));
		await database().deckTotals.put({ shard: shardOf('svc'), decks: [{ ...emptyTotals('svc'), started: 'lots' }] } as never);
		// A write to a deck whose totals cannot be believed gives up keeping any: the reader recounts.
		await setSuspended('s2', true, NOW);
		expect(await database().deckTotals.get(COMPLETE_KEY)).toBeUndefined();
		expect(await deckCounts(NOW, NEXT_DAY)).toEqual(await deckCountsFromRanges(NOW, NEXT_DAY));
		await recountTotals();
		await expectInStep('a recount');
		await database().deckTotals.clear();
		expect(await todayTotals(NOW, NEXT_DAY, { new: 20, due: 200 })).toEqual(
			await todayTotalsFromRanges(NOW, NEXT_DAY, { new: 20, due: 200 })
		);
		await recountTotals();
		// A packed row of this format whose numbers do not add up (a bucket's count of 0): counted from progress instead.
		const row = (await database().deckTotals.get(shardOf('svc'))) as TotalsShardRow;
		const entry = unpackShard(row)!.find((entry) => entry.review.buckets.length > 0)!;
		const broken = packShard(row.shard, [{ ...entry, review: { buckets: entry.review.buckets, counts: [0] } }]);
		await database().deckTotals.put(broken);
		expect(await deckCounts(NOW, NEXT_DAY)).toEqual(await deckCountsFromRanges(NOW, NEXT_DAY));
		expect(await todayTotals(NOW, NEXT_DAY, { new: 20, due: 200 })).toEqual(
			await todayTotalsFromRanges(NOW, NEXT_DAY, { new: 20, due: 200 })
		);
	});
});

describe('the deck tree and home counts', () => {
	it('read deck rows, the rows of deck totals and the buried rows: no other progress row, no card, no log', async () => {
		const cards = Array.from({ length: 300 }, (_, i) => `c${i}`);
		await syncDecks(
			serve([
				makeNote('big.md', 'h', [
					{ id: 'big', cards: [] },
					{ id: 'a', parentId: 'big', cards: cards.slice(0, 150) },
					{ id: 'b', parentId: 'big', cards: cards.slice(150) }
				])
			]).fetchJson
		);
		const rng = mulberry32(7);
		await importProgress(cards.slice(0, 250).map((id) => randomProgress(rng, id)));
		const buried = (await database().progress.toArray()).filter((row) => row.buriedUntil > NOW).length;
		expect(buried).toBeGreaterThan(0);
		const day = Math.ceil(NOW / DAY) * DAY;

		const tree = await countReads(() => deckCounts(NOW, day));
		// The totals of decks a and b, in one row or two (by their ids' hash), and the one saying they are complete.
		const totalsRows = 1 + new Set(['a', 'b'].map(shardOf)).size;
		expect(Object.fromEntries(tree.rows)).toEqual({ decks: 3, deckTotals: totalsRows, progress: buried });
		expect(Object.fromEntries(tree.keys)).toEqual({});

		// Home's numbers (homeRead): the note row and its root deck's, no other deck row; nothing rated or set yet.
		const home = await countReads(() => todayTotals(NOW, day, { new: 20, due: 200 }));
		expect(outsideLog(home.rows)).toEqual({ settings: 0, notes: 1, decks: 1, deckTotals: totalsRows, progress: buried });
		expect(outsideLog(home.keys)).toEqual({});
		expect(logReads(home)).toBe(0);
	});
});
