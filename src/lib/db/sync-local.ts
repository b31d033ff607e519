/**
 * The device's side of replication (sync/replicate.ts LocalSide) over IndexedDB: events
 * not yet on the server go up; pulled events are stored once, and the cards they name are
 * rebuilt from all their events (derive.ts) in the same transaction as the checkpoint.
 */
import type { SchedulerSettings } from '$lib/scheduler/types';
import type { CouchDoc } from '$lib/sync/couch';
import { SETTINGS_ID } from '$lib/sync/settings-id';
import { eventChecker } from '$lib/sync/check';
import type { SyncEvent } from '$lib/sync/events';
import type { LocalSide } from '$lib/sync/replicate';
import { CARD_TABLES } from './card-store';
import { read, write } from './database';
import { deriveCards } from './derive';
import { LOG_TABLES } from './log-store';
import type { EventRow } from './rows';
import { notePulled } from './note-log';
import { applySettingsDoc } from './settings-sync';
import { CHECKPOINT_KEY, DIRTY_KEY } from './sync-keys';

/** An event as a CouchDB document: its id is the document id; `pushed` is this device's business. */
export function toDoc(row: EventRow): CouchDoc {
	const { pushed: _pushed, ...event } = row;
	return { _id: event.id, ...event };
}

export interface DatabaseSide extends LocalSide {
	/** Lines about pulled documents that could not be used (kept out, never fatal). */
	readonly problems: string[];
	/** Cards rebuilt from pulled events. */
	readonly derived: number;
	/** Rebuilds the cards pulled events named, in slices; a run cut off resumes on the next call. */
	deriveWaiting(): Promise<void>;
}

/** Cards rebuilt per transaction: short enough that a rating in between never waits long. */
const DERIVE_SLICE = 250;

function dirtyOf(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * `settings` are the scheduler settings replays use; `now` is read per batch, so a long
 * first pull judges event times against the time it runs.
 */
export function databaseSide(settings: () => Promise<SchedulerSettings>, now: () => number = Date.now): DatabaseSide {
	const problems: string[] = [];
	let derived = 0;
	return {
		problems,
		get derived() {
			return derived;
		},
		unpushed: (limit) => read(['events'], async (db) => (await db.events.where('pushed').equals(0).limit(limit).toArray()).map(toDoc)),
		markPushed: async (ids) => {
			await write(['events'], async (db) => {
				const rows = await db.events.bulkGet(ids);
				await db.events.bulkPut(rows.filter((row) => row !== undefined).map((row) => ({ ...row, pushed: 1 as const })));
			});
		},
		getCheckpoint: () =>
			read(['settings'], async (db) => {
				const value = (await db.settings.get(CHECKPOINT_KEY))?.value;
				return typeof value === 'string' ? value : undefined;
			}),
		deriveWaiting: async () => {
			for (;;) {
				const scheduler = await settings();
				const at = now();
				const left = await write([...CARD_TABLES, ...LOG_TABLES, 'progress', 'settings', 'events'], async (db) => {
					const dirty = dirtyOf((await db.settings.get(DIRTY_KEY))?.value);
					const slice = dirty.slice(0, DERIVE_SLICE);
					problems.push(...(await deriveCards(db, slice, scheduler, at)));
					derived += slice.length;
					await db.settings.put({ key: DIRTY_KEY, value: dirty.slice(slice.length) });
					return dirty.length - slice.length;
				});
				if (left === 0) return;
			}
		},
		applyPulled: async (docs, checkpoint) => {
			const at = now();
			const check = eventChecker(at);
			const events: SyncEvent[] = [];
			let settingsDoc: CouchDoc | undefined;
			for (const doc of docs) {
				if (doc._id === SETTINGS_ID) {
					settingsDoc = doc;
					continue;
				}
				const { _id, _rev: _r, _deleted: _d, ...rest } = doc;
				const { event, problem } = check(rest);
				if (!event) problems.push(problem);
				else if (event.id !== _id) problems.push(`document ${JSON.stringify(_id)}: its event id is ${JSON.stringify(event.id)}`);
				else events.push(event);
			}
			// Stored with the events and the checkpoint; rebuilt once the pull is done (deriveWaiting),
			// so a card named in many batches of a long first pull is replayed once, not per batch.
			await write(['quizHistory', 'settings', 'events'], async (db) => {
				const stored = await db.events.bulkGet(events.map((event) => event.id));
				const fresh = events.filter((_, i) => stored[i] === undefined);
				// The server has them now: ours that were waiting need no push.
				const confirmed = stored.filter((row): row is EventRow => row !== undefined && row.pushed === 0);
				await db.events.bulkPut([
					...fresh.map((event) => ({ ...event, pushed: 1 as const })),
					...confirmed.map((row) => ({ ...row, pushed: 1 as const }))
				]);
				const quizzes = [
					...new Map(fresh.flatMap((event) => (event.type === 'quiz' ? [[event.result.id, event.result] as const] : []))).values()
				];
				const present = await db.quizHistory.bulkGet(quizzes.map((quiz) => quiz.id));
				await db.quizHistory.bulkAdd(quizzes.filter((_, i) => present[i] === undefined));
				const cards = fresh.flatMap((event) => (event.type === 'quiz' || event.type === 'note' ? [] : [event.cardId]));
				if (cards.length > 0) {
					const dirty = dirtyOf((await db.settings.get(DIRTY_KEY))?.value);
					await db.settings.put({ key: DIRTY_KEY, value: [...new Set([...dirty, ...cards])] });
				}
				await notePulled(
					db,
					fresh.filter((event) => event.type === 'note')
				);
				if (settingsDoc) await applySettingsDoc(db, settingsDoc);
				await db.settings.put({ key: CHECKPOINT_KEY, value: checkpoint });
			});
		}
	};
}
