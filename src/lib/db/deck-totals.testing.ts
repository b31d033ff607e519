/**
 * For tests of deck totals: the counts as schema version 4 made them, straight from progress
 * ranges (a key per started card), to hold today's readers to; and a counter of the rows a
 * read takes from each store of a fake IndexedDB.
 */
import { IDBIndex, IDBObjectStore } from 'fake-indexeddb';
import { NEW, REVIEW } from '$lib/scheduler/types';
import type { DeckCounts } from './counts';
import { read } from './database';
import { activeDueBefore, activeStarted, buriedAfter, LEARNING_STATES, suspendedRows } from './ranges';
import type { ProgressKey } from './rows';
import { homeRead, type TodayTotals } from './home-read';
import { LOG_TABLES } from './log-store';

/** deckCounts as version 4 counted: every started card's key, then the suspended and buried rows. */
export function deckCountsFromRanges(now: number, nextDayStart: number): Promise<Map<string, DeckCounts>> {
	return read(['decks', 'progress'], async (db) => {
		const [decks, started, due, learning, suspended, buried] = await Promise.all([
			db.decks.toArray(),
			activeStarted(db).primaryKeys(),
			activeDueBefore(db, REVIEW, nextDayStart).primaryKeys(),
			Promise.all(LEARNING_STATES.map((state) => activeDueBefore(db, state, nextDayStart).primaryKeys())),
			suspendedRows(db).toArray(),
			buriedAfter(db, now).toArray()
		]);
		const counts = new Map(decks.map((deck) => [deck.id, { cards: deck.ownCards, newAvailable: deck.ownCards, learning: 0, due: 0 }]));
		const add = (deckId: string, field: keyof DeckCounts, n: number) => {
			const count = counts.get(deckId);
			if (count) count[field] += n;
		};
		const buriedIds = new Set(buried.map((row) => row.cardId));
		const unlessBuried = (keys: ProgressKey[]) => keys.filter(([, cardId]) => !buriedIds.has(cardId));
		for (const [deckId] of started) add(deckId, 'newAvailable', -1);
		for (const row of suspended) if (row.live === 1) add(row.deckId, 'newAvailable', -1);
		for (const row of buried) if (row.active === 1 && row.state === NEW) add(row.deckId, 'newAvailable', -1);
		for (const [deckId] of unlessBuried(due)) add(deckId, 'due', 1);
		for (const [deckId] of unlessBuried(learning.flat())) add(deckId, 'learning', 1);
		for (const deck of [...decks].sort((a, b) => b.pos - a.pos)) {
			const own = counts.get(deck.id)!;
			own.newAvailable = Math.max(0, own.newAvailable);
			if (deck.parentId === null) continue;
			for (const field of ['cards', 'newAvailable', 'learning', 'due'] as const) add(deck.parentId, field, own[field]);
		}
		return counts;
	});
}

/** homeRead's totals alone (what home's numbers are made of), for tests holding them to todayTotalsFromRanges. */
export async function todayTotals(now: number, nextDayStart: number, max: { new: number; due: number }): Promise<TodayTotals> {
	return (await homeRead(now, nextDayStart - 86_400_000, nextDayStart, () => max)).today;
}

/** homeRead's today as version 4 counted it when its look at the end of the notes fell short. */
export function todayTotalsFromRanges(now: number, nextDayStart: number, max: { new: number; due: number }): Promise<TodayTotals> {
	return read(['notes', 'decks', 'progress'], async (db) => {
		const buried = await buriedAfter(db, now).toArray();
		const buriedIds = new Set(buried.map((row) => row.cardId));
		const buriedLearning = buried.filter((row) => row.active === 1 && row.state !== NEW && row.state !== REVIEW && row.due < nextDayStart);
		const [dueKeys, learning, roots, started, suspended] = await Promise.all([
			activeDueBefore(db, REVIEW, nextDayStart).primaryKeys(),
			Promise.all(LEARNING_STATES.map((state) => activeDueBefore(db, state, nextDayStart).count())),
			db.decks.bulkGet((await db.notes.toArray()).map((note) => note.id)),
			activeStarted(db).count(),
			suspendedRows(db).toArray()
		]);
		const cards = roots.reduce((sum, root) => sum + (root?.cardCount ?? 0), 0);
		const blockedApart = [...suspended, ...buried].filter((row) => row.live === 1 && !(row.active === 1 && row.state !== NEW));
		const newAvailable = Math.max(0, cards - started - new Set(blockedApart.map((row) => row.cardId)).size);
		return {
			due: Math.min(max.due, dueKeys.filter(([, cardId]) => !buriedIds.has(cardId)).length),
			learning: learning[0] + learning[1] - buriedLearning.length,
			newAvailable: Math.min(max.new, newAvailable)
		};
	});
}

export interface Reads {
	/** Rows (values) read from each store, by any request or cursor. */
	rows: Map<string, number>;
	/** Keys read (or walked by count()) from each store without their rows. */
	keys: Map<string, number>;
}

type Method = 'get' | 'getAll' | 'getAllKeys' | 'getKey' | 'openCursor' | 'openKeyCursor' | 'count';
const KINDS: [Method, 'rows' | 'keys'][] = [
	['get', 'rows'],
	['getAll', 'rows'],
	['openCursor', 'rows'],
	['getAllKeys', 'keys'],
	['getKey', 'keys'],
	['openKeyCursor', 'keys'],
	['count', 'keys']
];

/** Counts what every store of every fake IndexedDB hands out while `body` runs. */
export async function countReads(body: () => Promise<unknown>): Promise<Reads> {
	const reads: Reads = { rows: new Map(), keys: new Map() };
	const undo: (() => void)[] = [];
	for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<Method, (...args: unknown[]) => IDBRequest>[]) {
		for (const [method, kind] of KINDS) {
			const original = proto[method];
			proto[method] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
				const request = original.apply(this, args);
				const store = this instanceof IDBIndex ? this.objectStore.name : this.name;
				request.addEventListener('success', () => {
					const result: unknown = request.result;
					const n = method === 'count' ? (result as number) : Array.isArray(result) ? result.length : result == null ? 0 : 1;
					reads[kind].set(store, (reads[kind].get(store) ?? 0) + n);
				});
				return request;
			};
			undo.push(() => (proto[method] = original));
		}
	}
	try {
		await body();
	} finally {
		for (const restore of undo) restore();
	}
	return reads;
}

const inLog = (store: string) => (LOG_TABLES as readonly string[]).includes(store);

/**
 * Reads of the stores outside the review log. How the log is laid out is log-store's to know
 * (a row per rating, or pages and quarter-hour counts): tests hold its reads to a bound apart.
 */
export const outsideLog = (reads: Map<string, number>) => Object.fromEntries([...reads].filter(([store]) => !inLog(store)));

/** Rows and keys read from the review log's stores. */
export const logReads = ({ rows, keys }: Reads) => [...rows, ...keys].reduce((sum, [store, n]) => sum + (inLog(store) ? n : 0), 0);
