/**
 * The shape of a page of a version-2 file's `logPages` (./format): [shard, ratings], 1 to
 * PAGE_CAP ratings, every one of a card in `shard`. Each rating is a review-log row, checked by
 * the reader with version 1's rules; this module knows only what is particular to pages.
 */
import { PAGE_CAP, SHARDS, shardOf } from '$lib/db/log-page';
import type { LogPageTuple } from './format';
import { shortJson as found } from './schema';

/** Whether `page` is a page whose every rating passes `ratingOk` (the reader's fast path). */
export function pageOk(page: unknown, ratingOk: (row: unknown) => boolean): page is LogPageTuple {
	if (!Array.isArray(page) || page.length !== 2) return false;
	const [shard, ratings] = page as unknown[];
	if (!Array.isArray(ratings) || ratings.length === 0 || ratings.length > PAGE_CAP) return false;
	for (let i = 0; i < ratings.length; i++) {
		const rating: unknown = ratings[i];
		if (!ratingOk(rating) || shardOf((rating as unknown[])[1]) !== shard) return false;
	}
	return true;
}

/** What is wrong with the shape of page `where` (not with its ratings), as a message, or null. */
export function pageShapeProblem(page: unknown, where: string): string | null {
	if (!Array.isArray(page) || page.length !== 2) return `${where}: must be a list of a shard and its ratings (found ${found(page)})`;
	const [shard, ratings] = page as unknown[];
	if (!Number.isInteger(shard) || (shard as number) < 0 || (shard as number) >= SHARDS) {
		return `${where}, shard: must be a whole number from 0 to ${SHARDS - 1} (found ${found(shard)})`;
	}
	if (!Array.isArray(ratings) || ratings.length === 0 || ratings.length > PAGE_CAP) {
		return `${where}, ratings: must be a list of 1 to ${PAGE_CAP} ratings (found ${found(ratings)})`;
	}
	return null;
}

/** The first rating (from 0) of a well-shaped page whose card is in another shard, with the message; null when none. */
export function shardProblem([shard, ratings]: LogPageTuple): { index: number; message: string } | null {
	for (let i = 0; i < ratings.length; i++) {
		const cardId = ratings[i][1];
		if (shardOf(cardId) !== shard) {
			return { index: i, message: `cardId: card ${cardId} is in shard ${shardOf(cardId)}, not in the page's shard ${shard}` };
		}
	}
	return null;
}
