import { read, write } from './database';
import { journal, quizEvent } from './journal';
import type { QuizResult } from './rows';

export async function addQuizResult(result: QuizResult): Promise<void> {
	await write(['quizHistory', 'events'], async (db) => {
		await db.quizHistory.add(result);
		await journal(db, [quizEvent(result)]);
	});
}

/** Newest first; with a deck, only quizzes that named it. */
export function quizHistory(deckId?: string, limit = 50): Promise<QuizResult[]> {
	return read(['quizHistory'], async (db) => {
		if (deckId === undefined) return db.quizHistory.orderBy('at').reverse().limit(limit).toArray();
		// A multi-entry index cannot be compound, so sort this deck's (few) results here.
		const rows = await db.quizHistory.where('deckIds').equals(deckId).toArray();
		return rows.sort((a, b) => b.at - a.at).slice(0, limit);
	});
}
