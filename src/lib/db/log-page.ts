/**
 * The review log's page format (schema 7, issue #20; ratings as tuples since schema 9), with no
 * Dexie: log-store.ts writes and reads pages through it, and so does the optimizer's worker
 * (log-reader.ts) on raw IndexedDB.
 *
 * A card's ratings live in one shard's pages (`shard` = FNV-1a of String(cardId) mod SHARDS),
 * numbered 0, 1, 2… and filled to PAGE_CAP in write order. A page keeps the rows JSON holds
 * exactly as one JSON string (IndexedDB copies a string whole, where objects are cloned field
 * by field), and any other row (NaN, ±Infinity, -0, a Date, a nested non-plain value…) in `odd`
 * as the object itself, so every row comes back as written. In the JSON, a rating with exactly
 * the fields the app writes is a tuple in STORED_COLUMNS' order (its `previous` a tuple too:
 * 2.6 times less text than named fields, so a million ratings write and read faster); any other
 * row is the object as written. Pages written before schema 9 hold objects only and are read as
 * they are: the upgrade rewrites none. A stored value that is not such a page (missing fields,
 * `rows` that is not the JSON of a list of tuples and objects) is no page of ours: it reads as
 * undefined, never a throw, and writers never overwrite it.
 */
import type { LogPageRow, ReviewLogRow } from './rows';
import { fnv1a } from '$lib/hash';

/** Shards of the log: a card's ratings are in one shard's few pages. */
export const SHARDS = 1024;

/** Ratings a page holds: a page of 500 (~200 KB of JSON) is read and written whole for a rating's append. */
export const PAGE_CAP = 500;

/** The quarter hour: study days start on one in every time zone, so day ranges are whole buckets. */
export const QUARTER = 900_000;

/** The shard of a card's ratings: FNV-1a (32 bits) of the UTF-16 units of String(cardId), mod SHARDS. */
export function shardOf(cardId: unknown): number {
	return fnv1a(String(cardId)) % SHARDS;
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

/**
 * A rating's fields in the order a page's tuples hold them: a backup's rating columns
 * (backup/format.ts REVIEW_LOG_COLUMNS, so a restore passes a file's tuple on with its deck id),
 * then `deckId`, then `seq` when the rating has one. Spelled out here rather than imported: what
 * the database holds must not change with a later backup format (log-page.test checks that the two
 * agree today; a format that changes its columns makes its restore build the tuples instead).
 */
export const STORED_COLUMNS = [
	'id',
	'cardId',
	'rating',
	'review',
	'stateBefore',
	'stateAfter',
	'elapsedDays',
	'scheduledDays',
	'due',
	'stability',
	'difficulty',
	'durationMs',
	'previous',
	'deckId',
	'seq'
] as const;

/** `previous`'s fields in its tuple: the card's progress but its id, which is the rating's (backup/format.ts PREVIOUS_COLUMNS). */
export const STORED_PREVIOUS_COLUMNS = [
	'due',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'state',
	'lastReview',
	'suspended',
	'buriedUntil'
] as const;

/** A rating as a page's JSON holds it: a tuple in STORED_COLUMNS' order (seq last, when there is one), or the row as written. */
export type StoredTuple = unknown[];
export type StoredEntry = StoredTuple | ReviewLogRow;

/** Each field's place in a tuple. */
const AT = Object.fromEntries(STORED_COLUMNS.map((key, i) => [key, i])) as Record<(typeof STORED_COLUMNS)[number], number>;
const PREVIOUS_AT = AT.previous;
const SEQ_AT = AT.seq;

const isRowObject = (row: unknown): row is ReviewLogRow => row !== null && typeof row === 'object' && !Array.isArray(row);

/** The number of `object`'s fields that hold a value (JSON leaves out the undefined ones). */
function definedFields(object: object): number {
	let n = 0;
	for (const key in object) if ((object as Record<string, unknown>)[key] !== undefined) n++;
	return n;
}

/** `previous` as a tuple, if it has exactly a progress row's fields and the rating's card id; else undefined. */
function previousTuple(previous: Record<string, unknown>, cardId: unknown): unknown[] | undefined {
	if (previous.cardId !== cardId || definedFields(previous) !== STORED_PREVIOUS_COLUMNS.length + 1) return undefined;
	const tuple: unknown[] = [];
	for (const key of STORED_PREVIOUS_COLUMNS) {
		const value = previous[key];
		if (value === undefined) return undefined;
		tuple.push(value);
	}
	return tuple;
}

/**
 * How a row JSON holds exactly (holdsExactly) goes into a page's JSON: a tuple when it has
 * exactly the fields the app writes (STORED_COLUMNS, `seq` optional; a `previous` that is null
 * or has exactly a progress row's fields), so that storedRow gives back a row equal field by
 * field; else the row itself.
 */
export function storedEntry(row: ReviewLogRow): StoredEntry {
	const fields = row as unknown as Record<string, unknown>;
	const hasSeq = fields.seq !== undefined;
	if (definedFields(row) !== (hasSeq ? SEQ_AT + 1 : SEQ_AT)) return row;
	const tuple: unknown[] = [];
	for (let i = 0; i < SEQ_AT; i++) {
		let value = fields[STORED_COLUMNS[i]];
		if (value === undefined) return row;
		if (i === PREVIOUS_AT && value !== null) {
			if (typeof value !== 'object' || Array.isArray(value)) return row;
			value = previousTuple(value as Record<string, unknown>, fields.cardId);
			if (value === undefined) return row;
		}
		tuple.push(value);
	}
	if (hasSeq) tuple.push(fields.seq);
	return tuple;
}

/** Whether a page's JSON entry is one storedRow reads: a row object, or a tuple of STORED_COLUMNS' length (seq optional) whose `previous` is null or a tuple. */
function isEntry(entry: unknown): entry is StoredEntry {
	if (!Array.isArray(entry)) return isRowObject(entry);
	if (entry.length !== SEQ_AT && entry.length !== SEQ_AT + 1) return false;
	const p: unknown = entry[PREVIOUS_AT];
	return p === null || (Array.isArray(p) && p.length === STORED_PREVIOUS_COLUMNS.length);
}

/** The row a page's JSON entry holds: a tuple made back into its fields (see storedEntry), an object as it is; undefined for anything else. */
export function storedRow(entry: unknown): ReviewLogRow | undefined {
	return isEntry(entry) ? rowOf(entry) : undefined;
}

/** The row of an entry isEntry accepted. */
function rowOf(entry: StoredEntry): ReviewLogRow {
	if (!Array.isArray(entry)) return entry;
	const p = entry[PREVIOUS_AT] as unknown[] | null;
	const row: Record<string, unknown> = {
		id: entry[0],
		cardId: entry[1],
		rating: entry[2],
		review: entry[3],
		stateBefore: entry[4],
		stateAfter: entry[5],
		elapsedDays: entry[6],
		scheduledDays: entry[7],
		due: entry[8],
		stability: entry[9],
		difficulty: entry[10],
		durationMs: entry[11],
		previous:
			p === null
				? null
				: {
						cardId: entry[1],
						due: p[0],
						stability: p[1],
						difficulty: p[2],
						elapsedDays: p[3],
						scheduledDays: p[4],
						learningSteps: p[5],
						reps: p[6],
						lapses: p[7],
						state: p[8],
						lastReview: p[9],
						suspended: p[10],
						buriedUntil: p[11]
					},
		deckId: entry[13]
	};
	if (entry.length > SEQ_AT) row.seq = entry[SEQ_AT];
	return row as unknown as ReviewLogRow;
}

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

/** A page's ratings as it stores them: `entries` for its JSON (storedEntry's: JSON holds each exactly), `odd` as written. */
export interface PageEntries {
	entries: StoredEntry[];
	odd: ReviewLogRow[];
}

/** `rows` as a page stores them; `exact` says which rows go into its JSON (holdsExactly, unless the caller knows better). */
export function pageEntries(rows: readonly ReviewLogRow[], exact: (row: ReviewLogRow) => boolean = holdsExactly): PageEntries {
	const entries: StoredEntry[] = [];
	const odd: ReviewLogRow[] = [];
	for (const row of rows) {
		if (exact(row)) entries.push(storedEntry(row));
		else odd.push(row);
	}
	return { entries, odd };
}

/** A JSON entry's field `key` (one of STORED_COLUMNS), read from its tuple or object without making its row. */
export function entryField(entry: StoredEntry, key: (typeof STORED_COLUMNS)[number]): unknown {
	return Array.isArray(entry) ? entry[AT[key]] : (entry as unknown as Record<string, unknown>)[key];
}

/** Page `page` of shard `shard` holding `entries` then `odd` (in write order): the caller vouches that JSON holds each entry exactly. */
export function encodeEntries(shard: number, page: number, { entries, odd }: PageEntries): LogPageRow {
	let seq = 0;
	let last = -1;
	for (const entry of entries) {
		const s = entryField(entry, 'seq');
		const review = entryField(entry, 'review');
		if (isSeq(s) && s > seq) seq = s;
		if (typeof review === 'number' && Number.isFinite(review) && review > last) last = review;
	}
	seq = Math.max(seq, pageSeq(odd));
	last = Math.max(last, pageLast(odd));
	const encoded: LogPageRow = { shard, page, seq, last, count: entries.length + odd.length, rows: JSON.stringify(entries) };
	if (odd.length > 0) encoded.odd = odd;
	return encoded;
}

/** Page `page` of shard `shard` holding `rows` (in write order); `exact` as for pageEntries. */
export function encodePage(
	shard: number,
	page: number,
	rows: readonly ReviewLogRow[],
	exact: (row: ReviewLogRow) => boolean = holdsExactly
): LogPageRow {
	return encodeEntries(shard, page, pageEntries(rows, exact));
}

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

/**
 * The page a stored value holds, or undefined for anything this module did not write (never a
 * throw). With `wanted`, only the rows whose review it accepts are made and given (every entry is
 * still checked): a reader of a day's ratings makes no row for the page's other 499.
 */
export function decodePage(value: unknown, wanted?: (review: unknown) => boolean): LogPage | undefined {
	if (!pageShape(value)) return undefined;
	let plain: unknown;
	try {
		plain = JSON.parse(value.rows);
	} catch {
		return undefined;
	}
	const odd: unknown[] = value.odd ?? [];
	if (!Array.isArray(plain) || !odd.every(isRowObject) || plain.length + odd.length !== value.count) return undefined;
	if (!plain.every(isEntry)) return undefined;
	const rows: ReviewLogRow[] = [];
	for (const entry of plain) if (!wanted || wanted(entryField(entry, 'review'))) rows.push(rowOf(entry));
	for (const row of odd as ReviewLogRow[]) if (!wanted || wanted(row.review)) rows.push(row);
	return { shard: value.shard, page: value.page, rows };
}

/** The rows of a stored value: those of a page of ours, none for anything else. */
export const pageRows = (value: unknown): ReviewLogRow[] => decodePage(value)?.rows ?? [];
