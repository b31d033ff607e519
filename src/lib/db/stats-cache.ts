/**
 * The collection's review history for the statistics details: true-retention counts per
 * study day over the last year, and a summary of every study day ever (for streaks).
 * Finished days never change unless rows are added or removed before their end (a backup
 * import, an undo), so they are cached in the settings table with the number of log rows
 * before the cached day's end; a visit whose count differs recomputes everything.
 */
import { REVIEW, studyDay, studyDayStart } from '$lib/scheduler';
import { summarizeDays, type DaysSummary } from '$lib/stats/heatmap';
import { RetentionDays, type DayCell } from '$lib/stats/retention';
import { database, read } from './database';
import { getAppSetting, setAppSetting } from './settings';

const CACHE_KEY = 'stats.history';
const YEAR = 365;
const SLICE_DAYS = 31;

interface HistoryCache {
	version: 1;
	hour: number;
	/** The last study day cached (always before the day it was cached on). */
	through: number;
	/** Review-log rows before the end of `through`. */
	logCount: number;
	cells: [number, DayCell][];
	days: DaysSummary;
}

export interface CollectionHistory {
	cells: Map<number, DayCell>;
	/** Every study day with reviews, up to today. */
	days: DaysSummary;
}

export async function collectionHistory(now: number, hour: number): Promise<CollectionHistory> {
	const today = studyDay(now, hour);
	const firstDay = today - YEAR + 1;
	const cached = await getAppSetting<HistoryCache>(CACHE_KEY);
	const fresh = await read(['reviewLog'], async (db) => {
		let cache: HistoryCache | null = null;
		if (cached?.version === 1 && cached.hour === hour && cached.through < today && cached.through >= firstDay - 1) {
			const count = await db.reviewLog.where('review').below(studyDayStart(cached.through + 1, hour)).count();
			if (count === cached.logCount) cache = cached;
		}
		const from = cache ? cache.through + 1 : firstDay;
		const retention = new RetentionDays();
		const studied = new Set<number>();
		// Oldest first, a month at a time: retention counts a card's first review of each day.
		for (let day = from; day <= today; day += SLICE_DAYS) {
			const upper = Math.min(now + 1, studyDayStart(day + SLICE_DAYS, hour));
			const rows = await db.reviewLog.where('review').between(studyDayStart(day, hour), upper, true, false).toArray();
			for (const row of rows) {
				const rowDay = studyDay(row.review, hour);
				studied.add(rowDay);
				if (row.stateBefore === REVIEW) {
					retention.add({ cardId: row.cardId, day: rowDay, rating: row.rating, lastInterval: row.previous?.scheduledDays ?? 0 });
				}
			}
		}
		const logCount = await db.reviewLog.where('review').below(studyDayStart(today, hour)).count();
		return { cache, retention, studied, logCount };
	});
	const { cache, retention, studied, logCount } = fresh;
	// Days before the year read here: the cache's summary, or (once) a walk over all of them.
	const before = cache ? cache.days : summarizeDays(await studyDaysBefore(studyDayStart(firstDay, hour), hour));
	const recent = [...studied].sort((a, b) => a - b);
	const throughYesterday = summarizeDays(recent.filter((d) => d < today), before);
	const cells = new Map([...(cache?.cells ?? []).filter(([day]) => day >= firstDay), ...retention.cells]);
	const next: HistoryCache = {
		version: 1,
		hour,
		through: today - 1,
		logCount,
		cells: [...cells].filter(([day]) => day < today),
		days: throughYesterday
	};
	try {
		await setAppSetting(CACHE_KEY, next);
	} catch {
		// Only a cache: the numbers above are right without it.
	}
	return { cells, days: summarizeDays(recent.filter((d) => d === today), throughYesterday) };
}

/**
 * Every study day with a review before `until` (ms), ascending: a key-only cursor on the
 * review index that jumps to the next day's start after each hit, one step per day studied.
 * Native IndexedDB: Dexie cannot continue a cursor to a key.
 */
function studyDaysBefore(until: number, hour: number): Promise<number[]> {
	return new Promise((resolve, reject) => {
		const index = database().backendDB().transaction('reviewLog', 'readonly').objectStore('reviewLog').index('review');
		const request = index.openKeyCursor();
		const days: number[] = [];
		request.onerror = () => reject(request.error);
		request.onsuccess = () => {
			const cursor = request.result;
			const key = cursor?.key as number | undefined;
			if (!cursor || key === undefined || key >= until) return resolve(days);
			const day = studyDay(key, hour);
			days.push(day);
			cursor.continue(Math.max(key + 1, studyDayStart(day + 1, hour)));
		};
	});
}
