/**
 * The nudge to back up: after REMIND_AFTER_DAYS study days with reviews since the last
 * backup (or since the nudge was dismissed). Its own module, with no import of the backup
 * or statistics code, because the home page asks it on every visit.
 */
import { studyDay, studyDayStart } from '$lib/scheduler/time';
import { read } from './database';
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

/** Study days with reviews from `since` (ms) up to `now`, at most `limit` of them. */
export function studyDaysSince(since: number, now: number, hour: number, limit: number): Promise<number> {
	return read(['reviewLog'], async (db) => {
		let found = 0;
		let from = since;
		while (found < limit) {
			const next = await db.reviewLog.where('review').between(from, now, true, true).first();
			if (!next) break;
			found++;
			from = studyDayStart(studyDay(next.review, hour) + 1, hour);
		}
		return found;
	});
}
