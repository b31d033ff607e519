/**
 * A shard of the review log as log-store.ts reads and writes it (schema 7): its stored pages,
 * decoded only when needed, and the writes of its changed pages with the counts by time
 * (log-counts.ts) in the same transaction. Internal to log-store.ts.
 */
import Dexie from 'dexie';
import { MAX_KEY, MIN_KEY } from './database';
import { decodePage, encodePage, PAGE_CAP, shardOf, type LogPage } from './log-page';
import type { LogTables } from './log-store';
import { storeTimes } from './log-counts';
import { addToTimes, type TimeTotals } from './log-times';
import type { ReviewLogRow } from './rows';

/** More rows than this for one shard are checked against all its ids at once (a restore), fewer by a text search each. */
const MANY_ROWS = 8;

/**
 * A shard as stored: its values in page order, decoded only when needed (a rating's append
 * parses the last page alone, and a page whose text holds one of its ids), the highest page
 * number stored (ours or not), and the pages this write begins.
 */
export class Shard {
	readonly added: LogPage[] = [];
	private readonly decoded = new Map<unknown, LogPage | undefined>();
	private ids: Set<unknown> | undefined;
	constructor(
		readonly shard: number,
		private readonly values: unknown[],
		public top: number
	) {}

	private page(value: unknown): LogPage | undefined {
		if (!this.decoded.has(value)) this.decoded.set(value, decodePage(value));
		return this.decoded.get(value);
	}

	/** Every page of ours, in page order (all decoded). */
	get pages(): LogPage[] {
		const stored = this.values.map((value) => this.page(value)).filter((page) => page !== undefined);
		return [...stored, ...this.added];
	}

	/** The last page, if it is ours (nothing stored after it). */
	lastPage(): LogPage | undefined {
		if (this.added.length > 0) return this.added[this.added.length - 1];
		const page = this.values.length > 0 ? this.page(this.values[this.values.length - 1]) : undefined;
		return page?.page === this.top ? page : undefined;
	}

	/** The stored page of ours holding rating `id`, if any; `many` reads every id of the shard once instead of a text search. */
	find(id: unknown, many = false): { page: LogPage; at: number } | undefined {
		const needle = typeof id === 'string' || typeof id === 'number' ? JSON.stringify(id) : undefined;
		if (many || needle === undefined) {
			this.ids ??= new Set(this.pages.flatMap((page) => page.rows.map((row) => row.id)));
			if (!this.ids.has(id)) return undefined;
		}
		for (const value of this.values) {
			// A page's JSON holds the id's JSON wherever the id is in it; odd rows are objects.
			const { rows, odd } = value as { rows?: unknown; odd?: unknown };
			const maybe = needle === undefined || (typeof rows === 'string' && rows.includes(needle)) || Array.isArray(odd);
			const page = maybe ? this.page(value) : undefined;
			const at = page ? page.rows.findIndex((row) => row.id === id) : -1;
			if (page && at >= 0) return { page, at };
		}
		return undefined;
	}
}

const shardRange = (db: LogTables, shard: number) => db.logPages.where('[shard+page]').between([shard, MIN_KEY], [shard, MAX_KEY]);

export async function readShard(db: LogTables, shard: number): Promise<Shard> {
	const values = await shardRange(db, shard).toArray();
	let top = -1;
	for (const value of values) {
		// The key path is [shard+page]: every stored value has a page field, ours or not.
		const number: unknown = (value as { page?: unknown }).page;
		if (typeof number === 'number' && number > top) top = Math.floor(number);
	}
	return new Shard(shard, values, top);
}

/** The shards of `cardIds`, read at once. */
export async function readShards(db: LogTables, cardIds: Iterable<unknown>): Promise<Map<number, Shard>> {
	const shards = [...new Set([...cardIds].map(shardOf))];
	return new Map((await Promise.all(shards.map((shard) => readShard(db, shard)))).map((s) => [s.shard, s]));
}

/** Appends rows to their shards' last page while it is ours and has room, then to new pages after everything stored. */
export function append(shards: Map<number, Shard>, rows: readonly ReviewLogRow[], changed: Set<LogPage>, times: TimeTotals): void {
	for (const row of rows) {
		const s = shards.get(shardOf(row.cardId))!;
		let target = s.lastPage();
		if (!target || target.rows.length >= PAGE_CAP) s.added.push((target = { shard: s.shard, page: ++s.top, rows: [] }));
		target.rows.push(row);
		changed.add(target);
		addToTimes(times, row, 1);
	}
}

/** The rows whose ids are not stored yet; a stored one throws when `refuse`, and an id given twice always does. */
export function unstored(shards: Map<number, Shard>, rows: readonly ReviewLogRow[], refuse: boolean): ReviewLogRow[] {
	const perShard = new Map<number, number>();
	for (const row of rows) perShard.set(shardOf(row.cardId), (perShard.get(shardOf(row.cardId)) ?? 0) + 1);
	const given = new Set<unknown>();
	return rows.filter((row) => {
		const shard = shardOf(row.cardId);
		const stored = shards.get(shard)!.find(row.id, perShard.get(shard)! > MANY_ROWS) !== undefined;
		if ((stored && refuse) || (!stored && given.has(row.id)))
			throw new Dexie.ConstraintError(`The rating ${String(row.id)} is already in the log`);
		given.add(row.id);
		return !stored;
	});
}

/** Writes the changed pages (an emptied page is deleted). */
export async function storePages(db: LogTables, changed: Set<LogPage>): Promise<void> {
	const pages = [...changed];
	const emptied = pages.filter((page) => page.rows.length === 0).map((page): [number, number] => [page.shard, page.page]);
	const kept = pages.filter((page) => page.rows.length > 0).map((page) => encodePage(page.shard, page.page, page.rows));
	await Promise.all([db.logPages.bulkPut(kept), db.logPages.bulkDelete(emptied)]);
}

/** Writes the changed pages and applies the change to the counts by time. */
export async function store(db: LogTables, changed: Set<LogPage>, times: TimeTotals): Promise<void> {
	await Promise.all([storePages(db, changed), storeTimes(db, times)]);
}
