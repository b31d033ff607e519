import { NEW } from '$lib/scheduler/types';
import { CARD_TABLES, placesById } from './card-store';
import { write } from './database';
import { maker } from './device';
import { journal } from './journal';
import { findProgressRow } from './progress';
import { progressKey, type ProgressRow } from './rows';
import { SENT_KEY, sentList, type SentList } from './sent';

export interface SentToReview {
	/** Studied cards now due. */
	due: number;
	/** New cards queued for today. */
	fresh: number;
	/** Suspended cards and cards no longer in the notes: left alone. */
	skipped: number;
}

/**
 * Puts cards in today's review, in one transaction and without a rating: studied cards
 * become due at `now` (a later due date moves to now, an earlier one stays); new cards join
 * today's list (see SENT_KEY). Stability, difficulty and the review log are never touched,
 * so a quiz cannot change an interval. A bury is lifted, since the person asked for the
 * card today; a suspension is not. `dayEnd` is when the current study day ends.
 */
export function sendToReview(cardIds: readonly string[], now: number, dayEnd: number): Promise<SentToReview> {
	return write([...CARD_TABLES, 'progress', 'settings', 'events'], async (db) => {
		const ids = [...new Set(cardIds)];
		const [rows, cards, saved] = await Promise.all([
			Promise.all(ids.map((id) => findProgressRow(db, id))),
			placesById(db, ids),
			db.settings.get(SENT_KEY)
		]);
		const sent: string[] = [];
		const changed: ProgressRow[] = [];
		const dropped: ProgressRow[] = [];
		const fresh: string[] = [];
		let skipped = 0;
		ids.forEach((id, i) => {
			const row = rows[i];
			if (row ? row.live === 0 || row.suspended === 1 : !cards[i]) {
				skipped++;
				return;
			}
			sent.push(id);
			const buriedUntil = row && row.buriedUntil > now ? 0 : (row?.buriedUntil ?? 0);
			if (!row || row.state === NEW) {
				fresh.push(id);
				// A new card's row that only held the bury says nothing once it is lifted.
				if (row && row.buriedUntil !== buriedUntil) {
					if (row.reps === 0) dropped.push(row);
					else changed.push({ ...row, buriedUntil });
				}
			} else if (row.due > now || row.buriedUntil !== buriedUntil) {
				changed.push({ ...row, due: Math.min(row.due, now), buriedUntil });
			}
		});
		await db.progress.bulkDelete(dropped.map(progressKey));
		await db.progress.bulkPut(changed);
		const list = [...new Set([...sentList(saved?.value, now), ...fresh])];
		await db.settings.put({ key: SENT_KEY, value: { until: dayEnd, cardIds: list } satisfies SentList });
		await journal(
			db,
			sent.map((id) => maker().send(id, now, dayEnd))
		);
		return { due: ids.length - fresh.length - skipped, fresh: fresh.length, skipped };
	});
}
