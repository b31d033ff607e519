/**
 * Settings travel as one CouchDB document (`settings`) with a `_rev`. Each device remembers
 * which keys it changed since its last push; a push re-reads the server's document and lays
 * only those keys over it (couch.ts updateSettings retries on 409), so two devices changing
 * different settings both keep their change, and the same setting ends as the last push left it.
 */
import { EXAM_KEY, isExamSettings } from '$lib/scheduler/exam-settings';
import { SCHEDULER_KEYS } from '$lib/scheduler/setting-names';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import type { CouchDoc, Settings } from '$lib/sync/couch';
import { SETTINGS_ID } from '$lib/sync/settings-id';
import { read, write, type Tables } from './database';
import { SETTINGS_SYNC_KEY } from './sync-keys';

/** Scheduler settings are stored one row each under this prefix (settings.ts). */
export const SCHEDULER_PREFIX = 'scheduler.';

/** The settings that follow a person across devices; language and sync's own rows stay per device. */
export const SYNCED_KEYS: readonly string[] = [...SCHEDULER_KEYS.map((key) => SCHEDULER_PREFIX + key), 'theme', EXAM_KEY];

interface SyncedState {
	rev?: string;
	changed: string[];
}

function stateOf(value: unknown): SyncedState {
	const v = value as Partial<SyncedState> | undefined;
	return {
		rev: typeof v?.rev === 'string' ? v.rev : undefined,
		changed: Array.isArray(v?.changed) ? v.changed.filter((key): key is string => SYNCED_KEYS.includes(key as string)) : []
	};
}

/** Inside a settings write: remembers that `keys` changed here, for the next push. */
export async function markChanged(db: Pick<Tables, 'settings'>, keys: readonly string[]): Promise<void> {
	const synced = keys.filter((key) => SYNCED_KEYS.includes(key));
	if (synced.length === 0) return;
	const state = stateOf((await db.settings.get(SETTINGS_SYNC_KEY))?.value);
	await db.settings.put({ key: SETTINGS_SYNC_KEY, value: { ...state, changed: [...new Set([...state.changed, ...synced])] } });
}

/**
 * Whether a stored scheduler setting has its default's type: steps are lists of text, the
 * FSRS parameters (`w`) a list of numbers. (fsrs.ts checks the parameters' ranges when it uses them.)
 */
export function hasDefaultType(name: string, value: unknown): boolean {
	const fallback = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[name];
	if (name === 'w') return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
	if (Array.isArray(fallback)) return Array.isArray(value) && value.every((v) => typeof v === 'string');
	if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value);
	return typeof value === typeof fallback;
}

/** A value is taken only when it has the default's type (as getSettings reads them). */
function acceptable(key: string, value: unknown): boolean {
	if (key === 'theme') return typeof value === 'string' && value.length < 40;
	if (key === EXAM_KEY) return isExamSettings(value);
	return hasDefaultType(key.slice(SCHEDULER_PREFIX.length), value);
}

function valuesOf(doc: CouchDoc | undefined): Record<string, unknown> {
	const values = doc?.values;
	return typeof values === 'object' && values !== null && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
}

/**
 * Takes the server's settings document, unless this device has unpushed changes (the next push
 * lays them over it) or has seen this revision already. Values of the wrong type are skipped.
 */
export async function applySettingsDoc(db: Pick<Tables, 'settings'>, doc: CouchDoc): Promise<void> {
	const state = stateOf((await db.settings.get(SETTINGS_SYNC_KEY))?.value);
	if (state.changed.length > 0 || (doc._rev !== undefined && doc._rev === state.rev)) return;
	await takeValues(db, doc, []);
	await db.settings.put({ key: SETTINGS_SYNC_KEY, value: { rev: doc._rev, changed: [] } });
}

/** Stores the document's synced values here, except `keep` (changed here since). */
async function takeValues(db: Pick<Tables, 'settings'>, doc: CouchDoc, keep: readonly string[]): Promise<void> {
	const values = valuesOf(doc);
	const keys = SYNCED_KEYS.filter((key) => !keep.includes(key) && key in values && acceptable(key, values[key]));
	await db.settings.bulkPut(keys.map((key) => ({ key, value: values[key] })));
}

/**
 * Pushes this device's changed settings through `update` (CouchClient.updateSettings), takes
 * the merged document's other values, then forgets them as changed — unless they changed again
 * meanwhile. Returns whether it pushed.
 */
export async function pushSettings(
	update: (change: (current: Settings | undefined) => Omit<Settings, '_rev'>) => Promise<Settings>
): Promise<boolean> {
	const { changed, values } = await read(['settings'], async (db) => {
		const state = stateOf((await db.settings.get(SETTINGS_SYNC_KEY))?.value);
		const rows = await db.settings.bulkGet(state.changed);
		return { changed: state.changed, values: Object.fromEntries(rows.flatMap((row) => (row ? [[row.key, row.value]] : []))) };
	});
	if (changed.length === 0) return false;
	const stored = await update((current) => ({ ...current, _id: SETTINGS_ID, values: { ...valuesOf(current), ...values } }));
	await write(['settings'], async (db) => {
		const rows = await db.settings.bulkGet(changed);
		const again = changed.filter((key, i) => JSON.stringify(rows[i]?.value) !== JSON.stringify(values[key]));
		// What other devices changed came back with ours: take it now, since the pull that
		// follows sees this revision as already seen.
		await takeValues(db, stored, again);
		await db.settings.put({ key: SETTINGS_SYNC_KEY, value: { rev: stored._rev, changed: again } });
	});
	return true;
}
