/**
 * Schema version 7's upgrade: every review-log row of version 6 into its shard's pages
 * (db/log-page.ts), and the quarter hours counted into `logTimes`, in the upgrade's own
 * transaction, so a cut upgrade leaves version 6 whole and no reader ever sees a half-moved log.
 * Every stored row moves as it is (odd ones included); the old rows are read a batch at a time
 * by primary key, and a shard's rows wait in memory (as JSON text) until its page fills. When
 * `flushRows` rows wait in all, every shard's waiting rows become a page of their own (a page
 * under PAGE_CAP, as a removal leaves too, and the shard goes on in the next): memory stays
 * bounded whatever the log's size, and no page is written twice (merging into written pages
 * rewrote ~1 GB of pages for 1M ratings in `npm run bench:logpages`).
 */
import type { Table } from 'dexie';
import { holdsExactly, PAGE_CAP, pageLast, pageSeq, shardOf } from './log-page';
import { addToTimes, fromQuarterRows, isQuarterRow, type TimeTotals } from './log-times';
import type { LogPageRow, LogQuarterRow, LogTimeRow, ReviewLogRow } from './rows';

/** How much is held at once: old rows read at once, and rows waiting in all before every shard's are written. */
export interface PackLimits {
	batch: number;
	flushRows: number;
}

/** 200k rows of JSON text is ~90 MB at most; a shard's pages are then ~200 ratings or more. */
const LIMITS: PackLimits = { batch: 5_000, flushRows: 200_000 };

/** Page writes waiting at once: each clones its page's text, and the database always has the next one queued. */
const IN_FLIGHT = 8;

/** A shard's page being filled. */
interface Filling {
	page: number;
	plain: string[];
	odd: ReviewLogRow[];
	seq: number;
	last: number;
}

const empty = (page: number): Filling => ({ page, plain: [], odd: [], seq: 0, last: -1 });
const countOf = (f: Filling) => f.plain.length + f.odd.length;

class PageFiller {
	private readonly shards = new Map<number, Filling>();
	private readonly writing: Promise<unknown>[] = [];
	private waiting = 0;
	constructor(
		private readonly pages: Table<LogPageRow, [number, number]>,
		private readonly flushRows: number
	) {}

	/** Takes a row; a promise only when pages are written (most rows only wait: no await per row). */
	add(row: ReviewLogRow): Promise<void> | undefined {
		const shard = shardOf(row.cardId);
		let f = this.shards.get(shard);
		if (!f) this.shards.set(shard, (f = empty(0)));
		if (holdsExactly(row)) f.plain.push(JSON.stringify(row));
		else f.odd.push(row);
		f.seq = Math.max(f.seq, pageSeq([row]));
		f.last = Math.max(f.last, pageLast([row]));
		this.waiting++;
		if (countOf(f) >= PAGE_CAP) return this.write(shard, f);
		if (this.waiting >= this.flushRows) return this.flush();
		return undefined;
	}

	/** Writes every shard's waiting rows as a page, and waits for every write. */
	async flush(): Promise<void> {
		for (const [shard, f] of this.shards) if (countOf(f) > 0) await this.write(shard, f);
		await Promise.all(this.writing.splice(0));
	}

	private async write(shard: number, f: Filling): Promise<void> {
		const page: LogPageRow = { shard, page: f.page, seq: f.seq, last: f.last, count: countOf(f), rows: `[${f.plain.join(',')}]` };
		if (f.odd.length > 0) page.odd = f.odd;
		this.waiting -= page.count;
		this.shards.set(shard, empty(f.page + 1));
		const put = this.pages.put(page);
		// A failure aborts the upgrade's transaction and reaches it through the write awaited then.
		put.catch(() => undefined);
		this.writing.push(put);
		if (this.writing.length >= IN_FLIGHT) await this.writing.shift();
	}
}

export async function packStoredLog(
	reviewLog: Table<ReviewLogRow, unknown>,
	logPages: Table<LogPageRow, [number, number]>,
	logTimes: Table<LogQuarterRow, number>,
	{ batch: size, flushRows }: PackLimits = LIMITS
): Promise<void> {
	const filler = new PageFiller(logPages, flushRows);
	const times: TimeTotals = new Map();
	let after: unknown = undefined;
	for (;;) {
		const from = after === undefined ? reviewLog.toCollection() : reviewLog.where(':id').above(after);
		const batch = await from.limit(size).toArray();
		for (const row of batch) {
			addToTimes(times, row, 1);
			const writing = filler.add(row);
			if (writing) await writing;
		}
		if (batch.length < size) break;
		// The store's key path is `id`: a row's id is its primary key.
		after = batch[batch.length - 1].id;
	}
	await filler.flush();
	await logTimes.bulkPut([...times].map(([t, counts]) => ({ t, ...counts })));
}

/**
 * Schema version 8's upgrade: schema 7's quarter-hour rows of `logTimes` become a row per day and
 * a total (log-times.ts), in the upgrade's transaction. The quarter rows are counts of the pages
 * (the upgrade to 7 counted them, log-store kept them): read whole, deleted and written anew as
 * days; ~500k rows for 1M ratings spread over 20 years, ~50 MB read once. A row this app did not
 * write (another key, another field) is left as it is.
 */
export async function countByDay(logTimes: Table<LogTimeRow | LogQuarterRow, number | string>): Promise<void> {
	const stored = await logTimes.toArray();
	const { days, total } = fromQuarterRows(stored);
	// Only the quarter rows this app wrote go; a row of anyone else's stays as it is.
	const theirs = new Map(stored.filter((row) => !isQuarterRow(row)).map((row) => [row.t, row]));
	await logTimes.bulkDelete(stored.filter(isQuarterRow).map((row) => row.t));
	await logTimes.bulkPut([...days, total].map((row) => ({ ...theirs.get(row.t), ...row })));
}
