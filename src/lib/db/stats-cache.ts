/**
 * The collection's true-retention counts per study day over the last year, for the
 * statistics details. Finished days never change unless rows are added or removed before their end (a backup
 * import, an undo), so they are cached in the settings table with the number of log rows
 * before the cached day's end; a visit whose count differs recomputes everything.
 */
import { REVIEW, studyDay, studyDayStart } from '$lib/scheduler';
import { RetentionDays, type DayCell, type ReviewForRetention } from '$lib/stats/retention';
import { cmp } from 'dexie';
import { read } from './database';
import { eachRatingBetween, LOG_TABLES, logBefore } from './log-store';
import { getAppSetting, setAppSetting } from './settings';

const CACHE_KEY = 'stats.history';
const YEAR = 365;

interface HistoryCache {
	version: 1;
	hour: number;
	/** The last study day cached (always before the day it was cached on). */
	through: number;
	/** Review-log rows before the end of `through`. */
	logCount: number;
	cells: [number, DayCell][];
}

export async function collectionRetention(now: number, hour: number): Promise<Map<number, DayCell>> {
	const today = studyDay(now, hour);
	const firstDay = today - YEAR + 1;
	const cached = await getAppSetting<HistoryCache>(CACHE_KEY);
	const fresh = await read(LOG_TABLES, async (db) => {
		const ratingsBefore = async (ms: number) => (await logBefore(db, ms))?.ratings ?? 0;
		let cache: HistoryCache | null = null;
		if (cached?.version === 1 && cached.hour === hour && cached.through < today && cached.through >= firstDay - 1) {
			if ((await ratingsBefore(studyDayStart(cached.through + 1, hour))) === cached.logCount) cache = cached;
		}
		const from = cache ? cache.through + 1 : firstDay;
		const retention = new RetentionDays();
		const todayStart = studyDayStart(today, hour);
		let readBeforeToday = 0;
		// One read of the pages from the first day on (pages hold any times: a month at a time read
		// them all each month), keeping only what retention needs; then oldest first, as retention
		// counts a card's first review of each day.
		const reviews: (ReviewForRetention & { review: number; id: unknown })[] = [];
		await eachRatingBetween(db, studyDayStart(from, hour), now + 1, (row) => {
			if (row.review < todayStart) readBeforeToday++;
			if (row.stateBefore !== REVIEW) return;
			const day = studyDay(row.review, hour);
			reviews.push({
				review: row.review,
				id: row.id,
				cardId: row.cardId,
				day,
				rating: row.rating,
				lastInterval: row.previous?.scheduledDays ?? 0
			});
		});
		reviews.sort((a, b) => a.review - b.review || cmp(a.id, b.id));
		for (const review of reviews) retention.add(review);
		// With a valid cache every row since its end was read here: no second count of the log.
		const logCount = cache ? cache.logCount + readBeforeToday : await ratingsBefore(todayStart);
		return { cache, retention, logCount };
	});
	const { cache, retention, logCount } = fresh;
	const cells = new Map([...(cache?.cells ?? []).filter(([day]) => day >= firstDay), ...retention.cells]);
	const next: HistoryCache = {
		version: 1,
		hour,
		through: today - 1,
		logCount,
		cells: [...cells].filter(([day]) => day < today)
	};
	try {
		await setAppSetting(CACHE_KEY, next);
	} catch {
		// Only a cache: the numbers above are right without it.
	}
	return cells;
}
