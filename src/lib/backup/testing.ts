/** Small hand-made backups for this folder's tests and the database's. */
import { DEFAULT_SETTINGS, type CardProgress, type ReviewLogEntry } from '$lib/scheduler/types';
import { toProgressTuple, toReviewLogTuple } from './format';
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

/** The text of a backup, as the app's export writes it. */
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
