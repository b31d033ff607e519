/**
 * Sync as the app sees it: the configuration, a status line's facts, and when to run. The
 * replication code itself (src/lib/sync) loads only when sync runs, so people who never turn
 * it on never download it. Runs: when the app opens, when the network comes back, a few
 * seconds after the last action (a rating, a bury…), and on "Sync now". Never more than one at
 * a time; a request during a run runs once more after it. Review never waits for it.
 */
import { onJournal, saveSyncConfig, syncConfig, waitingCounts, type SyncConfig } from '$lib/db';
import type { SyncErrorKind } from '$lib/sync/errors';

export type SyncPhase = 'off' | 'idle' | 'syncing' | 'error';
export type SyncProblem = { kind: SyncErrorKind | 'failed'; detail: string };

/** How long after the last action a sync starts: a review session's ratings go up together. */
export const SYNC_DELAY_MS = 4_000;

/** Coming back to the app after this long syncs as opening it does. */
const RESUME_AFTER_MS = 60_000;

const session = () => import('$lib/sync/session');

function problemOf(error: unknown): SyncProblem {
	const e = error as { name?: unknown; kind?: unknown; message?: unknown } | null;
	if (e?.name === 'SyncError' && typeof e.kind === 'string') return { kind: e.kind as SyncErrorKind, detail: String(e.message) };
	return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

class SyncState {
	config = $state<SyncConfig | null>(null);
	phase = $state<SyncPhase>('off');
	problem = $state<SyncProblem | null>(null);
	/** Actions here the server does not have yet, and how many of them are ratings. */
	waiting = $state(0);
	waitingRatings = $state(0);
	/** Called after a sync that brought something (settings may have changed). */
	onPulled: () => void = () => {};
	private timer: ReturnType<typeof setTimeout> | undefined;
	private running: Promise<void> | null = null;
	private again = false;
	private started = false;

	/** Once per page, after the database opened: read the configuration, then sync if it is on. */
	async start(): Promise<void> {
		if (this.started) return;
		this.started = true;
		onJournal(() => this.soon());
		if (typeof window !== 'undefined') {
			window.addEventListener('online', () => void this.run());
			// An installed app comes back from the background rather than opening again.
			document.addEventListener('visibilitychange', () => {
				const last = this.config?.lastSynced ?? 0;
				if (document.visibilityState === 'visible' && Date.now() - last > RESUME_AFTER_MS) void this.run();
			});
		}
		await this.refresh();
		if (this.config?.enabled) void this.run();
	}

	/** Re-reads the configuration and the waiting counts (after a restore, say). */
	async refresh(): Promise<void> {
		this.config = await syncConfig();
		if (this.phase !== 'syncing' && this.phase !== 'error') this.phase = this.config?.enabled ? 'idle' : 'off';
		if (this.config) await this.count();
	}

	/** A sync a few seconds from now; each call moves it later. Without sync, nothing (not even a count). */
	soon(delay = SYNC_DELAY_MS): void {
		clearTimeout(this.timer);
		if (!this.config) return;
		void this.count();
		if (!this.config.enabled) return;
		this.timer = setTimeout(() => void this.run(), delay);
	}

	/** Signs in and turns sync on; the password goes to the server only. */
	async connect(server: string, user: string, password: string): Promise<boolean> {
		this.phase = 'syncing';
		this.problem = null;
		try {
			await (await session()).signIn(server, user, password);
			await saveSyncConfig({ server, user, enabled: true, lastSynced: this.config?.lastSynced ?? 0 });
			this.config = await syncConfig();
		} catch (error) {
			this.fail(error);
			return false;
		}
		this.phase = 'idle';
		await this.run();
		return this.problem === null;
	}

	async setEnabled(enabled: boolean): Promise<void> {
		if (!this.config) return;
		await saveSyncConfig({ ...this.config, enabled });
		this.config = await syncConfig();
		this.problem = null;
		this.phase = enabled ? 'idle' : 'off';
		if (enabled) await this.run();
	}

	/** Ends the server session and turns sync off; everything stays on this device. */
	async signOut(): Promise<void> {
		const config = this.config;
		if (!config) return;
		await saveSyncConfig({ ...config, enabled: false });
		this.config = await syncConfig();
		this.phase = 'off';
		this.problem = null;
		// The session may have ended already, or the server may be away: off is off either way.
		await (await session()).signOut(config.server, config.user).catch(() => undefined);
	}

	/** Runs a sync now, or once more after the one under way. */
	run(): Promise<void> {
		clearTimeout(this.timer);
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.loop().finally(() => (this.running = null));
		return this.running;
	}

	private async loop(): Promise<void> {
		do {
			this.again = false;
			const config = this.config;
			if (!config?.enabled) return;
			this.phase = 'syncing';
			try {
				const outcome = await (await session()).syncNow(config.server, config.user);
				const lastSynced = Date.now();
				await saveSyncConfig({ ...config, lastSynced });
				this.config = { ...config, lastSynced };
				this.problem = null;
				this.phase = 'idle';
				if (outcome.pulled > 0) this.onPulled();
			} catch (error) {
				this.fail(error);
			}
			await this.count();
		} while (this.again);
	}

	private fail(error: unknown): void {
		this.problem = problemOf(error);
		this.phase = 'error';
	}

	private async count(): Promise<void> {
		try {
			const { events, ratings } = await waitingCounts();
			this.waiting = events;
			this.waitingRatings = ratings;
		} catch {
			// The database went away (another tab upgraded it): the counts simply stay.
		}
	}
}

export const syncState = new SyncState();
