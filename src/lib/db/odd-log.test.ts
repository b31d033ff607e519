/**
 * Every reader of the review log against rows no version writes but a database can hold
 * (see odd-log.ts): a year-9999 row once made undo fail for good, and a row without a
 * `previous` made reading it throw.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayStart, nextDayStart, studyDayStart } from '$lib/scheduler';
import { REVIEW } from '$lib/scheduler/types';
import { cardReviewLog, getProgress, latestReviewId, recordReview, undoLastReview, undoReview } from './progress';
import { limitsUsedToday, ratingsBetween, studyStreak, todayStats } from './counts';
import { closeDatabase, write } from './database';
import { UndoConflictError } from './errors';
import { LOG_TABLES, replaceCardRatings } from './log-store';
import { reviewLogCsv } from './export';
import { addOddRows, oddRows } from './odd-log';
import { queueSource } from './queue';
import { studyDaysSince } from './reminder';
import { statsDetails, statsOverview } from './stats';
import { syncDecks } from './sync';
import {
	DAY,
	HOUR,
	k8sNote,
	logOf,
	MINUTE,
	NOW,
	openTestDatabase,
	progressOf,
	serve,
	storedRatingCount,
	storedRatings,
	storeRatings
} from './testing';

const HOUR_OF_DAY = 4;
const dayStartOf = (ms: number) => dayStart(ms, HOUR_OF_DAY);
const window = { now: NOW, dayStart: dayStartOf(NOW), nextDayStart: nextDayStart(NOW, HOUR_OF_DAY) };

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

/** Two real ratings, a day apart; the later one is the latest made. */
async function rateTwo() {
	const p2 = progressOf('p2', { due: NOW + 9 * DAY });
	const s1 = progressOf('s1', { due: NOW + 3 * DAY });
	const older = logOf(p2, null, NOW - DAY);
	const latest = logOf(s1, null, NOW - HOUR);
	await recordReview(p2, older);
	await recordReview(s1, latest);
	return { older, latest };
}

/** What every window reader answers; rows at times outside every window must change none of it. */
async function readers() {
	const { dayStart: start, nextDayStart: next } = window;
	const text = (parts: unknown[]) => parts.join('');
	const [overview, deckOverview, details, deckDetails] = [
		await statsOverview(null, NOW, HOUR_OF_DAY),
		await statsOverview('svc', NOW, HOUR_OF_DAY),
		await statsDetails(null, NOW, HOUR_OF_DAY),
		await statsDetails('svc', NOW, HOUR_OF_DAY)
	];
	return {
		today: await todayStats(start, next),
		limits: await limitsUsedToday(start, next, { introduced: 5, reviewed: 5 }),
		between: await ratingsBetween(start - 7 * DAY, next),
		streak: await studyStreak(NOW, dayStartOf),
		reminder: await studyDaysSince(0, NOW, HOUR_OF_DAY, 7),
		queue: await queueSource(null, window),
		overview,
		deckOverview,
		details,
		deckDetails,
		csvDays: text(await reviewLogCsv((t) => t))
			.split('\r\n')
			.filter((line) => line.includes('2025-03-0')).length
	};
}

describe('undo with odd rows in the log', () => {
	it('undoes the latest rating made, not the row dated latest', async () => {
		const { older, latest } = await rateTwo();
		await addOddRows('s2', 'svc');
		expect(await latestReviewId()).toBe(latest.id);
		expect(await undoLastReview()).toEqual(latest);
		expect(await getProgress('s1')).toEqual(latest.previous);
		expect(await latestReviewId()).toBe(older.id);
		expect(await undoLastReview()).toEqual(older);
		expect(await undoLastReview()).toBeNull();
		// The odd rows are history: still there, never undone in place of a rating.
		expect(await storedRatingCount()).toBe(oddRows('s2', 'svc').length);
	});

	it('undoes a log from before write-order numbers by review time, passing over odd rows', async () => {
		const { older, latest } = await rateTwo();
		// As schema version 2 wrote them (and as a restore still does): no `seq`.
		const unnumbered = (await storedRatings()).map(({ seq: _seq, ...row }) => row);
		await write(LOG_TABLES, async (db) => {
			for (const cardId of new Set(unnumbered.map((row) => row.cardId))) {
				await replaceCardRatings(
					db,
					cardId,
					unnumbered.filter((row) => row.cardId === cardId)
				);
			}
		});
		await addOddRows('s2', 'svc');
		expect(await latestReviewId()).toBe(latest.id);
		expect(await undoLastReview()).toEqual(latest);
		expect(await undoLastReview()).toEqual(older);
		expect(await undoLastReview()).toBeNull();
		expect(await storedRatingCount()).toBe(oddRows('s2', 'svc').length);
	});

	it('refuses to undo an odd row with a clear error and changes nothing', async () => {
		await rateTwo();
		const [row] = await addOddRows('s2', 'svc');
		await expect(undoReview(row.id)).rejects.toBeInstanceOf(UndoConflictError);
		expect(await storedRatingCount()).toBe(oddRows('s2', 'svc').length + 2);
	});

	it('undoes a card’s latest rating though the card has a row dated 9999', async () => {
		const { latest } = await rateTwo();
		await addOddRows('s1', 'svc');
		expect(await undoReview(latest.id)).toEqual(latest);
	});
});

describe('readers with odd rows in the log', () => {
	it('answer as without rows at times outside every window', async () => {
		await rateTwo();
		const expected = await readers();
		await addOddRows('s2', 'svc');
		await addOddRows('e1', 'ext', undefined, 'odd2');
		expect(await readers()).toEqual(expected);
	});

	it('read rows of today with odd fields without a NaN or a throw', async () => {
		await rateTwo();
		const today = Array.from({ length: 13 }, (_, i) => NOW - 2 * HOUR + i * MINUTE);
		const rows = await addOddRows('s2', 'svc', today);
		const overview = await statsOverview(null, NOW, HOUR_OF_DAY);
		const counted = rows.filter((row) => typeof row.review === 'number').length;
		expect(overview.todayReviews).toBe(counted + 1);
		// 9 odd rows of 1 s (4 have no usable time: NaN, -5, 1e300, none) and the real rating's 4 s;
		// the deck leaves out the row whose card id is 42, no card of it.
		expect(overview.todayMs).toBe(13_000);
		expect((await statsOverview('svc', NOW, HOUR_OF_DAY)).todayMs).toBe(12_000);
		// Only ratings 1–4 of cards in review count towards retention.
		const passFail = (await statsDetails('svc', NOW, HOUR_OF_DAY)).retention[7].all;
		const valid = rows.filter((row) => row.stateBefore === REVIEW && [1, 2, 3, 4].includes(row.rating));
		expect(valid.length).toBeGreaterThan(1);
		// The first of the day per card is the one counted.
		expect(passFail.passed + passFail.failed).toBe(1);
		expect((await cardReviewLog('s2')).map((log) => log.id)).toEqual(rows.filter((row) => row.cardId === 's2').map((row) => row.id));
	});

	it('list a card’s history oldest first, leaving out only rows with no date to show', async () => {
		await addOddRows('s2', 'svc');
		const history = await cardReviewLog('s2');
		// Year 9999 and the two ends of Date's range; 1e300, ±Infinity, NaN, none and a string have no date.
		expect(history.map((log) => log.review)).toEqual([-8.64e15, Date.UTC(9999, 0, 1), 8.64e15]);
		expect(history.every((log) => log.previous === null || typeof log.previous === 'object')).toBe(true);
	});

	it('export every row a date can show, including those dated in fractions of a millisecond', async () => {
		const start = studyDayStart(20_000, HOUR_OF_DAY);
		const times = [start + 0.5, start + 0.5, start + 1, Date.UTC(9999, 0, 1), '2025-03-10', 1e300, Infinity, NaN, undefined];
		await storeRatings(oddRows('s2', 'svc', times));
		for (const slice of [1, 2, 3]) {
			const lines = (await reviewLogCsv((t) => t, slice)).join('').split('\r\n').filter(Boolean);
			expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
				new Date(start).toISOString(),
				new Date(start).toISOString(),
				new Date(start + 1).toISOString(),
				'9999-01-01T00:00:00.000Z',
				'2025-03-10T00:00:00.000Z'
			]);
		}
	});
});
