/**
 * The id of the one CouchDB document that carries the synced settings. A module of its own:
 * the database code that every page loads needs the id, and importing it from couch.ts pulled
 * the whole CouchDB client into /review's first visit, which has no use for it until sync runs.
 */
export const SETTINGS_ID = 'settings';
