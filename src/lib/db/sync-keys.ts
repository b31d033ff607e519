// Settings rows that sync keeps for itself (never part of a backup's settings).

/** This database's device id (device.ts). */
export { DEVICE_KEY } from './device';
/** true once every review-log row and quiz result has its sync event (sync-local.ts convertLegacy). */
export const CONVERTED_KEY = 'sync.converted';
/** The server sequence after the last pulled batch. */
export const CHECKPOINT_KEY = 'sync.checkpoint';
/** Server URL, user name and on/off (never the password). */
export const CONFIG_KEY = 'sync.config';
/** The settings document as last seen on the server (its `_rev`), and whether local settings changed since. */
export const SETTINGS_SYNC_KEY = 'sync.settings';
/** Cards whose pulled events are stored but whose rows are not rebuilt yet (sync-local.ts). */
export const DIRTY_KEY = 'sync.dirty';
/** Notes added in the app: the latest note event applied here, and pulled ones waiting (note-log.ts). */
export const NOTES_SYNC_KEY = 'sync.notes';
