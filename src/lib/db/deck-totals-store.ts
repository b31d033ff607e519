/**
 * Reading deckTotals: every deck's totals, and the cards due before a time per deck. Totals
 * that are not complete or not believable (upgraded from version 4, a row no code of ours
 * wrote) are counted from progress for this read, and counted for good in a transaction of
 * their own right after it: a reader may run in a live query, which cannot write.
 */
import { database, type Tables, type TabledeckDatabase } from './database';
import {
	BUCKET_MS,
	COMPLETE_KEY,
	contribution,
	DUE_STATES,
	dueBefore,
	stateNumber,
	tally,
	TOTALS_FORMAT,
	type DueState
} from './deck-totals';
import { toShardRows, unpackShard } from './deck-totals-pack';
import type { DeckTotalsRow, TotalsCompleteRow } from './rows';

/** Every deck's totals: an entry per deck and note its rows name (one, for rows the app wrote); a deck with none has no entry. */
export async function loadTotals(db: Tables): Promise<DeckTotalsRow[]> {
	const rows: unknown[] = await db.deckTotals.toArray();
	const isComplete = (row: unknown) =>
		(row as TotalsCompleteRow).shard === COMPLETE_KEY && (row as TotalsCompleteRow).format === TOTALS_FORMAT;
	const shards = rows.filter((row) => !isComplete(row));
	const entries = shards.length < rows.length ? unpackAll(shards) : null;
	if (entries) return entries;
	recountSoon(database());
	return [...tally(await db.progress.toArray()).values()];
}

/** Every shard row's entries, or null when any row cannot be believed. */
function unpackAll(rows: unknown[]): DeckTotalsRow[] | null {
	const entries: DeckTotalsRow[] = [];
	for (const row of rows) {
		const read = unpackShard(row);
		if (!read) return null;
		for (const entry of read) entries.push(entry);
	}
	return entries;
}

let pending: TabledeckDatabase | null = null;

function recountSoon(db: TabledeckDatabase): void {
	if (pending === db) return;
	pending = db;
	setTimeout(() => {
		pending = null;
		// Only for the database it was asked for (a test, or another tab, may have replaced it).
		if (db.isOpen()) recountTotals(db).catch(() => {});
	}, 0);
}

/** Counts every deck's totals from progress and stores them, complete, in one transaction. */
export function recountTotals(db: TabledeckDatabase = database()): Promise<void> {
	return db.transaction('rw', ['progress', 'deckTotals'], async (tx) => {
		const totals = tally(await tx.table('progress').toArray());
		const table = tx.table('deckTotals');
		await table.clear();
		await table.bulkPut([...toShardRows(totals.values()), { shard: COMPLETE_KEY, format: TOTALS_FORMAT }]);
	});
}

export interface DueCounts {
	/** Review cards due before the time. */
	review: number;
	/** Learning and relearning cards due before the time. */
	learning: number;
}

/**
 * Cards due before `before`, buried ones included, summed by `keyOf` of each entry (its deck,
 * or its note). Whole 15-minute buckets come from the totals; a `before` off that grid leaves
 * one bucket per state, whose rows are read from the index when some entry has any there.
 */
export async function dueBy(
	db: Tables,
	totals: DeckTotalsRow[],
	before: number,
	keyOf: (entry: { deckId: string; noteId: string | null }) => string | null
): Promise<Map<string, DueCounts>> {
	const due = new Map<string, DueCounts>();
	const add = (key: string | null, state: DueState, n: number) => {
		if (n === 0 || key === null) return;
		let counts = due.get(key);
		if (!counts) due.set(key, (counts = { review: 0, learning: 0 }));
		counts[state === 'review' ? 'review' : 'learning'] += n;
	};
	const partial = new Map<DueState, number>();
	for (const row of totals) {
		for (const state of DUE_STATES) {
			const { whole, partial: edge } = dueBefore(row[state], before);
			add(keyOf(row), state, whole);
			if (edge !== null) partial.set(state, edge);
		}
	}
	await Promise.all(
		[...partial].map(async ([state, edge]) => {
			const n = stateNumber(state);
			const range = db.progress.where('[active+state+due]').between([1, n, edge * BUCKET_MS], [1, n, before]);
			// Counted as the totals count them, so a row they leave out is left out here too.
			for (const row of await range.toArray()) {
				const c = contribution(row);
				if (c?.due?.state === state) add(keyOf(c), state, 1);
			}
		})
	);
	return due;
}
