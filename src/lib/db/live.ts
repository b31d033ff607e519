// Dexie's liveQuery, re-exported so that src/lib/db stays the only importer of dexie.
export { liveQuery as observe } from 'dexie';
