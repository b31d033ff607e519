/**
 * A card's rows rebuilt from its events: the progress row and the card's review-log rows are
 * what replaying its events gives (scheduler/replay.ts). Used when events of a card arrive
 * from another device; local actions write their effect directly, in the same transaction as
 * their event, which is the same result as long as they come last.
 */
import { replayCard } from '$lib/scheduler/replay';
import { NEW, type SchedulerSettings } from '$lib/scheduler/types';
import { eventIdOf, rowIdOf } from '$lib/sync/events';
import { placeById, type CardTables } from './card-store';
import { MAX_KEY, MIN_KEY, type Tables } from './database';
import { cardRatings, replaceCardRatings, type LogTables } from './log-store';
import { journal, ratingEvent } from './journal';
import { findProgressRow } from './progress';
import { progressKey, toProgressRow, toReviewLogRow, type Placement, type ReviewLogRow } from './rows';
import { SENT_KEY, sentList, type SentList } from './sent';

/** Progress of a card that is in no note on this device (yet): kept hidden until its card arrives. */
const NOWHERE: Placement = { deckId: '', noteId: '', live: 0 };

export type DeriveTables = CardTables & LogTables & Pick<Tables, 'progress' | 'settings' | 'events'>;

/**
 * Rebuilds the rows of `cardIds` from their events, inside the caller's transaction. A review-log
 * row with no event (restored from a backup since the last conversion) first gets one, so a
 * rebuild never drops a rating. Returns one line per event that could not be used.
 */
export async function deriveCards(
	db: DeriveTables,
	cardIds: Iterable<string>,
	settings: SchedulerSettings,
	now: number
): Promise<string[]> {
	const problems: string[] = [];
	const sent: string[] = [];
	let until = 0;
	await Promise.all(
		[...new Set(cardIds)].map(async (cardId) => {
			const [events, row, card, logRows] = await Promise.all([
				db.events.where('[cardId+at]').between([cardId, MIN_KEY], [cardId, MAX_KEY]).toArray(),
				findProgressRow(db, cardId),
				placeById(db, cardId),
				cardRatings(db, cardId)
			]);
			const known = new Set(events.map((event) => event.id));
			const missing = logRows.filter((log) => !known.has(eventIdOf(log.id))).map(ratingEvent);
			await journal(db, missing);
			const replay = replayCard(cardId, [...events, ...missing], settings, now);
			problems.push(...replay.problems);

			const place: Placement = row
				? { deckId: row.deckId, noteId: row.noteId, live: row.live }
				: card
					? { deckId: card.deckId, noteId: card.noteId, live: 1 }
					: NOWHERE;
			if (replay.progress) await db.progress.put(toProgressRow(replay.progress, place));
			else if (row) await db.progress.delete(progressKey(row));

			const seqOf = new Map(logRows.map((log) => [log.id, log.seq]));
			const rows: ReviewLogRow[] = replay.log.map((entry) => {
				const id = rowIdOf(entry.id);
				const seq = seqOf.get(id);
				// Only this device's own ratings keep their write number (undo's "last written").
				return { ...toReviewLogRow({ ...entry, id }, place.deckId), ...(seq === undefined ? {} : { seq }) };
			});
			// Rows the replay left out were undone on another device: their events stay.
			await replaceCardRatings(db, cardId, rows);
			if (replay.sentUntil > now && (replay.progress?.state ?? NEW) === NEW) {
				sent.push(cardId);
				until = Math.max(until, replay.sentUntil);
			}
		})
	);
	if (sent.length > 0) {
		const saved = (await db.settings.get(SENT_KEY))?.value as Partial<SentList> | undefined;
		const kept = sentList(saved, now);
		if (kept.length > 0 && typeof saved?.until === 'number') until = Math.max(until, saved.until);
		await db.settings.put({ key: SENT_KEY, value: { until, cardIds: [...new Set([...kept, ...sent])] } satisfies SentList });
	}
	return problems;
}
