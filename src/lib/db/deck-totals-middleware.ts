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
import { adjust, COMPLETE_KEY, contribution, emptyTotals, isEmptyTotals, isKey, isTotalsRow, TOTALS_FORMAT } from './deck-totals';
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
			return { ...table, mutate: (req) => mutateKeepingTotals(table, down.table(TOTALS), req) };
		}
	})
};

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
	if (!covers(trans) || !(await isComplete(totals, trans))) return progress.mutate(req);
	if (req.type === 'deleteRange') {
		if (req.range.type === ANY_RANGE) {
			const res = await progress.mutate(req);
			await totals.mutate({ trans, type: 'deleteRange', range: req.range });
			await totals.mutate({ trans, type: 'put', values: [{ deckId: COMPLETE_KEY, format: TOTALS_FORMAT }] });
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
	if (keys.length === 0) return progress.mutate(req);
	// A key IndexedDB refuses fails its own write; reading it would fail the whole request.
	const readable = keys.filter((key) => isKey(key));
	const found = req.type === 'add' || readable.length === 0 ? [] : await progress.getMany({ trans, keys: readable });
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
	await applyChanges(totals, trans, changes);
	return res;
}

/** Moves each replaced row's contribution out of its deck's totals and the new row's in. */
async function applyChanges(totals: DBCoreTable, trans: DBCoreTransaction, changes: { old: unknown; next: unknown }[]): Promise<void> {
	const parts = changes.map(({ old, next }) => ({ out: contribution(old), in: contribution(next) }));
	const deckIds = [...new Set(parts.flatMap((p) => [p.out?.deckId, p.in?.deckId]).filter((id) => id !== undefined))];
	if (deckIds.length === 0) return;
	const stored = await totals.getMany({ trans, keys: deckIds });
	let matches = stored.every((row) => row === undefined || isTotalsRow(row));
	const rows = new Map<string, DeckTotalsRow>(
		deckIds.map((id, i) => [id, isTotalsRow(stored[i]) ? structuredClone(stored[i]) : emptyTotals(id)])
	);
	for (const part of parts) {
		if (part.out) matches = adjust(rows.get(part.out.deckId)!, part.out, -1) && matches;
		if (part.in) adjust(rows.get(part.in.deckId)!, part.in, 1);
	}
	if (!matches) {
		// Totals that do not match progress are worth nothing: the next reader recounts them all.
		await totals.mutate({ trans, type: 'delete', keys: [COMPLETE_KEY] });
		return;
	}
	const kept = [...rows.values()].filter((row) => !isEmptyTotals(row));
	const emptied = [...rows.values()].filter(isEmptyTotals).map((row) => row.deckId);
	if (kept.length) await totals.mutate({ trans, type: 'put', values: kept });
	if (emptied.length) await totals.mutate({ trans, type: 'delete', keys: emptied });
}
