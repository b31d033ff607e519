/**
 * The nudge to back up: after REMIND_AFTER_DAYS study days with reviews since the last
 * backup (or since the nudge was dismissed). Its own module, with no import of the backup
 * or statistics code, because the home page asks it on every visit.
 */
import { studyDay, studyDayStart } from '$lib/scheduler/time';
import { read } from './database';
import { countRanges, LOG_TABLES, logBefore } from './log-store';
import { getAppSetting, setAppSetting } from './settings';

const LAST_BACKUP = 'backup.lastAt';
const REMINDER_DISMISSED = 'backup.reminderDismissedAt';
/** Study days with reviews since the last backup (or dismissal) before the reminder shows. */
export const REMIND_AFTER_DAYS = 7;

export async function markBackedUp(now: number): Promise<void> {
	await setAppSetting(LAST_BACKUP, now);
}

export async function dismissBackupReminder(now: number): Promise<void> {
	await setAppSetting(REMINDER_DISMISSED, now);
}

/** Whether the person has reviewed on REMIND_AFTER_DAYS study days since their last backup or dismissal. */
export async function backupReminderDue(now: number, dayStartHour: number): Promise<boolean> {
	const [last, dismissed] = await Promise.all([getAppSetting<number>(LAST_BACKUP), getAppSetting<number>(REMINDER_DISMISSED)]);
	const since = Math.max(last ?? 0, dismissed ?? 0);
	return (await studyDaysSince(since, now, dayStartHour, REMIND_AFTER_DAYS)) >= REMIND_AFTER_DAYS;
}

/**
 * Study days with reviews from `since` (ms) up to `now`, at most `limit` of them (times by whole
 * quarter hours, see log-store's QUARTER). Counted back from today a window of days at a time,
 * the first window `limit` days long: someone who studies daily is answered by one read.
 */
export function studyDaysSince(since: number, now: number, hour: number, limit: number): Promise<number> {
	return read(LOG_TABLES, async (db) => {
		const [first, last] = [studyDay(since, hour), studyDay(now, hour)];
		let found = 0;
		let window = Math.max(1, limit);
		for (let end = last; end >= first && found < limit; end -= window, window *= 2) {
			const start = Math.max(first, end - window + 1);
			const bounds = [since];
			for (let day = start + 1; day <= end + 1; day++) bounds.push(day > last ? now + 1 : studyDayStart(day, hour));
			if (start > first) bounds[0] = studyDayStart(start, hour);
			found += (await countRanges(db, bounds)).filter((day) => day.ratings > 0).length;
			// Nothing earlier: no need to look back to `since` (0 when there was never a backup).
			if (start > first && (await logBefore(db, bounds[0])) === null) break;
		}
		return Math.min(found, limit);
	});
}
