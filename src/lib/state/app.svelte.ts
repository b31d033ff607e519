import { getSettings, hasStoredDecks, openDatabase, saveSettings, StorageUnavailableError, syncDecks, type SyncProgress } from '$lib/db';
import { onDatabaseReplaced, upgradingData } from '$lib/db/database';
import { messageOf } from '$lib/errors';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '$lib/scheduler/types';
import { fetchDeckJson } from '$lib/services/deck-files';
import { announceDatabaseOpened } from '$lib/services/first-visit';
import { syncState } from './sync.svelte';

/** replaced: another tab upgraded (or deleted) the database, and this tab let go of it. */
export type AppStatus = 'loading' | 'ready' | 'unavailable' | 'replaced';

/**
 * How long opening may take before the page says why it waits. IndexedDB gives no event when
 * an open queues behind another tab's upgrade that is itself blocked: only time tells.
 */
export const OPEN_PATIENCE_MS = 5000;

/** How often a slow open asks whether an upgrade is moving data (no event tells). */
const UPGRADE_POLL_MS = 500;

/** The longest a visit with decks stored holds its deck check back for the page (see checkDecksAfter). */
export const DECK_CHECK_WAIT_MS = 1000;

/**
 * Opens storage and brings the decks up to date, once per page load. Pages wait for
 * `status === 'ready'`: at once when decks are stored (the sync runs beside), after the
 * first sync otherwise. When IndexedDB is unavailable they say so instead of pretending
 * to save. A deck sync that fails (offline with nothing cached, a bad file) keeps the
 * decks already stored.
 */
class AppState {
	status = $state<AppStatus>('loading');
	/** Why storage is unavailable, or why the decks could not be refreshed. */
	storageReason = $state('');
	/** Still loading after OPEN_PATIENCE_MS: the database has not opened yet. */
	slowOpen = $state(false);
	/** Still loading after OPEN_PATIENCE_MS because an upgrade is moving the stored data: a reload would start it over. */
	upgrading = $state(false);
	deckError = $state('');
	/** How far the decks being written are, while a first load or a deck update runs; null otherwise. */
	deckUpdate = $state<SyncProgress | null>(null);
	settings = $state<SchedulerSettings>({ ...DEFAULT_SETTINGS });
	private started: Promise<void> | null = null;
	private deckCheckAfter: Promise<unknown> = Promise.resolve();

	start(): Promise<void> {
		this.started ??= this.open();
		return this.started;
	}

	/**
	 * Called before start() by a page whose first view reads much (home): with decks stored, the
	 * deck index is checked once `until` settles or DECK_CHECK_WAIT_MS have passed, whichever is
	 * first, so the check's fetching and parsing do not hold that view up. A first visit, with no
	 * decks stored, checks at once: it has nothing to show before.
	 */
	checkDecksAfter(until: Promise<unknown>) {
		this.deckCheckAfter = Promise.race([until, new Promise((resolve) => setTimeout(resolve, DECK_CHECK_WAIT_MS))]);
	}

	async updateSettings(partial: Partial<SchedulerSettings>) {
		await saveSettings(partial);
		await this.reloadSettings();
	}

	/**
	 * Reads the settings again after something else wrote them (a restore), and has sync take up
	 * what changed. No write: after a big restore, a write would wait for every read the new data
	 * started (0.47 s after restoring 1M ratings).
	 */
	async reloadSettings() {
		this.settings = await getSettings();
		syncState.soon();
	}

	private async open() {
		// Marks for the benchmarks (bench:review reads them): where a start's time goes.
		performance.mark('tabledeck:app-start');
		let poll: ReturnType<typeof setInterval> | undefined;
		const patience = setTimeout(() => {
			this.slowOpen = true;
			this.upgrading = upgradingData();
			poll = setInterval(() => (this.upgrading = upgradingData()), UPGRADE_POLL_MS);
		}, OPEN_PATIENCE_MS);
		try {
			await openDatabase();
			performance.mark('tabledeck:db-open');
		} catch (error) {
			this.storageReason = error instanceof StorageUnavailableError ? error.reason : String(error);
			this.status = 'unavailable';
			return;
		} finally {
			clearTimeout(patience);
			clearInterval(poll);
			this.slowOpen = false;
			this.upgrading = false;
		}
		onDatabaseReplaced(() => (this.status = 'replaced'));
		let firstNoteStored = () => {};
		const firstNote = new Promise<void>((resolve) => (firstNoteStored = resolve));
		const onProgress = (progress: SyncProgress) => {
			this.deckUpdate = progress.done < progress.total ? { ...progress } : null;
			if (progress.done > 0) firstNoteStored();
		};
		// The settings and whether decks are stored, in parallel: the page waits for both.
		const [stored, settings] = await Promise.all([hasStoredDecks(), getSettings()]);
		const sync = (stored ? this.deckCheckAfter : Promise.resolve())
			.then(() => syncDecks(fetchDeckJson, { onProgress }))
			.then(
				() => (this.deckError = ''),
				(error) => (this.deckError = messageOf(error))
			)
			.finally(() => (this.deckUpdate = null));
		// With decks stored from an earlier visit, pages start from them at once (offline, or on
		// a slow network, that is seconds sooner); live queries show what the check changes.
		// The first visit has nothing to show until the decks arrive: it starts once the first
		// note is stored (the notes are written one by one, each whole), and the rest follow.
		if (!stored) await Promise.race([sync, firstNote]);
		this.settings = settings;
		if (this.status === 'loading') this.status = 'ready';
		announceDatabaseOpened();
		performance.mark('tabledeck:ready');
		// Settings another device changed arrive with a sync.
		syncState.onPulled = () => void getSettings().then((settings) => (this.settings = settings));
		void syncState.start();
	}
}

export const app = new AppState();
