/**
 * The review log for the optimizer's worker, read with the plain IndexedDB API: the worker
 * reads the log itself, so a large log never crosses (or stalls) the page, and it loads no
 * Dexie. It only reads.
 */
import type { LogReview } from '$lib/scheduler/optimizer-input';

const BATCH = 10_000;

const done = <T>(request: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});

/**
 * Every review-log row, reduced to what the conversion reads. Opening without a version
 * changes nothing, and another tab's upgrade closes this connection. Read in batches by id,
 * so no single read holds the whole log twice.
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
		let after: IDBValidKey | null = null;
		for (;;) {
			const store = db.transaction('reviewLog', 'readonly').objectStore('reviewLog');
			const range = after === null ? undefined : keyRange.lowerBound(after, true);
			const batch = (await done(store.getAll(range, BATCH))) as Partial<LogReview & { id: IDBValidKey }>[];
			for (const { cardId, review, rating, stateBefore } of batch) rows.push({ cardId, review, rating, stateBefore });
			if (batch.length < BATCH) return rows;
			after = batch[batch.length - 1].id ?? null;
			if (after === null) return rows;
		}
	} finally {
		db.close();
	}
}
