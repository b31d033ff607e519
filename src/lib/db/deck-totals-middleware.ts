/**
 * Keeps deckTotals in step with progress inside Dexie itself (a DBCore middleware), so no
 * writer can forget it: every read-write transaction that includes progress also includes
 * deckTotals, and every write to progress — put, add, delete, a range delete, whichever
 * Dexie call made it (put, bulkPut, update, modify, clear…) — reads the rows it replaces
 * and moves their contributions out of their decks' totals and the new rows' in, in the
 * same transaction. While the totals are not complete (no COMPLETE_KEY row: a database
 * upgraded from version 4, or totals that stopped matching) writes leave them alone and the
 * next reader recounts (deck-totals-store.ts).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import {
	adjust,
	byEntry,
	COMPLETE_KEY,
	contribution,
	emptyTotals,
	entryKey,
	isEmptyTotals,
	isKey,
	shardOf,
	TOTALS_FORMAT,
	working,
	type Contribution,
	type WorkingTotals
} from './deck-totals';
import { packShard, unpackShard } from './deck-totals-pack';
import type { DeckTotalsRow } from './rows';

const PROGRESS = 'progress';
const TOTALS = 'deckTotals';
/** Dexie's DBCoreRangeType.Any (a const enum, which isolated modules cannot import): clear(). */
const ANY_RANGE = 3;

export const deckTotalsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'deckTotals',
	create: (down) => ({
		transaction(stores, mode, options) {
			const widen = mode === 'readwrite' && stores.includes(PROGRESS) && !stores.includes(TOTALS) && hasStore(down, TOTALS);
			return down.transaction(widen ? [...stores, TOTALS] : stores, mode, options);
		},
		table(name) {
			const table = down.table(name);
			if (name !== PROGRESS) return table;
			return { ...table, mutate: (req) => inTurn(req.trans, () => mutateKeepingTotals(table, down.table(TOTALS), req)) };
		}
	})
};

/** Each transaction's writes to progress, in the order they were asked for. */
const turns = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/**
 * Runs one write to progress after the previous one of its transaction is done. Writes run
 * side by side in one transaction (Promise.all over cards in sync's replay): each reads its
 * decks' totals, adds its change and writes them back, and two at once would both start from
 * the same totals, so the second would undo the first.
 */
function inTurn<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
	const previous = turns.get(trans) ?? Promise.resolve();
	const result = previous.then(work, work);
	turns.set(
		trans,
		result.catch(() => undefined)
	);
	return result;
}

const hasStore = (core: DBCore, name: string) => core.schema.tables.some((table) => table.name === name);

/** The upgrade transaction of a version before 5 has no deckTotals store: nothing to keep. */
function covers(trans: DBCoreTransaction): boolean {
	const names = (trans as unknown as IDBTransaction).objectStoreNames;
	return names?.contains(TOTALS) ?? false;
}

async function isComplete(totals: DBCoreTable, trans: DBCoreTransaction): Promise<boolean> {
	const row = await totals.get({ trans, key: COMPLETE_KEY });
	return row?.format === TOTALS_FORMAT;
}

async function mutateKeepingTotals(progress: DBCoreTable, totals: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
	const { trans } = req;
	const none = req.type === 'delete' ? req.keys.length === 0 : req.type !== 'deleteRange' && req.values.length === 0;
	if (none || !covers(trans)) return progress.mutate(req);
	if (req.type === 'deleteRange') {
		if (!(await isComplete(totals, trans))) return progress.mutate(req);
		if (req.range.type === ANY_RANGE) {
			const res = await progress.mutate(req);
			await totals.mutate({ trans, type: 'deleteRange', range: req.range });
			await totals.mutate({ trans, type: 'put', values: [{ shard: COMPLETE_KEY, format: TOTALS_FORMAT }] });
			return res;
		}
		const query = { index: progress.schema.primaryKey, range: req.range };
		const doomed = await progress.query({ trans, query, values: true });
		const res = await progress.mutate(req);
		await applyChanges(
			totals,
			trans,
			doomed.result.map((old) => ({ old, next: undefined }))
		);
		return res;
	}
	const extractKey = progress.schema.primaryKey.extractKey!;
	const keys: unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value) => extractKey(value)));
	// A key IndexedDB refuses fails its own write; reading it would fail the whole request.
	const readable = keys.filter((key) => isKey(key));
	// A deck id is its key's first part, so the shards a write can touch are known before it: one round of reads.
	const shards = [...new Set(readable.flatMap((key) => (Array.isArray(key) && typeof key[0] === 'string' ? [shardOf(key[0])] : [])))];
	const [complete, found, stored] = await Promise.all([
		isComplete(totals, trans),
		req.type === 'add' || readable.length === 0 ? [] : progress.getMany({ trans, keys: readable }),
		totals.getMany({ trans, keys: shards })
	]);
	if (!complete) return progress.mutate(req);
	const before = new Map<string, unknown>(readable.map((key, i) => [JSON.stringify(key), found[i]]));
	const res = await progress.mutate(req);
	// A key written twice in one request replaces what the first write left.
	const changes: { old: unknown; next: unknown }[] = [];
	for (let i = 0; i < keys.length; i++) {
		if (res.failures[i]) continue;
		const id = JSON.stringify(keys[i]);
		const next = req.type === 'delete' ? undefined : req.values[i];
		changes.push({ old: before.get(id), next });
		before.set(id, next);
	}
	await applyChanges(totals, trans, changes, new Map(shards.map((shard, i) => [shard, stored[i]])));
	return res;
}

/** Moves each replaced row's contribution out of its deck's totals and the new row's in. */
async function applyChanges(
	totals: DBCoreTable,
	trans: DBCoreTransaction,
	changes: { old: unknown; next: unknown }[],
	read = new Map<number, unknown>()
): Promise<void> {
	const parts = changes.map(({ old, next }) => ({ out: contribution(old), in: contribution(next) }));
	const touched = new Map<string, Contribution>();
	for (const part of parts) for (const c of [part.out, part.in]) if (c) touched.set(entryKey(c.deckId, c.noteId), c);
	if (touched.size === 0) return;
	const shards = [...new Set([...touched.values()].map((c) => shardOf(c.deckId)))];
	const unread = shards.filter((shard) => !read.has(shard));
	const more: unknown[] = unread.length ? await totals.getMany({ trans, keys: unread }) : [];
	unread.forEach((shard, i) => read.set(shard, more[i]));
	const stored = shards.map((shard) => read.get(shard)).map((row) => (row === undefined ? [] : unpackShard(row)));
	let matches = stored.every((entries) => entries !== null);
	// Every entry of the shards read, the changed ones as working copies.
	const decks = new Map<string, DeckTotalsRow>();
	for (const entries of stored) for (const deck of entries ?? []) decks.set(entryKey(deck.deckId, deck.noteId), deck);
	for (const [key, c] of touched) decks.set(key, decks.has(key) ? working(decks.get(key)!) : emptyTotals(c.deckId, c.noteId));
	const entry = (c: Contribution) => decks.get(entryKey(c.deckId, c.noteId)) as WorkingTotals;
	for (const part of parts) {
		if (part.out) matches = adjust(entry(part.out), part.out, -1) && matches;
		if (part.in) adjust(entry(part.in), part.in, 1);
	}
	if (!matches) {
		// Totals that do not match progress are worth nothing: the next reader recounts them all.
		await totals.mutate({ trans, type: 'delete', keys: [COMPLETE_KEY] });
		return;
	}
	const rows = new Map<number, DeckTotalsRow[]>(shards.map((shard) => [shard, []]));
	for (const deck of decks.values()) if (!isEmptyTotals(deck)) rows.get(shardOf(deck.deckId))!.push(deck);
	const kept = [...rows].filter(([, entries]) => entries.length > 0).map(([shard, entries]) => packShard(shard, entries.sort(byEntry)));
	const emptied = [...rows].filter(([, entries]) => entries.length === 0).map(([shard]) => shard);
	if (kept.length) await totals.mutate({ trans, type: 'put', values: kept });
	if (emptied.length) await totals.mutate({ trans, type: 'delete', keys: emptied });
}
