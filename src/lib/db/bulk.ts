import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';
import { CARD_TABLES, placesById } from './card-store';
import { write } from './database';
import { addRatings, LOG_TABLES, nextSeq } from './log-store';
import { CONVERTED_KEY } from './sync-keys';
import { progressKey, toProgressRow, toReviewLogRow, type Placement } from './rows';

/** Progress of a card that is in no note (yet): kept hidden until a sync finds its card. */
const NOWHERE: Placement = { deckId: '', noteId: '', live: 0 };

/**
 * Writes many progress rows (replacing each card's row) and appends review-log rows, all in
 * one transaction: for benchmarks and tests that seed a history. Call it in batches of some
 * thousands. The log rows are numbered after the latest rating (see SCHEMA_V3), in the order
 * given, as if rated here one after another. A log id that already exists fails the whole batch.
 */
export async function importProgress(progress: CardProgress[], reviewLog: ReviewLogEntry[] = []): Promise<void> {
	await write([...CARD_TABLES, ...LOG_TABLES, 'progress', 'settings'], async (db) => {
		const cardIds = [...new Set([...progress, ...reviewLog].map((p) => p.cardId))];
		// One lookup per id: anyOf walks a cursor, far slower on a big table.
		const [cards, found, seq] = await Promise.all([
			placesById(db, cardIds),
			Promise.all(cardIds.map((id) => db.progress.where('cardId').equals(id).first())),
			nextSeq(db)
		]);
		const existing = found.filter((row) => row !== undefined);
		const place = new Map<string, Placement>();
		for (const row of existing) place.set(row.cardId, { deckId: row.deckId, noteId: row.noteId, live: row.live });
		cards.forEach((card, i) => card && place.set(cardIds[i], { deckId: card.deckId, noteId: card.noteId, live: 1 }));
		const placeOf = (cardId: string) => place.get(cardId) ?? NOWHERE;
		const replaced = new Set(progress.map((p) => p.cardId));
		// A row found under another deck (imported before its card existed) moves to the card's deck.
		const moved = existing.filter((row) => replaced.has(row.cardId) && row.deckId !== placeOf(row.cardId).deckId);
		await db.progress.bulkDelete(moved.map(progressKey));
		await db.progress.bulkPut(progress.map((p) => toProgressRow(p, placeOf(p.cardId))));
		await addRatings(
			db,
			reviewLog.map((log, i) => ({ ...toReviewLogRow(log, placeOf(log.cardId).deckId), seq: seq + i }))
		);
		// Like restored rows, these have no sync events yet: the next sync makes them.
		await db.settings.put({ key: CONVERTED_KEY, value: false });
	});
}
