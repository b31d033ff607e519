import { EXAM_KEY, examFrom, type ExamSettings } from '$lib/scheduler/exam-settings';
import { SCHEDULER_KEYS } from '$lib/scheduler/setting-names';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '$lib/scheduler/types';
import { read, write } from './database';
import { hasDefaultType, markChanged, SCHEDULER_PREFIX } from './settings-sync';

/**
 * Settings are key/value rows: one per scheduler setting (`scheduler.newPerDay`) and any
 * app setting by its own key (`theme`, `language`), so new settings need no schema change.
 */
export { SCHEDULER_PREFIX };

/** DEFAULT_SETTINGS with every stored scheduler setting laid over it. */
export function getSettings(): Promise<SchedulerSettings> {
	return read(['settings'], async (db) => {
		const rows = await db.settings.bulkGet(SCHEDULER_KEYS.map((key) => SCHEDULER_PREFIX + key));
		// A copy: callers may change the arrays without touching the defaults.
		const settings: Record<string, unknown> = { ...structuredClone(DEFAULT_SETTINGS) };
		SCHEDULER_KEYS.forEach((key, i) => {
			const row = rows[i];
			// Only a value of the default's type, so a bad row cannot break scheduling.
			if (row && hasDefaultType(key, row.value)) settings[key] = row.value;
		});
		return settings as unknown as SchedulerSettings;
	});
}

/** Stores the given scheduler settings (others keep their value); unknown keys are ignored. */
export async function saveSettings(partial: Partial<SchedulerSettings>): Promise<void> {
	const rows = SCHEDULER_KEYS.filter((key) => partial[key] !== undefined).map((key) => ({
		key: SCHEDULER_PREFIX + key,
		value: Array.isArray(partial[key]) ? [...(partial[key] as unknown[])] : partial[key]
	}));
	await write(['settings'], async (db) => {
		await db.settings.bulkPut(rows);
		await markChanged(
			db,
			rows.map((row) => row.key)
		);
	});
}

/**
 * The interview date setting (one settings row, synced and backed up like the scheduler's).
 * Here rather than in exam.ts so that the review and home can ask whether a date is set
 * without loading the plan's code.
 */
export function getExam(): Promise<ExamSettings> {
	return read(['settings'], async (db) => examFrom((await db.settings.get(EXAM_KEY))?.value));
}

export function getAppSetting<T>(key: string): Promise<T | undefined> {
	return read(['settings'], async (db) => (await db.settings.get(key))?.value as T | undefined);
}

export async function setAppSetting(key: string, value: unknown): Promise<void> {
	if (key.startsWith(SCHEDULER_PREFIX)) throw new Error(`Use saveSettings for ${key}`);
	await write(['settings'], async (db) => {
		await db.settings.put({ key, value });
		await markChanged(db, [key]);
	});
}
