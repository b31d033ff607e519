/**
 * The one module that reads and writes the review log (issue #20, schema 7). Every other module
 * reads and writes ratings through these functions inside its own transaction, which must hold
 * LOG_TABLES: how the log is laid out in IndexedDB is known here (and in log-page.ts) alone.
 *
 * Ratings are packed in pages (log-page.ts): a card's in its shard's few pages, so a card's
 * history, an undo or an append reads and writes one shard; counts by time read `logTimes`
 * (per quarter hour, kept here in the same transaction as every page write) and no page.
 * Readers tolerate any row: a stored value that is not a page of ours is skipped and never
 * overwritten (appends go to a page number after it), a malformed logTimes row counts as zero.
 */
import Dexie, { cmp } from 'dexie';
import { EARLIEST, REVIEW_SLACK } from '$lib/scheduler/time';
import { MAX_KEY, MIN_KEY, type TableName, type Tables } from './database';
import { decodePage, encodePage, PAGE_CAP, pageShape, QUARTER, shardOf, type LogPage } from './log-page';
import { addToTimes, readTimes, type TimeTotals } from './log-times';
import type { LogPageRow, ReviewLogRow } from './rows';

export { QUARTER };

/** Tables a transaction must hold for any function here. */
export const LOG_TABLES = ['logPages', 'logTimes'] as const satisfies readonly TableName[];
export type LogTables = Pick<Tables, (typeof LOG_TABLES)[number]>;

/** Pages read at once by the whole-log readers. */
const PAGE_BATCH = 16;

/** More rows than this for one shard are checked against all its ids at once (a restore), fewer by a text search each. */
const MANY_ROWS = 8;

/**
 * A shard as stored: its values in page order, decoded only when needed (a rating's append
 * parses the last page alone, and a page whose text holds one of its ids), the highest page
 * number stored (ours or not), and the pages this write begins.
 */
class Shard {
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

async function readShard(db: LogTables, shard: number): Promise<Shard> {
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
async function readShards(db: LogTables, cardIds: Iterable<unknown>): Promise<Map<number, Shard>> {
	const shards = [...new Set([...cardIds].map(shardOf))];
	return new Map((await Promise.all(shards.map((shard) => readShard(db, shard)))).map((s) => [s.shard, s]));
}

/** Appends rows to their shards' last page while it is ours and has room, then to new pages after everything stored. */
function append(shards: Map<number, Shard>, rows: readonly ReviewLogRow[], changed: Set<LogPage>, times: TimeTotals): void {
	for (const row of rows) {
		const s = shards.get(shardOf(row.cardId))!;
		let target = s.lastPage();
		if (!target || target.rows.length >= PAGE_CAP) s.added.push((target = { shard: s.shard, page: ++s.top, rows: [] }));
		target.rows.push(row);
		changed.add(target);
		addToTimes(times, row, 1);
	}
}

/** The rows not stored yet and not given before them (ids); `refuse` throws at the first that is. */
function unstored(shards: Map<number, Shard>, rows: readonly ReviewLogRow[], refuse: boolean): ReviewLogRow[] {
	const perShard = new Map<number, number>();
	for (const row of rows) perShard.set(shardOf(row.cardId), (perShard.get(shardOf(row.cardId)) ?? 0) + 1);
	const given = new Set<unknown>();
	return rows.filter((row) => {
		const shard = shardOf(row.cardId);
		const stored = given.has(row.id) || shards.get(shard)!.find(row.id, perShard.get(shard)! > MANY_ROWS) !== undefined;
		if (stored && refuse) throw new Dexie.ConstraintError(`The rating ${String(row.id)} is already in the log`);
		given.add(row.id);
		return !stored;
	});
}

/** Writes the changed pages (an emptied page is deleted) and applies the change to the quarter hours' counts. */
async function store(db: LogTables, changed: Set<LogPage>, times: TimeTotals): Promise<void> {
	const pages = [...changed];
	const emptied = pages.filter((page) => page.rows.length === 0).map((page): [number, number] => [page.shard, page.page]);
	const kept = pages.filter((page) => page.rows.length > 0).map((page) => encodePage(page.shard, page.page, page.rows));
	const ts = [...times.keys()];
	const before = await db.logTimes.bulkGet(ts);
	const put = [];
	const gone = [];
	for (let i = 0; i < ts.length; i++) {
		const sum = readTimes(before[i], ts[i]);
		const change = times.get(ts[i])!;
		sum.ratings += change.ratings;
		sum.fresh += change.fresh;
		sum.reviewed += change.reviewed;
		sum.ms += change.ms;
		if (sum.ratings > 0) put.push(sum);
		else gone.push(ts[i]);
	}
	await Promise.all([db.logPages.bulkPut(kept), db.logPages.bulkDelete(emptied), db.logTimes.bulkPut(put), db.logTimes.bulkDelete(gone)]);
}

/** The first stored page of ours along `index`, descending (the highest seq or latest review), or undefined. */
async function topPage(db: LogTables, index: 'seq' | 'last'): Promise<{ value: LogPageRow; page: LogPage } | undefined> {
	let found: { value: LogPageRow; page: LogPage } | undefined;
	await db.logPages
		.orderBy(index)
		.reverse()
		.until(() => found !== undefined)
		.each((value) => {
			const page = decodePage(value);
			if (page) found = { value, page };
		});
	return found;
}

/**
 * The next write-order number (1 + the highest `seq` stored; 1 for an empty log). A rating asks
 * it on every write: the page with the highest seq is checked by its fields and the ends of its
 * list alone, not parsed (a page of ours but for a list broken in the middle could only make
 * the number higher, which no reader minds).
 */
export async function nextSeq(db: LogTables): Promise<number> {
	let seq = 0;
	await db.logPages
		.orderBy('seq')
		.reverse()
		.until(() => seq > 0)
		.each((value) => {
			if (pageShape(value) && (value.rows === '[]' || (value.rows.startsWith('[{') && value.rows.endsWith('}]'))))
				seq = Math.max(1, value.seq + 1);
		});
	return seq || 1;
}

/** Adds rows (each with deckId; with `seq` when numbered). A row whose id is already stored (in its card's shard) or given twice throws: nothing is written. */
export async function addRatings(db: LogTables, rows: ReviewLogRow[]): Promise<void> {
	if (rows.length === 0) return;
	const shards = await readShards(
		db,
		rows.map((row) => row.cardId)
	);
	unstored(shards, rows, true);
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	append(shards, rows, changed, times);
	await store(db, changed, times);
}

/** Adds the rows whose ids are not stored yet (a backup restore: ids are unique across devices); returns those added. */
export async function mergeRatings(db: LogTables, rows: ReviewLogRow[]): Promise<ReviewLogRow[]> {
	if (rows.length === 0) return [];
	const shards = await readShards(
		db,
		rows.map((row) => row.cardId)
	);
	const added = unstored(shards, rows, false);
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	append(shards, added, changed, times);
	await store(db, changed, times);
	return added;
}

/** Removes one rating by id (undo). Returns whether it was there. `cardId` says where to look. */
export async function removeRating(db: LogTables, cardId: string, id: string): Promise<boolean> {
	const found = (await readShard(db, shardOf(cardId))).find(id);
	if (!found) return false;
	const times: TimeTotals = new Map();
	addToTimes(times, found.page.rows[found.at], -1);
	found.page.rows.splice(found.at, 1);
	await store(db, new Set([found.page]), times);
	return true;
}

/**
 * Replaces one card's stored ratings with `rows` (sync's replay of a card, derive.ts): rows of
 * the card not in `rows` are removed, a stored row with the id of one of `rows` is replaced in
 * its place, and the others are appended (seq kept as given).
 */
export async function replaceCardRatings(db: LogTables, cardId: string, rows: ReviewLogRow[]): Promise<void> {
	const shards = await readShards(db, [cardId, ...rows.map((row) => row.cardId)]);
	const own = shards.get(shardOf(cardId))!;
	const byId = new Map<unknown, ReviewLogRow>(rows.map((row) => [row.id, row]));
	const changed = new Set<LogPage>();
	const times: TimeTotals = new Map();
	for (const page of own.pages) {
		const kept: ReviewLogRow[] = [];
		for (const row of page.rows) {
			const replacement = byId.get(row.id);
			if (replacement === undefined && row.cardId !== cardId) {
				kept.push(row);
				continue;
			}
			addToTimes(times, row, -1);
			changed.add(page);
			if (replacement === undefined) continue;
			kept.push(replacement);
			addToTimes(times, replacement, 1);
			byId.delete(row.id);
		}
		page.rows = kept;
	}
	append(shards, [...byId.values()], changed, times);
	await store(db, changed, times);
}

/** A valid IndexedDB key, as an index takes it (anything else leaves the row out of the index). */
function isKey(value: unknown, depth = 0): boolean {
	if (typeof value === 'number') return !Number.isNaN(value);
	if (typeof value === 'string') return true;
	if (value instanceof Date) return !Number.isNaN(value.getTime());
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
	return Array.isArray(value) && depth < 8 && value.every((item) => isKey(item, depth + 1));
}

/**
 * One card's ratings ordered as IndexedDB orders [cardId+review] (review in key order, then id);
 * rows whose review is not a valid key (NaN, undefined, an object) are left out, as that index
 * left them out. Optional bounds on review, both inclusive.
 */
export async function cardRatings(db: LogTables, cardId: string, from?: number, to?: number): Promise<ReviewLogRow[]> {
	const s = await readShard(db, shardOf(cardId));
	const rows = s.pages.flatMap((page) =>
		page.rows.filter(
			(row) =>
				row.cardId === cardId &&
				isKey(row.review) &&
				(from === undefined || cmp(row.review, from) >= 0) &&
				(to === undefined || cmp(row.review, to) <= 0)
		)
	);
	return rows.sort((a, b) => cmp(a.review, b.review) || cmp(a.id, b.id));
}

/** The stored rating `id` (of card `cardId`, when given: then only that card's shard is read). */
export async function findRating(db: LogTables, id: string, cardId?: string): Promise<ReviewLogRow | undefined> {
	if (cardId !== undefined) {
		const found = (await readShard(db, shardOf(cardId))).find(id);
		return found?.page.rows[found.at];
	}
	let found: ReviewLogRow | undefined;
	await eachRatings(db, (rows) => {
		found ??= rows.find((row) => row.id === id);
	});
	return found;
}

/**
 * The latest rating written here: the highest seq (ties: the highest id, as the seq index
 * ordered them); with no numbered row, the latest review time in [EARLIEST, now + REVIEW_SLACK]
 * (ties: the highest id), so a row dated 9999 (or 1970) is nobody's last rating.
 */
export async function lastWritten(db: LogTables, now: number): Promise<ReviewLogRow | undefined> {
	const top = await topPage(db, 'seq');
	const latest = (rows: ReviewLogRow[], key: (row: ReviewLogRow) => number | undefined) => {
		let best: ReviewLogRow | undefined;
		for (const row of rows) {
			const k = key(row);
			if (k === undefined) continue;
			const b = best && key(best)!;
			if (best === undefined || k > b! || (k === b && cmp(row.id, best.id) > 0)) best = row;
		}
		return best;
	};
	if (top && top.value.seq > 0) {
		const pages = await db.logPages.where('seq').equals(top.value.seq).toArray();
		const rows = pages.flatMap((value) => decodePage(value)?.rows ?? []);
		return latest(rows, (row) => (row.seq === top.value.seq ? 0 : undefined));
	}
	const end = now + REVIEW_SLACK;
	const inRange = (row: ReviewLogRow) =>
		typeof row.review === 'number' && row.review >= EARLIEST && row.review <= end ? row.review : undefined;
	let best: ReviewLogRow | undefined;
	// Pages by their latest review, descending: none after one whose latest is below the best found holds a later one.
	await db.logPages
		.orderBy('last')
		.reverse()
		.until((value) => best !== undefined && value.last < best.review)
		.each((value) => {
			const page = decodePage(value);
			if (page) best = latest(best ? [best, ...page.rows] : page.rows, inRange);
		});
	return best;
}

/** Every rating with a numeric review in [from, to) (any order): the pages whose latest review is from `from` on. */
export async function ratingsBetween(db: LogTables, from: number, to: number): Promise<ReviewLogRow[]> {
	const found: ReviewLogRow[] = [];
	await db.logPages
		.where('last')
		.aboveOrEqual(from)
		.each((value) => {
			for (const row of decodePage(value)?.rows ?? [])
				if (typeof row.review === 'number' && row.review >= from && row.review < to) found.push(row);
		});
	return found;
}

/**
 * Calls `each` with the stored ratings a page at a time, in no particular order: every stored
 * rating exactly once, odd rows included. Pages are read PAGE_BATCH at a time by key, so no read
 * holds the whole log.
 */
export async function eachRatings(db: LogTables, each: (rows: ReviewLogRow[]) => void | Promise<void>): Promise<void> {
	let after: [number, number] | undefined;
	for (;;) {
		const from = after === undefined ? db.logPages.toCollection() : db.logPages.where(':id').above(after);
		const values = await from.limit(PAGE_BATCH).toArray();
		for (const value of values) {
			const page = decodePage(value);
			if (page && page.rows.length > 0) await each(page.rows);
		}
		if (values.length < PAGE_BATCH) return;
		const last = values[values.length - 1];
		after = [last.shard, last.page];
	}
}

/** Number of stored ratings (every page of ours is read: a backup's count, before it reads them all anyway). */
export async function ratingCount(db: LogTables): Promise<number> {
	let count = 0;
	await eachRatings(db, (rows) => {
		count += rows.length;
	});
	return count;
}

export { countBetween, countRanges, logBefore, type TimeCounts } from './log-counts';
