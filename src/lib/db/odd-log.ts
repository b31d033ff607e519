/**
 * Review-log rows no version of Tabledeck writes but a database can hold (a bad backup, a
 * buggy older version, a clock years off), for the tests of every reader of the log.
 */
import { write } from './database';
import { addRatings, LOG_TABLES } from './log-store';
import type { ReviewLogRow } from './rows';
import { DAY, NOW } from './testing';

/** Year 9999, the ends of Date's range and beyond, no time at all. */
export const ODD_TIMES: unknown[] = [
	Date.UTC(9999, 0, 1),
	8.64e15,
	8.64e15 + 1,
	1e300,
	-8.64e15,
	-1e300,
	Infinity,
	-Infinity,
	NaN,
	undefined,
	null,
	'2025-03-10'
];

/** Rows dated at `times` for `cardId`, each with some other field out of range too. */
export function oddRows(cardId: string, deckId: string, times: unknown[] = ODD_TIMES, tag = 'odd'): ReviewLogRow[] {
	const oddFields: Record<string, unknown>[] = [
		{ rating: 7, durationMs: NaN },
		{ rating: 0, durationMs: -5 },
		{ rating: 'x', durationMs: 1e300 },
		{ rating: NaN, durationMs: undefined, previous: undefined },
		{ stateBefore: 9, stateAfter: -1 },
		{ stateBefore: NaN, stateAfter: undefined },
		{ stateBefore: 2, previous: 'garbage' },
		{ stateBefore: 2, previous: { scheduledDays: NaN } },
		{ elapsedDays: -1, scheduledDays: 1e300, due: NaN },
		{ stability: Infinity, difficulty: -Infinity },
		{ deckId: undefined, seq: -1 },
		{ cardId: 42, seq: 'x' },
		{ seq: 1e300 }
	];
	return times.map((review, i) => ({
		id: `${tag}-${cardId}-${i}`,
		cardId,
		deckId,
		rating: 3,
		review,
		stateBefore: 2,
		stateAfter: 2,
		elapsedDays: 1,
		scheduledDays: 1,
		due: NOW + DAY,
		stability: 1,
		difficulty: 5,
		durationMs: 1000,
		previous: null,
		...oddFields[i % oddFields.length]
	})) as unknown as ReviewLogRow[];
}

/** Writes them as they are, the way an older version or a bad restore could have. */
export async function addOddRows(...args: Parameters<typeof oddRows>): Promise<ReviewLogRow[]> {
	const rows = oddRows(...args);
	await write(LOG_TABLES, (db) => addRatings(db, rows));
	return rows;
}
