/**
 * The review log for the optimizer's worker, read with the plain IndexedDB API: the worker
 * reads the log itself, so a large log never crosses (or stalls) the page, and it loads no
 * Dexie (log-page.ts, which decodes the pages, imports none). It only reads.
 */
import type { LogReview } from '$lib/scheduler/optimizer-input';
import { pageRows } from './log-page';

/** Log pages read at once (up to PAGE_CAP ratings each). */
const BATCH = 20;

const done = <T>(request: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});

/**
 * Every rating of the log (schema 7's pages, decoded by log-page.ts: a page this app did not
 * write counts as none), reduced to what the conversion reads, in no particular order. Opening
 * without a version changes nothing, and another tab's upgrade closes this connection. Read a
 * few pages at a time by key, so no single read holds the whole log twice.
 */
export async function readReviewLog(
	name: string,
	factory: IDBFactory = indexedDB,
	keyRange: typeof IDBKeyRange = IDBKeyRange
): Promise<LogReview[]> {
	const open = factory.open(name);
	const db = await done(open);
	db.onversionchange = () => db.close();
	try {
		const rows: LogReview[] = [];
		if (!db.objectStoreNames.contains('logPages')) return rows;
		let after: IDBValidKey | null = null;
		for (;;) {
			const store = db.transaction('logPages', 'readonly').objectStore('logPages');
			const range = after === null ? undefined : keyRange.lowerBound(after, true);
			const batch = (await done(store.getAll(range, BATCH))) as { shard: IDBValidKey; page: IDBValidKey }[];
			for (const value of batch) {
				for (const { cardId, review, rating, stateBefore } of pageRows(value)) rows.push({ cardId, review, rating, stateBefore });
			}
			if (batch.length < BATCH) return rows;
			// The store's key path is [shard+page]: the last value's key is where the next batch starts.
			const last = batch[batch.length - 1];
			after = [last.shard, last.page];
		}
	} finally {
		db.close();
	}
}
