import { EXAM_KEY, examFrom, type ExamSettings } from '$lib/scheduler/exam-settings';
import type { CardProgress } from '$lib/scheduler/types';
import { read, write } from './database';
import { getExam } from './settings';
import { activeStarted } from './ranges';
import { fromProgressRow } from './rows';
import { markChanged } from './settings-sync';

export { getExam };

/** Stores the whole setting in one row; a date cleared is a date off. */
export async function saveExam(exam: ExamSettings): Promise<void> {
	const value = examFrom(exam);
	if (JSON.stringify(value) !== JSON.stringify(exam)) throw new Error('Not a valid interview date setting');
	await write(['settings'], async (db) => {
		await db.settings.put({ key: EXAM_KEY, value });
		await markChanged(db, [EXAM_KEY]);
	});
}

export interface ExamSource {
	/** Each deck's parent, to find the date that covers it. */
	parentOf: Map<string, string | null>;
	/** Cards in each deck alone (sub-decks apart), started or not. */
	ownCards: Map<string, number>;
	/** Started cards that are in the notes and not suspended. */
	started: { cardId: string; deckId: string; progress: CardProgress }[];
}

/**
 * What a plan is made from: deck rows and every started, active progress row. A pass over
 * the started cards, so callers make it once per study day (services/exam.ts), not per rating.
 */
export function examSource(): Promise<ExamSource> {
	return read(['decks', 'progress'], async (db) => {
		const [decks, rows] = await Promise.all([db.decks.toArray(), activeStarted(db).toArray()]);
		return {
			parentOf: new Map(decks.map((deck) => [deck.id, deck.parentId])),
			ownCards: new Map(decks.map((deck) => [deck.id, deck.ownCards])),
			started: rows.map((row) => ({ cardId: row.cardId, deckId: row.deckId, progress: fromProgressRow(row) }))
		};
	});
}

/** The progress rows of `cardIds` that are in the notes and not suspended, with their decks. */
export function activeRows(cardIds: readonly string[]): Promise<{ deckId: string; noteId: string; progress: CardProgress }[]> {
	if (cardIds.length === 0) return Promise.resolve([]);
	return read(['progress'], async (db) => {
		const rows = await db.progress.where('cardId').anyOf(cardIds).toArray();
		return rows
			.filter((row) => row.active === 1)
			.map((row) => ({ deckId: row.deckId, noteId: row.noteId, progress: fromProgressRow(row) }));
	});
}
