/**
 * What the FSRS optimizer's panel needs from storage: how much of the log is new since the
 * last run, and when that run was (this device's own note, not synced). The worker reads
 * the log itself (log-reader.ts).
 */
import { optimizeReminderDue } from '$lib/scheduler/optimizer-input';
import { read } from './database';
import { countBetween, LOG_TABLES } from './log-store';
import { getAppSetting, setAppSetting } from './settings';

const LAST_RUN = 'optimizer.lastRun';
const REMINDER_DISMISSED = 'optimizer.reminderDismissedAt';

export interface LastOptimization {
	at: number;
	/** Training reviews the run learned from. */
	reviews: number;
}

/**
 * Ratings of review cards given after `since` (ms), counted by quarter hours: `since` is
 * rounded up to one (see log-store's QUARTER), so ratings in the rest of its quarter hour are
 * left out, which a reminder's estimate can afford. Nearly every one of them comes on a later
 * day than the card's previous review, so it stands for the training reviews without reading
 * the log; a run counts them exactly.
 */
export function reviewCardRatingsSince(since: number): Promise<number> {
	return read(LOG_TABLES, async (db) => (await countBetween(db, since, Infinity)).reviewed);
}

export async function lastOptimization(): Promise<LastOptimization | null> {
	const value = await getAppSetting<Partial<LastOptimization>>(LAST_RUN);
	return typeof value?.at === 'number' && Number.isFinite(value.at) && typeof value.reviews === 'number'
		? { at: value.at, reviews: value.reviews }
		: null;
}

export function markOptimized(run: LastOptimization): Promise<void> {
	return setAppSetting(LAST_RUN, run);
}

/** Whether to suggest optimizing again (optimizeReminderDue), counting from the last run or the last "Not now". */
export async function optimizeReminderShown(now: number): Promise<boolean> {
	const [last, dismissed] = await Promise.all([lastOptimization(), getAppSetting<number>(REMINDER_DISMISSED)]);
	if (!last) return false;
	const since = Math.max(last.at, typeof dismissed === 'number' && Number.isFinite(dismissed) ? dismissed : 0);
	return optimizeReminderDue(since, await reviewCardRatingsSince(since), now);
}

export function dismissOptimizeReminder(now: number): Promise<void> {
	return setAppSetting(REMINDER_DISMISSED, now);
}
