/**
 * The sync event journal (SCHEMA_V4): every action writes its event here in the same
 * transaction as its effect, so the journal and the derived rows never disagree.
 */
import { deviceOf, eventIdOf, type QuizEvent, type RatingEvent, type SyncEvent } from '$lib/sync/events';
import type { Tables } from './database';
import type { QuizResult } from './rows';
import type { ReviewLogEntry } from '$lib/scheduler/types';

const listeners = new Set<() => void>();

/**
 * Calls `listener` whenever an action journals events (sync schedules its next push with it).
 * Listeners only take note: they run inside the writing transaction, which may still fail.
 */
export function onJournal(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Adds this device's new events, unconfirmed by any server yet. */
export async function journal(db: Pick<Tables, 'events'>, events: readonly SyncEvent[]): Promise<void> {
	if (events.length === 0) return;
	await db.events.bulkAdd(events.map((event) => ({ ...event, pushed: 0 as const })));
	for (const listener of listeners) listener();
}

/** A review-log entry as its rating event: the same id (see eventIdOf), time and rating. */
export function ratingEvent(log: Pick<ReviewLogEntry, 'id' | 'cardId' | 'review' | 'rating' | 'durationMs'>): RatingEvent {
	const id = eventIdOf(log.id);
	const duration = Number.isFinite(log.durationMs) && log.durationMs > 0 ? Math.round(log.durationMs) : 0;
	return { id, device: deviceOf(id), at: log.review, type: 'rating', cardId: log.cardId, rating: log.rating, durationMs: duration };
}

/** A quiz result as its event, under the result's own id (see eventIdOf). */
export function quizEvent(result: QuizResult): QuizEvent {
	const id = eventIdOf(result.id);
	return { id, device: deviceOf(id), at: result.at, type: 'quiz', result };
}
