/**
 * The home screen before this browser has a database. Until the person studies, nothing has
 * been rated: every card is new and the daily limits are the defaults, so today's numbers and
 * the deck tree follow from the deck index alone, and home shows them without Dexie and the
 * database code (a third of a first visit's JavaScript). Starting a review creates the
 * database; from then on home reads it (src/routes/HomeFromDatabase.svelte). Nothing here
 * imports Dexie, directly or through `$lib/db`'s barrel.
 */
import { parseDeckIndex } from '$lib/db/deck-json';
import { DATABASE_NAME } from '$lib/db/name';
import type { Deck } from '$lib/notes/types';
import { applyDailyLimits } from '$lib/scheduler/counts';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '$lib/scheduler/types';
import type { DeckLine, HomeTotals } from './home';

const OPENED_KEY = `${DATABASE_NAME}.databaseOpened`;
const CHANNEL = `${DATABASE_NAME}.database-opened`;
const PROBE = `${DATABASE_NAME}-probe`;

/**
 * True when IndexedDB works here and holds no Tabledeck database. False when it holds one,
 * when it cannot be asked (no `indexedDB.databases()`), or when it does not open: those
 * cases take the database's path, which also says plainly when storage is unavailable.
 */
export async function beforeFirstStudy(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
	try {
		// Every later visit: no asking IndexedDB (it costs home ~40 ms). A stale hint (storage
		// cleared but not localStorage) only sends home down the database's path, always right.
		if (openedBefore()) return false;
		if (!factory?.databases) return false;
		const names = (await factory.databases()).map((db) => db.name);
		return !names.includes(DATABASE_NAME) && (await opens(factory));
	} catch {
		return false;
	}
}

/** Whether this browser said on an earlier visit that it opened the database (see announceDatabaseOpened). */
export function openedBefore(): boolean {
	try {
		return globalThis.localStorage?.getItem(OPENED_KEY) === '1';
	} catch {
		return false;
	}
}

/**
 * Says the database has been opened: for later visits (localStorage) and for the other tabs
 * now (a home showing the index switches to the database).
 */
export function announceDatabaseOpened(): void {
	try {
		globalThis.localStorage?.setItem(OPENED_KEY, '1');
	} catch {
		// Storage full or blocked: later visits ask IndexedDB instead.
	}
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.postMessage('opened');
	channel.close();
}

/** Calls `listener` when another tab opens the database; returns the unsubscribe. */
export function whenDatabaseOpens(listener: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = () => listener();
	return () => channel.close();
}

/** Whether a database opens at all (private modes and policies can refuse); leaves nothing behind. */
function opens(factory: IDBFactory): Promise<boolean> {
	return new Promise((resolve) => {
		try {
			const request = factory.open(PROBE);
			request.onsuccess = () => {
				request.result.close();
				const removal = factory.deleteDatabase(PROBE);
				removal.onsuccess = removal.onerror = removal.onblocked = () => resolve(true);
			};
			request.onerror = () => resolve(false);
			request.onblocked = () => resolve(false);
		} catch {
			resolve(false);
		}
	});
}

export interface FirstVisitHome extends Omit<HomeTotals, 'planned'> {
	lines: DeckLine[];
}

/**
 * What home shows before any study, from `index.json`: the same numbers the database gives
 * once the decks are synced into it (src/lib/services/first-visit.test.ts holds them equal).
 */
export async function homeFromIndex(
	fetchJson: (path: string) => Promise<unknown>,
	settings: SchedulerSettings = DEFAULT_SETTINGS
): Promise<FirstVisitHome> {
	const index = parseDeckIndex(await fetchJson('index.json'));
	const nothingStudied = { newIntroduced: 0, reviewsDone: 0 };
	const limited = (cards: number) => applyDailyLimits({ new: cards, learning: 0, review: 0 }, settings, nothingStudied);
	// A deck's cardCount includes the decks below it; a note's root deck holds all its cards.
	const decks: Deck[] = index.decks;
	const allCards = decks.reduce((sum, deck) => sum + (deck.parentId === null ? deck.cardCount : 0), 0);
	return {
		totals: limited(allCards),
		doneToday: 0,
		lines: decks.map((deck) => ({ deck, ...limited(deck.cardCount) }))
	};
}
