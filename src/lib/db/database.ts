import Dexie, { type Table, type Transaction } from 'dexie';
import { StorageUnavailableError, toUnavailableError, toWriteError } from './errors';
import { COMPLETE_KEY, TOTALS_FORMAT } from './deck-totals';
import { deckTotalsMiddleware } from './deck-totals-middleware';
import { loadDevice } from './device';
import { DATABASE_NAME } from './name';
import { packStoredCards } from './card-pages-upgrade';
import { countByDay, packStoredLog } from './log-pages-upgrade';
import type {
	CardNoteRow,
	CardPageRow,
	DeckRow,
	EventRow,
	LogPageRow,
	LogTimeRow,
	NoteRow,
	ProgressKey,
	ProgressRow,
	QuizResult,
	SettingRow,
	TotalsCompleteRow,
	TotalsShardRow
} from './rows';

export { DATABASE_NAME };

/** Bounds for the open end of a compound-key range, e.g. [deckId, MIN_KEY]..[deckId, MAX_KEY]. */
export const MIN_KEY = Dexie.minKey;
export const MAX_KEY = Dexie.maxKey;

/**
 * Content: notes (hashes), decks, cards (packed since version 6) — replaced from deck JSON.
 * Progress: progress, the review log (logPages, logTimes since version 7; logTimes by day since 8), settings, quizHistory — the user's, never deleted by a deck update.
 * progress is keyed [deckId+cardId] so getAllKeys on any of its indexes yields deck ids
 * too: per-deck counts need no row values. [active+state+due] serves due, learning and
 * started cards of visible, unsuspended cards as plain key ranges.
 */
export const SCHEMA_V1 = {
	notes: 'id',
	decks: 'id, noteId',
	cards: 'id, deckId, [noteId+pos]',
	progress: '[deckId+cardId], &cardId, noteId, [active+state+due], suspended, buriedUntil',
	reviewLog: 'id, review, [cardId+review]',
	settings: 'key'
};

/** Adds quiz history, and [stateBefore+review] so today's new-card count is a key count. */
export const SCHEMA_V2 = {
	reviewLog: 'id, review, [cardId+review], [stateBefore+review]',
	quizHistory: 'id, at, *deckIds'
};

/**
 * Numbers each rating in the order it was written (`seq`, see progress.ts): review times
 * cannot order the log, since a clock, a backup or an older version may have written any
 * date. Rows written before version 3 keep no number; the upgrade rewrites no row, so a
 * log of a million ratings opens at once.
 */
export const SCHEMA_V3 = {
	reviewLog: 'id, review, [cardId+review], [stateBefore+review], seq'
};

/**
 * Adds the sync event journal (src/lib/sync/events.ts): every action from this version on
 * writes its event in the same transaction as its effect. `pushed` (0/1) finds what the
 * server has not confirmed; [cardId+at] gives one card's events for a replay. Older history
 * becomes events only when sync is first turned on (db/sync-local.ts convertLegacy): the
 * upgrade rewrites no row, so people who never sync pay nothing.
 */
export const SCHEMA_V4 = {
	events: 'id, [cardId+at], pushed'
};

/**
 * Adds per-deck totals of progress (deck-totals.ts), so the deck tree and home counts read a
 * few rows (decks' totals packed by a hash of their ids), not a key per started card. Every write to progress keeps them in the same
 * transaction (deck-totals-middleware.ts). The upgrade rewrites no row and counts nothing:
 * the first reader counts them (deck-totals-store.ts), so the database opens at once.
 */
export const SCHEMA_V5 = {
	deckTotals: 'shard'
};

/**
 * Packs the cards (issue #20; db/card-store.ts): a directory row per note (`cardNotes`, its
 * card ids in order, a multi-entry index finding a card's note) and pages of cards
 * (`cardPages`), instead of a row per card. The upgrade packs every stored card inside the
 * upgrade's transaction, so nothing shows empty and no re-sync is needed; then `cards` goes.
 * Cards are content (rebuilt from deck files and device notes), and no other table is touched.
 */
export const SCHEMA_V6 = {
	cards: null,
	cardNotes: 'noteId, *ids',
	cardPages: '[noteId+page]'
};

/**
 * Packs the review log (issue #20; db/log-store.ts): pages of up to 500 ratings per shard of
 * card ids (`logPages`, keyed [shard+page], indexed on the page's highest seq and latest review),
 * and the ratings counted per quarter hour (`logTimes`), instead of a row per rating. The upgrade
 * moves every stored rating inside the upgrade's transaction (db/log-pages-upgrade.ts), so no
 * reader sees a half-moved log; then `reviewLog` goes. No other table is touched.
 */
export const SCHEMA_V7 = {
	reviewLog: null,
	logPages: '[shard+page], seq, last',
	logTimes: 't'
};

/**
 * Counts the log by day (issue #20): `logTimes` holds a row per UTC day with its 96 quarter
 * hours' counts, and a `'total'` row (db/log-times.ts), instead of a row per quarter hour — a
 * restore of 1M ratings wrote ~500k quarter-hour rows, and a count over all time read them all.
 * Same store and key path; the upgrade turns the stored rows into day rows in its transaction.
 */
export const SCHEMA_V8 = {
	logTimes: 't'
};

/**
 * Writes a page's ratings as tuples (issue #20; db/log-page.ts): the stored log is 2.6 times
 * less text, so a restore of a million ratings writes it seconds sooner. Same stores; the upgrade
 * rewrites nothing (a page is written in tuples when next written, and this version reads both).
 * The version number is for the apps before it: they would read a page of tuples as no page of
 * theirs, and a tab of one still open must close its database rather than miss the ratings.
 */
export const SCHEMA_V9 = {};

/** Upgrade functions moving data that are running now (in any database this page opens). */
let moves = 0;

/**
 * An upgrade function that moves every stored row of a table (version 6's cards, version 7's
 * log, version 8's counts), marked while it runs: with a million ratings that takes a minute once, and the page
 * must say to wait rather than to reload, which would only start it over.
 */
function moving(upgrade: (tx: Transaction) => Promise<unknown>): (tx: Transaction) => Promise<unknown> {
	return async (tx) => {
		moves++;
		try {
			return await upgrade(tx);
		} finally {
			moves--;
		}
	};
}

/** Whether an upgrade is moving stored data right now (the open then waits for it, not for another tab). */
export function upgradingData(): boolean {
	return moves > 0;
}

export class TabledeckDatabase extends Dexie {
	notes!: Table<NoteRow, string>;
	decks!: Table<DeckRow, string>;
	cardNotes!: Table<CardNoteRow, string>;
	cardPages!: Table<CardPageRow, [string, number]>;
	progress!: Table<ProgressRow, ProgressKey>;
	logPages!: Table<LogPageRow, [number, number]>;
	logTimes!: Table<LogTimeRow, number | string>;
	settings!: Table<SettingRow, string>;
	quizHistory!: Table<QuizResult, string>;
	events!: Table<EventRow, string>;
	deckTotals!: Table<TotalsShardRow | TotalsCompleteRow, number>;

	constructor(name: string, indexedDB: IDBFactory, keyRange: typeof IDBKeyRange) {
		super(name, { indexedDB, IDBKeyRange: keyRange });
		this.version(1).stores(SCHEMA_V1);
		this.version(2).stores(SCHEMA_V2);
		this.version(3).stores(SCHEMA_V3);
		this.version(4).stores(SCHEMA_V4);
		this.version(5).stores(SCHEMA_V5);
		this.version(6)
			.stores(SCHEMA_V6)
			.upgrade(moving((tx) => packStoredCards(tx.table('cards'), tx.table('cardNotes'), tx.table('cardPages'))));
		this.version(7)
			.stores(SCHEMA_V7)
			.upgrade(moving((tx) => packStoredLog(tx.table('reviewLog'), tx.table('logPages'), tx.table('logTimes'))));
		this.version(8)
			.stores(SCHEMA_V8)
			.upgrade(moving((tx) => countByDay(tx.table('logTimes'))));
		this.version(9).stores(SCHEMA_V9);
		this.use(deckTotalsMiddleware);
		// A new database has no progress, so its totals are complete from the start.
		this.on('populate', (tx) => tx.table('deckTotals').add({ shard: COMPLETE_KEY, format: TOTALS_FORMAT }));
	}
}

export type TableName =
	| 'notes'
	| 'decks'
	| 'cardNotes'
	| 'cardPages'
	| 'progress'
	| 'logPages'
	| 'logTimes'
	| 'settings'
	| 'quizHistory'
	| 'events'
	| 'deckTotals';

export interface OpenOptions {
	/** A fresh name per test keeps tests apart. */
	name?: string;
	/** Default: the browser's own (globalThis.indexedDB / IDBKeyRange); null acts as a browser without one. */
	indexedDB?: IDBFactory | null;
	IDBKeyRange?: typeof IDBKeyRange;
}

let current: TabledeckDatabase | null = null;

/**
 * Opens (creating or upgrading) the database and makes it the one every operation uses.
 * Rejects with StorageUnavailableError when IndexedDB is missing, refused, blocked by
 * another tab, newer than this app, or out of space.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<TabledeckDatabase> {
	const indexedDB = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
	const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
	if (!indexedDB || !keyRange) {
		throw new StorageUnavailableError('missing', 'This browser has no IndexedDB to keep progress in');
	}
	const db = new TabledeckDatabase(options.name ?? DATABASE_NAME, indexedDB, keyRange);
	db.on('versionchange', () => letGo(db));
	try {
		await openUnlessBlocked(db);
	} catch (error) {
		db.close();
		throw toUnavailableError(error);
	}
	try {
		await loadDevice(db);
	} catch (error) {
		db.close();
		throw toUnavailableError(error);
	}
	current?.close();
	current = db;
	return db;
}

const replacedListeners = new Set<() => void>();

/**
 * Calls `listener` when another tab upgrades or deletes the database, after this tab has let
 * go of it. Returns the unsubscribe.
 */
export function onDatabaseReplaced(listener: () => void): () => void {
	replacedListeners.add(listener);
	return () => replacedListeners.delete(listener);
}

/**
 * Another tab wants a newer schema (or to delete the database): close at once so it is not
 * blocked, and for good: Dexie's own handler would reopen this old version on the next call,
 * which fails or holds up that tab again. Transactions already running still commit.
 * Returning false keeps Dexie's handler from running as well.
 */
function letGo(db: TabledeckDatabase): false {
	db.close();
	if (current === db) for (const listener of replacedListeners) listener();
	return false;
}

/** Dexie waits for ever while another tab blocks an upgrade; the app would rather say so. */
function openUnlessBlocked(db: TabledeckDatabase): Promise<unknown> {
	return new Promise((resolve, reject) => {
		db.on('blocked', () =>
			reject(new StorageUnavailableError('blocked', 'Another Tabledeck tab is using an older version of the database; close it and reload'))
		);
		db.open().then(resolve, reject);
	});
}

export function closeDatabase(): void {
	current?.close();
	current = null;
}

export function database(): TabledeckDatabase {
	if (!current || !current.isOpen()) {
		throw new StorageUnavailableError('closed', 'The local database is not open');
	}
	return current;
}

/** The tables, bound to one transaction. */
export type Tables = Pick<TabledeckDatabase, TableName>;

/** Dexie's async zones (PSD): present at run time on Dexie.Promise, not in its types. */
const zones = Dexie.Promise as unknown as { PSD: unknown; usePSD<T>(zone: unknown, fn: () => T): T };

/**
 * `target` (a table, or a where clause or collection it returns) with every call made in
 * `zone`, the transaction's. Dexie follows its zone through awaits only a few native promises
 * deep: a read reached through nested async functions (card-store's, inside a caller's) could
 * run outside it, unseen by the live query around it, which then missed the writes to it.
 */
function inZone<T extends object>(target: T, zone: unknown): T {
	return new Proxy(target, {
		get(object, key) {
			const value: unknown = Reflect.get(object, key, object);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const result: unknown = zones.usePSD(zone, () => value.apply(object, args));
				const chained = result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then !== 'function';
				return chained ? inZone(result, zone) : result;
			};
		}
	});
}

/**
 * Tables bound to `tx` and to its zone stay in it even where Dexie loses track of its async
 * zone (nested native async functions can lose it): an operation can never slip into a
 * transaction of its own, half-applying a write or leaving a read inconsistent, and a live
 * query observes every read of its body.
 */
function bind(tx: Transaction, tables: TableName[]): Tables {
	const zone = zones.PSD;
	return Object.fromEntries(tables.map((name) => [name, inZone(tx.table(name), zone)])) as unknown as Tables;
}

/** Each table once: callers add card-store's CARD_TABLES to lists that may already name them. */
const unique = (tables: readonly TableName[]): TableName[] => [...new Set(tables)];

/**
 * Runs `body` in one read-write transaction over `tables`: all of it is applied or none
 * of it. Quota failures surface as StorageQuotaError.
 */
export async function write<T>(names: readonly TableName[], body: (db: Tables) => Promise<T>): Promise<T> {
	const db = database();
	const tables = unique(names);
	try {
		return await db.transaction('rw', tables, (tx) => body(bind(tx, tables)));
	} catch (error) {
		throw toWriteError(error);
	}
}

/** One consistent read; safe inside liveQuery, which observes every range it reads. */
export function read<T>(names: readonly TableName[], body: (db: Tables) => Promise<T>): Promise<T> {
	const tables = unique(names);
	return database().transaction('r', tables, (tx) => body(bind(tx, tables)));
}
