/**
 * One sync run: push everything this device has not pushed yet, then pull everything new.
 * It can be cut off at any await (network gone, tab closed) and simply run again:
 * - a doc is marked pushed only after the server said it has it, and pushing it again is
 *   harmless (a conflict means "already there"), so nothing is lost or doubled on the server;
 * - pulled docs and the checkpoint after them are handed to the local side together (one
 *   transaction there), and applying a doc twice is harmless, so nothing is lost or doubled here;
 * - a checkpoint is trusted only if the server recorded it (see startingPoint).
 */
import { SETTINGS_ID, type CouchClient, type CouchDoc } from './couch';
import { SyncError } from './errors';

/** What replication needs from the device's own storage (IndexedDB in the app). */
export interface LocalSide {
	/** Up to `limit` docs not yet confirmed by the server, oldest first. */
	unpushed(limit: number): Promise<CouchDoc[]>;
	markPushed(ids: string[]): Promise<void>;
	/** Store `docs` (ignoring ids already held) and the checkpoint after them, in one transaction. */
	applyPulled(docs: CouchDoc[], checkpoint: string): Promise<void>;
	getCheckpoint(): Promise<string | undefined>;
}

export type ReplicateOptions = { replicationId: string; batchSize?: number };
export type ReplicateResult = { pushed: number; pulled: number; checkpoint: string };

export async function replicate(
	local: LocalSide,
	remote: CouchClient,
	{ replicationId, batchSize = 500 }: ReplicateOptions
): Promise<ReplicateResult> {
	let pushed = 0;
	for (;;) {
		const docs = await local.unpushed(batchSize);
		if (docs.length === 0) break;
		const { stored, failed } = await remote.push(docs);
		await local.markPushed(stored);
		pushed += stored.length;
		// Stop rather than loop forever on a doc the server keeps refusing; it stays unpushed.
		if (failed.length > 0) throw new SyncError('server', `The server refused ${failed.length} documents`);
	}

	let since = await startingPoint(local, remote, replicationId);
	let pulled = 0;
	for (;;) {
		const batch = await remote.pull(since, batchSize);
		// Server first: a local checkpoint is then always one the server has recorded.
		await remote.writeCheckpoint(replicationId, batch.lastSeq);
		await local.applyPulled(batch.docs, batch.lastSeq);
		pulled += batch.docs.length;
		if (batch.done || batch.lastSeq === since) return { pushed, pulled, checkpoint: batch.lastSeq };
		since = batch.lastSeq;
	}
}

/**
 * Resume from the local checkpoint only if the server recorded it for this replication. If not
 * (the server database was recreated or restored, or the device's copy is from elsewhere),
 * sequences cannot be trusted across databases: start over — as PouchDB does — which costs
 * time but loses nothing, since applying docs again is harmless.
 */
async function startingPoint(local: LocalSide, remote: CouchClient, replicationId: string): Promise<string> {
	const [mine, recorded] = await Promise.all([local.getCheckpoint(), remote.readCheckpoints(replicationId)]);
	return mine !== undefined && recorded.includes(mine) ? mine : '0';
}

/** A LocalSide in memory, for tests and benchmarks; the app's lives in src/lib/db. */
export class MemoryLocal implements LocalSide {
	readonly docs = new Map<string, CouchDoc>();
	readonly pushed = new Set<string>();
	checkpoint: string | undefined;

	/** Docs written on this device (they start unpushed). */
	add(...docs: CouchDoc[]): void {
		for (const doc of docs) if (!this.docs.has(doc._id)) this.docs.set(doc._id, doc);
	}

	async unpushed(limit: number): Promise<CouchDoc[]> {
		const out: CouchDoc[] = [];
		for (const doc of this.docs.values()) {
			if (out.length >= limit) break;
			if (!this.pushed.has(doc._id)) out.push(doc);
		}
		return out;
	}

	async markPushed(ids: string[]): Promise<void> {
		for (const id of ids) this.pushed.add(id);
	}

	async applyPulled(docs: CouchDoc[], checkpoint: string): Promise<void> {
		for (const doc of docs) {
			// Events are immutable: the first copy is the copy. Settings are the one exception.
			// Pulled docs are on the server already, so they need no push.
			if (!this.docs.has(doc._id) || doc._id === SETTINGS_ID) this.docs.set(doc._id, doc);
			this.pushed.add(doc._id);
		}
		this.checkpoint = checkpoint;
	}

	async getCheckpoint(): Promise<string | undefined> {
		return this.checkpoint;
	}
}
