/**
 * The review log's page format (schema 7, issue #20), with no Dexie: log-store.ts writes and
 * reads pages through it, and so does the optimizer's worker (log-reader.ts) on raw IndexedDB.
 *
 * A card's ratings live in one shard's pages (`shard` = FNV-1a of String(cardId) mod SHARDS),
 * numbered 0, 1, 2… and filled to PAGE_CAP in write order. A page keeps the rows JSON holds
 * exactly as one JSON string (IndexedDB copies a string whole, where objects are cloned field
 * by field), and any other row (NaN, ±Infinity, -0, a Date, a nested non-plain value…) in `odd`
 * as the object itself, so every row comes back as written. A stored value that is not such a
 * page (missing fields, `rows` that is not the JSON of a list of objects) is no page of ours:
 * it reads as undefined, never a throw, and writers never overwrite it.
 */
import type { LogPageRow, ReviewLogRow } from './rows';

/** Shards of the log: a card's ratings are in one shard's few pages. */
export const SHARDS = 1024;

/** Ratings a page holds: a page of 500 (~200 KB of JSON) is read and written whole for a rating's append. */
export const PAGE_CAP = 500;

/** The quarter hour: study days start on one in every time zone, so day ranges are whole buckets. */
export const QUARTER = 900_000;

/** The shard of a card's ratings: FNV-1a (32 bits) of the UTF-16 units of String(cardId), mod SHARDS. */
export function shardOf(cardId: unknown): number {
	const text = String(cardId);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % SHARDS;
}

/** The quarter hour of a review time, or undefined for a review that is not a finite number (in no bucket). */
export const quarterOf = (review: unknown): number | undefined =>
	typeof review === 'number' && Number.isFinite(review) ? Math.floor(review / QUARTER) : undefined;

/** Write-order numbers are whole numbers from 1; anything else is no number (as counts.ts isSeq). */
const isSeq = (seq: unknown): seq is number => Number.isSafeInteger(seq) && (seq as number) >= 1;

/**
 * Whether JSON.stringify then JSON.parse gives back a value equal to `value`: strings, booleans,
 * null, finite numbers but -0, undefined object fields (dropped, read back as absent), and plain
 * objects and dense arrays of those. A per-field type check: no stringify to compare.
 */
function jsonExact(value: unknown, depth: number): boolean {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return true;
		case 'number':
			return Number.isFinite(value) && !Object.is(value, -0);
		case 'object': {
			if (value === null) return true;
			if (depth > 8) return false;
			if (Array.isArray(value)) {
				for (let i = 0; i < value.length; i++) if (!(i in value) || value[i] === undefined || !jsonExact(value[i], depth + 1)) return false;
				return true;
			}
			const proto: unknown = Object.getPrototypeOf(value);
			if (proto !== Object.prototype && proto !== null) return false;
			for (const key in value) {
				const field = (value as Record<string, unknown>)[key];
				if (field !== undefined && !jsonExact(field, depth + 1)) return false;
			}
			return true;
		}
		default:
			return false;
	}
}

/** Whether a row goes into a page's JSON (else into its `odd` list). */
export const holdsExactly = (row: ReviewLogRow): boolean => jsonExact(row, 0);

/** Highest whole-number seq of `rows`, 0 when none. */
export function pageSeq(rows: readonly ReviewLogRow[]): number {
	let seq = 0;
	for (const row of rows) if (isSeq(row.seq) && row.seq > seq) seq = row.seq;
	return seq;
}

/**
 * Highest finite numeric review of `rows`, -1 when none (or when every one is below -1): never
 * below a row's review, so "last >= from" finds every page holding a review from `from` on.
 */
export function pageLast(rows: readonly ReviewLogRow[]): number {
	let last = -1;
	for (const row of rows) if (typeof row.review === 'number' && Number.isFinite(row.review) && row.review > last) last = row.review;
	return last;
}

/** Page `page` of shard `shard` holding `rows` (in write order); `exact` says which rows go into its JSON (holdsExactly, unless the caller knows better). */
export function encodePage(
	shard: number,
	page: number,
	rows: readonly ReviewLogRow[],
	exact: (row: ReviewLogRow) => boolean = holdsExactly
): LogPageRow {
	const plain: ReviewLogRow[] = [];
	const odd: ReviewLogRow[] = [];
	for (const row of rows) (exact(row) ? plain : odd).push(row);
	const encoded: LogPageRow = { shard, page, seq: pageSeq(rows), last: pageLast(rows), count: rows.length, rows: JSON.stringify(plain) };
	if (odd.length > 0) encoded.odd = odd;
	return encoded;
}

const isRowObject = (row: unknown): row is ReviewLogRow => row !== null && typeof row === 'object' && !Array.isArray(row);

/** A decoded page of ours: its key and its rows (the JSON ones, then the odd ones). */
export interface LogPage {
	shard: number;
	page: number;
	rows: ReviewLogRow[];
}

/** Whether a stored value has a page's fields (no parse): a page of ours by its shape, its rows unread. */
export function pageShape(value: unknown): value is LogPageRow {
	if (value === null || typeof value !== 'object') return false;
	const { shard, page, seq, last, count, rows, odd } = value as Partial<LogPageRow>;
	return (
		Number.isInteger(shard) &&
		Number.isInteger(page) &&
		typeof seq === 'number' &&
		typeof last === 'number' &&
		Number.isInteger(count) &&
		typeof rows === 'string' &&
		(odd === undefined || Array.isArray(odd))
	);
}

/** The page a stored value holds, or undefined for anything this module did not write (never a throw). */
export function decodePage(value: unknown): LogPage | undefined {
	if (!pageShape(value)) return undefined;
	let plain: unknown;
	try {
		plain = JSON.parse(value.rows);
	} catch {
		return undefined;
	}
	const odd: unknown[] = value.odd ?? [];
	if (!Array.isArray(plain) || !plain.every(isRowObject) || !odd.every(isRowObject)) return undefined;
	if (plain.length + odd.length !== value.count) return undefined;
	return { shard: value.shard, page: value.page, rows: odd.length === 0 ? plain : [...plain, ...(odd as ReviewLogRow[])] };
}

/** The rows of a stored value: those of a page of ours, none for anything else. */
export const pageRows = (value: unknown): ReviewLogRow[] => decodePage(value)?.rows ?? [];
