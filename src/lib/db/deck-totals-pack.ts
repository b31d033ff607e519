/**
 * How a deckTotals shard row is stored (format 3). Home reads all 64 rows on every visit, and
 * structured clone walks every object and number in them: ~3,500 entries with ~140,000 numbers
 * at 100k cards, which was most of that read. Packed, a row is one string and one buffer, each
 * copied whole:
 *
 * - keys: the JSON of its entries' [deckId, noteId] pairs, in entry order (byEntry);
 * - data: per entry in that order: started, suspended, then for learning, review and
 *   relearning in turn its n buckets' count n, the n buckets ascending, their n counts. An
 *   Int32Array when every number fits one (a bucket of today's dates is ~2 million): half the
 *   bytes of a Float64Array, which holds a row with any other bucket a due time can make
 *   (±Infinity, a date past the year 30,000).
 *
 * Reading a row checks it in the same walk: a row no code of ours wrote is not believed (the
 * totals are recounted), and its entries' histograms are views of its buffer, not copies.
 */
import { byEntry, DUE_STATES, entryKey, isCount, isEmptyTotals, shardOf, SHARDS } from './deck-totals';
import type { DeckTotalsRow, DueHistogram, TotalsShardRow } from './rows';

/** A shard row holding `entries` (in the order given; toShardRows sorts them). */
export function packShard(shard: number, entries: readonly DeckTotalsRow[]): TotalsShardRow {
	let length = 0;
	for (const entry of entries) for (const state of DUE_STATES) length += 1 + 2 * entry[state].buckets.length;
	const data = new Float64Array(length + 2 * entries.length);
	let narrow = true;
	let at = 0;
	for (const entry of entries) {
		data[at++] = entry.started;
		data[at++] = entry.suspended;
		for (const state of DUE_STATES) {
			const { buckets, counts } = entry[state];
			data[at++] = buckets.length;
			data.set(buckets, at);
			data.set(counts, at + buckets.length);
			at += 2 * buckets.length;
		}
	}
	for (let i = 0; i < data.length && narrow; i++) narrow = (data[i] | 0) === data[i];
	const keys = JSON.stringify(entries.map((entry) => [entry.deckId, entry.noteId]));
	return { shard, keys, data: narrow ? Int32Array.from(data) : data };
}

/** Totals per deck as deckTotals keeps them: a row per shard that holds any, entries in byEntry order. */
export function toShardRows(totals: Iterable<DeckTotalsRow>): TotalsShardRow[] {
	const shards = new Map<number, DeckTotalsRow[]>();
	for (const entry of totals) {
		if (isEmptyTotals(entry)) continue;
		const shard = shardOf(entry.deckId);
		const entries = shards.get(shard);
		if (entries) entries.push(entry);
		else shards.set(shard, [entry]);
	}
	return [...shards].sort(([a], [b]) => a - b).map(([shard, entries]) => packShard(shard, entries.sort(byEntry)));
}

const NONE: DueHistogram = Object.freeze({ buckets: Object.freeze([]), counts: Object.freeze([]) });

/**
 * A stored row's entries, or null when it cannot be believed: not this format's shape, an entry
 * in a row not its deck's, an entry twice, a count that is not whole or not positive, buckets
 * out of order, numbers missing or left over. Never throws, whatever the row.
 */
export function unpackShard(row: unknown): DeckTotalsRow[] | null {
	if (row === null || typeof row !== 'object') return null;
	const { shard, keys, data } = row as TotalsShardRow;
	const packed = data instanceof Int32Array || data instanceof Float64Array;
	if (!Number.isInteger(shard) || shard < 0 || shard >= SHARDS || typeof keys !== 'string' || !packed) return null;
	const pairs = entryPairs(keys, shard);
	if (!pairs) return null;
	const entries: DeckTotalsRow[] = [];
	let at = 0;
	for (const [deckId, noteId] of pairs) {
		const started = data[at++];
		const suspended = data[at++];
		if (!isCount(started) || !isCount(suspended)) return null;
		const histograms: DueHistogram[] = [];
		for (let s = 0; s < DUE_STATES.length; s++) {
			const n = data[at++];
			if (!isCount(n) || at + 2 * n > data.length || !isHistogram(data, at, n)) return null;
			histograms.push(n === 0 ? NONE : { buckets: data.subarray(at, at + n), counts: data.subarray(at + n, at + 2 * n) });
			at += 2 * n;
		}
		const [learning, review, relearning] = histograms;
		entries.push({ deckId, noteId, started, suspended, learning, review, relearning });
	}
	return at === data.length ? entries : null;
}

/** Whether `data` holds n ascending buckets at `at` and n counts of at least one after them. */
function isHistogram(data: Int32Array | Float64Array, at: number, n: number): boolean {
	for (let i = at; i < at + n; i++) {
		if (Number.isNaN(data[i]) || (i > at && !(data[i] > data[i - 1]))) return false;
		const count = data[i + n];
		if (!isCount(count) || count === 0) return false;
	}
	return true;
}

/** A row's [deckId, noteId] pairs, if each is one, of a deck of this shard, once. */
function entryPairs(keys: string, shard: number): [string, string | null][] | null {
	let pairs: unknown;
	try {
		pairs = JSON.parse(keys);
	} catch {
		return null;
	}
	if (!Array.isArray(pairs)) return null;
	// A deck's one entry (the app writes no other) needs no entryKey: home checks every row on every visit.
	const firstNote = new Map<string, string | null>();
	const more = new Set<string>();
	for (const pair of pairs) {
		if (!Array.isArray(pair) || pair.length !== 2) return null;
		const [deckId, noteId] = pair as unknown[];
		if (typeof deckId !== 'string' || !(typeof noteId === 'string' || noteId === null) || shardOf(deckId) !== shard) return null;
		if (!firstNote.has(deckId)) {
			firstNote.set(deckId, noteId);
			continue;
		}
		const key = entryKey(deckId, noteId);
		if (firstNote.get(deckId) === noteId || more.has(key)) return null;
		more.add(key);
	}
	return pairs as [string, string | null][];
}
