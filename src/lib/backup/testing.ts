/** Small hand-made backups for this folder's tests and the database's. */
import { DEFAULT_SETTINGS, type CardProgress, type ReviewLogEntry } from '$lib/scheduler/types';
import { PAGE_CAP, shardOf } from '$lib/db/log-page';
import { toProgressTuple, toReviewLogTuple, type LogPageTuple, type ReviewLogTuple } from './format';
import { BackupError, readBackup } from './read';
import { BackupWriter } from './write';

export const T0 = Date.UTC(2025, 2, 10, 12);
const DAY = 86_400_000;

export function progress(cardId: string, fields: Partial<CardProgress> = {}): CardProgress {
	return {
		cardId,
		due: T0 + 5 * DAY,
		stability: 5,
		difficulty: 5,
		elapsedDays: 2,
		scheduledDays: 5,
		learningSteps: 0,
		reps: 2,
		lapses: 0,
		state: 2,
		lastReview: T0,
		suspended: 0,
		buriedUntil: 0,
		...fields
	};
}

export function review(id: string, cardId: string, at: number, fields: Partial<ReviewLogEntry> = {}): ReviewLogEntry {
	return {
		id,
		cardId,
		rating: 3,
		review: at,
		stateBefore: 2,
		stateAfter: 2,
		elapsedDays: 2,
		scheduledDays: 5,
		due: at + 5 * DAY,
		stability: 5,
		difficulty: 5,
		durationMs: 3000,
		previous: progress(cardId, { lastReview: at - 2 * DAY, due: at }),
		...fields
	};
}

export interface BackupContent {
	progress: CardProgress[];
	reviewLog: ReviewLogEntry[];
	exportedAt?: number;
	settings?: Record<string, unknown>;
}

/** The text of a version-1 backup (the log as rows), as the app's export wrote it before December 2026. */
export function backupText({ progress: rows, reviewLog, exportedAt = T0, settings = { ...DEFAULT_SETTINGS } }: BackupContent): string {
	const writer = new BackupWriter({ exportedAt, settings, preferences: { theme: 'dark', locale: 'system' } }, (texts) => texts.join(''));
	writer.rows('reviewLog', reviewLog.map(toReviewLogTuple));
	writer.rows('progress', rows.map(toProgressTuple));
	return writer.finish().join('');
}

export function sampleBackup(): BackupContent {
	return {
		progress: [
			progress('card-a'),
			progress('card-b', { state: 1, stability: 1.2 }),
			progress('card-c', { state: 0, stability: 0, difficulty: 0, lastReview: null, reps: 0, elapsedDays: 0, scheduledDays: 0 })
		],
		reviewLog: [
			review('id-1', 'card-a', T0 - 2 * DAY, { stateBefore: 0, previous: null }),
			review('id-2', 'card-a', T0),
			review('id-3', 'card-b', T0 - DAY, { rating: 1 }),
			review('id-4', 'card-c', T0 - 3 * DAY)
		]
	};
}

/** The same backup as the app's export writes it now (version 2): the log as pages by card shard, in the order given. */
export function backupPagesText({ progress: rows, reviewLog, exportedAt = T0, settings = { ...DEFAULT_SETTINGS } }: BackupContent): string {
	const writer = new BackupWriter({ exportedAt, settings, preferences: { theme: 'dark', locale: 'system' } }, (texts) => texts.join(''));
	const shards = new Map<number, ReviewLogTuple[]>();
	for (const log of reviewLog) shards.set(shardOf(log.cardId), [...(shards.get(shardOf(log.cardId)) ?? []), toReviewLogTuple(log)]);
	const pages: LogPageTuple[] = [];
	for (const [shard, tuples] of shards)
		for (let i = 0; i < tuples.length; i += PAGE_CAP) pages.push([shard, tuples.slice(i, i + PAGE_CAP)]);
	writer.pages(pages);
	writer.rows('progress', rows.map(toProgressTuple));
	return writer.finish().join('');
}

/** A version-2 file's text as version 1 holds the same data: its pages' ratings as reviewLog rows, in file order. */
export function asVersion1(text: string): string {
	const { logPages, counts, ...rest } = JSON.parse(text) as { logPages: LogPageTuple[]; counts: Record<string, number> };
	const { logPages: _pages, ...rowCounts } = counts;
	return JSON.stringify({ ...rest, version: 1, reviewLog: logPages.flatMap(([, ratings]) => ratings), counts: rowCounts });
}

/** `text` cut into pieces of `size` characters, as a file arrives in chunks. */
export const chunks = (text: string, size = 17) =>
	Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

/** The BackupError reading `text` (in chunks of `size`) an hour after the sample backup ends with; throws if it reads. */
export async function refusal(text: string, size = 17): Promise<BackupError> {
	try {
		await readBackup(chunks(text, size), { now: T0 + 3_600_000 });
	} catch (error) {
		if (error instanceof BackupError) return error;
		throw error;
	}
	throw new Error('the backup was accepted');
}

/** The backup `text` with `change` made to its parsed JSON, as text again (a file edited by hand or by a bug). */
export function edited(text: string, change: (backup: Record<string, any>) => void): string {
	const backup = JSON.parse(text);
	change(backup);
	return JSON.stringify(backup);
}
