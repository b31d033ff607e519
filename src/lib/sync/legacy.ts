/**
 * Today's review log as rating events, for the move of a database to events. An id stays
 * derivable from its row (`legacy.<row id>`): converting the same log twice, on this device
 * or on another that restored the same backup, gives the same events, so they merge once.
 */
import type { QuizResult } from '$lib/db/rows';
import type { ReviewLogRow } from '$lib/db/rows';
import { eventChecker } from './check';
import { deviceOf, eventIdOf, type QuizEvent, type RatingEvent } from './events';

export interface Converted {
	events: RatingEvent[];
	/** Rows left out, and rows whose duration could not be read (kept, as 0 ms). */
	problems: string[];
}

/**
 * One rating event per row. A row the database could hold but no version writes (a rating of
 * 7, a time in 9999, no card id) is reported and left out, never guessed at; only an unreadable
 * duration is taken as 0, since it says how long a look took, not what the person answered.
 */
export function eventsFromReviewLog(rows: readonly unknown[], now: number): Converted {
	const check = eventChecker(now);
	const events: RatingEvent[] = [];
	const problems: string[] = [];
	rows.forEach((value, i) => {
		const where = `review-log row ${i + 1}`;
		if (typeof value !== 'object' || value === null) {
			problems.push(`${where}: is not a row`);
			return;
		}
		const row = value as Partial<Record<keyof ReviewLogRow, unknown>>;
		const id = typeof row.id === 'string' ? eventIdOf(row.id) : row.id;
		const duration = row.durationMs;
		const readable = typeof duration === 'number' && Number.isFinite(duration) && duration >= 0;
		if (!readable) problems.push(`${where} (${String(id)}): durationMs ${String(duration)} is unreadable, taken as 0`);
		const { event, problem } = check({
			id,
			device: typeof id === 'string' ? deviceOf(id) : undefined,
			type: 'rating',
			cardId: row.cardId,
			at: row.review,
			rating: row.rating,
			durationMs: readable ? Math.round(duration) : 0
		});
		if (event?.type === 'rating') events.push(event);
		else problems.push(`${where}: ${problem ?? 'is not a rating'}`);
	});
	return { events, problems };
}

/**
 * One quiz event per stored quiz result, its id `legacy.<result id>` like a rating's (both are
 * random UUIDs, so they cannot meet). A result the backup checks would refuse is reported.
 */
export function eventsFromQuizHistory(results: readonly unknown[], now: number): { events: QuizEvent[]; problems: string[] } {
	const check = eventChecker(now);
	const events: QuizEvent[] = [];
	const problems: string[] = [];
	results.forEach((value, i) => {
		const result = (typeof value === 'object' && value !== null ? value : {}) as Partial<QuizResult>;
		const id = typeof result.id === 'string' ? eventIdOf(result.id) : result.id;
		const device = typeof id === 'string' ? deviceOf(id) : undefined;
		const { event, problem } = check({ id, device, type: 'quiz', at: result.at, result: value });
		if (event?.type === 'quiz') events.push(event);
		else problems.push(`quiz result ${i + 1}: ${problem ?? 'is not a quiz result'}`);
	});
	return { events, problems };
}
