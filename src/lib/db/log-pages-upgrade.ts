/**
 * Schema version 7's upgrade: every review-log row of version 6 into its shard's pages
 * (db/log-page.ts), and the quarter hours counted into `logTimes`, in the upgrade's own
 * transaction, so a cut upgrade leaves version 6 whole and no reader ever sees a half-moved log.
 * Every stored row moves as it is (odd ones included); the old rows are read a batch at a time
 * by primary key, and a shard's rows wait in memory (as JSON text) only until its page fills or
 * `flushRows` rows wait in all, so memory stays bounded whatever the log's size.
 */
import type { Table } from 'dexie';
import { holdsExactly, PAGE_CAP, pageLast, pageSeq, shardOf } from './log-page';
import { addToTimes, type TimeTotals } from './log-times';
import type { LogPageRow, LogTimeRow, ReviewLogRow } from './rows';

/** How much is held at once: old rows read at once, and rows waiting in all before every shard's waiting rows are written (each shard's partial page, merged later). */
export interface PackLimits {
	batch: number;
	flushRows: number;
}

const LIMITS: PackLimits = { batch: 5_000, flushRows: 100_000 };

/** A shard's page being filled: what is stored of it already, and what waits. */
interface Filling {
	page: number;
	/** The part already written (a flush), merged with what waits at the next write. */
	stored: { count: number; seq: number; last: number } | null;
	plain: string[];
	odd: ReviewLogRow[];
	seq: number;
	last: number;
}

const empty = (page: number): Filling => ({ page, stored: null, plain: [], odd: [], seq: 0, last: -1 });
const countOf = (f: Filling) => (f.stored?.count ?? 0) + f.plain.length + f.odd.length;

class PageFiller {
	private readonly shards = new Map<number, Filling>();
	private waiting = 0;
	constructor(
		private readonly pages: Table<LogPageRow, [number, number]>,
		private readonly flushRows: number
	) {}

	async add(row: ReviewLogRow): Promise<void> {
		const shard = shardOf(row.cardId);
		let f = this.shards.get(shard);
		if (!f) this.shards.set(shard, (f = empty(0)));
		if (holdsExactly(row)) f.plain.push(JSON.stringify(row));
		else f.odd.push(row);
		f.seq = Math.max(f.seq, pageSeq([row]));
		f.last = Math.max(f.last, pageLast([row]));
		this.waiting++;
		if (countOf(f) >= PAGE_CAP) {
			await this.write([[shard, f]]);
			this.shards.set(shard, empty(f.page + 1));
		} else if (this.waiting >= this.flushRows) await this.flush();
	}

	/** Writes every shard's waiting rows (into its partial page). */
	async flush(): Promise<void> {
		await this.write([...this.shards].filter(([, f]) => f.plain.length + f.odd.length > 0));
	}

	private async write(list: [number, Filling][]): Promise<void> {
		const merged = list.filter(([, f]) => f.stored);
		const before = await this.pages.bulkGet(merged.map(([shard, f]) => [shard, f.page]));
		const old = new Map(merged.map(([shard], i) => [shard, before[i]]));
		const rows = list.map(([shard, f]): LogPageRow => {
			const prior = old.get(shard);
			const text = f.plain.join(',');
			const json = !prior || prior.rows === '[]' ? `[${text}]` : text === '' ? prior.rows : `${prior.rows.slice(0, -1)},${text}]`;
			const odd = [...(prior?.odd ?? []), ...f.odd];
			const seq = Math.max(f.seq, prior?.seq ?? 0);
			const last = Math.max(f.last, prior?.last ?? -1);
			const page: LogPageRow = { shard, page: f.page, seq, last, count: countOf(f), rows: json };
			if (odd.length > 0) page.odd = odd;
			this.waiting -= f.plain.length + f.odd.length;
			Object.assign(f, { stored: { count: page.count, seq, last }, plain: [], odd: [] });
			return page;
		});
		await this.pages.bulkPut(rows);
	}
}

export async function packStoredLog(
	reviewLog: Table<ReviewLogRow, unknown>,
	logPages: Table<LogPageRow, [number, number]>,
	logTimes: Table<LogTimeRow, number>,
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
			await filler.add(row);
		}
		if (batch.length < size) break;
		// The store's key path is `id`: a row's id is its primary key.
		after = batch[batch.length - 1].id;
	}
	await filler.flush();
	await logTimes.bulkPut([...times.values()]);
}
