import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEARNING, NEW, REVIEW, type CardProgress } from '$lib/scheduler/types';
import { importProgress } from './bulk';
import { deckCounts, nextDueAfter, studyStreak, todayStats } from './counts';
import { closeDatabase } from './database';
import { buryUntil } from './progress';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, MINUTE, NEXT_DAY, NOW, openTestDatabase, progressOf, scenario, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

describe('deckCounts', () => {
	it('counts due, learning and new cards per deck, sub-decks included, hidden cards nowhere', async () => {
		await scenario();
		const counts = await deckCounts(NOW, NEXT_DAY);
		expect(Object.fromEntries(counts)).toEqual({
			n1: { cards: 7, newAvailable: 1, learning: 2, due: 1 },
			svc: { cards: 5, newAvailable: 1, learning: 2, due: 1 },
			ext: { cards: 2, newAvailable: 0, learning: 1, due: 0 },
			probe: { cards: 2, newAvailable: 0, learning: 0, due: 0 },
			n2: { cards: 2, newAvailable: 2, learning: 0, due: 0 },
			logs: { cards: 1, newAvailable: 1, learning: 0, due: 0 }
		});
	});

	it('leaves out cards due from the next day on, and buried ones until their time', async () => {
		await scenario();
		expect((await deckCounts(NOW, NOW - DAY)).get('n1')).toMatchObject({ due: 0, learning: 0 });
		await buryUntil('s1', NEXT_DAY);
		expect((await deckCounts(NOW, NEXT_DAY)).get('svc')).toMatchObject({ due: 0 });
		expect((await deckCounts(NEXT_DAY, NEXT_DAY + DAY)).get('svc')).toMatchObject({ due: 1 });
		expect((await deckCounts(NEXT_DAY, NEXT_DAY + DAY)).get('probe')).toMatchObject({ newAvailable: 1 });
	});

	it('counts a returning card again', async () => {
		await scenario();
		await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
		expect((await deckCounts(NOW, NEXT_DAY)).get('n2')).toEqual({ cards: 3, newAvailable: 2, learning: 0, due: 1 });
	});
});

describe('nextDueAfter', () => {
	it('finds the earliest visible due time after now', async () => {
		await scenario();
		expect(await nextDueAfter(NOW)).toBe(NOW + 10 * MINUTE);
		await buryUntil('s3', NOW + HOUR);
		expect(await nextDueAfter(NOW)).toBe(NOW + HOUR);
		expect(await nextDueAfter(NOW + 40 * DAY)).toBeNull();
	});

	it('looks only at a deck and its sub-decks when given one', async () => {
		await scenario();
		expect(await nextDueAfter(NOW, 'probe')).toBe(NOW + 30 * DAY);
		expect(await nextDueAfter(NOW, 'svc')).toBe(NOW + 10 * MINUTE);
		// e1 is overdue (due now, not after) and e2 suspended.
		expect(await nextDueAfter(NOW, 'ext')).toBeNull();
		expect(await nextDueAfter(NOW, 'no-such-deck')).toBeNull();
	});
});

/** Study days start at 04:00 UTC here: the caller's function decides, the database only asks it. */
const dayStartOf = (ms: number) => Math.floor((ms - 4 * HOUR) / DAY) * DAY + 4 * HOUR;
const TODAY = dayStartOf(NOW);

async function ratingsAt(times: number[], state: CardProgress['state'] = REVIEW) {
	await syncDecks(serve([k8sNote()]).fetchJson);
	const rows = times.map((t) => logOf(progressOf('s1'), state === NEW ? null : progressOf('s1', { state }), t));
	await importProgress([], rows);
}

describe('todayStats', () => {
	it('counts the ratings of the study day, new and review cards apart', async () => {
		await ratingsAt([TODAY - 1, TODAY, NOW, TODAY + DAY - 1, TODAY + DAY]);
		await ratingsAt([TODAY + HOUR, TODAY + 2 * HOUR], NEW);
		await ratingsAt([TODAY + 3 * HOUR], LEARNING);
		expect(await todayStats(TODAY, TODAY + DAY)).toEqual({ ratings: 6, introduced: 2, reviewed: 3 });
		// Daily limits need new and review ratings counted no further than the limits.
		expect(await todayStats(TODAY, TODAY + DAY, { introduced: 1, reviewed: 2 })).toEqual({ ratings: 6, introduced: 1, reviewed: 2 });
	});
});

describe('studyStreak', () => {
	it('counts days in a row with a rating, across the 04:00 day boundary', async () => {
		// Today 05:00; yesterday 23:00; the day before at 03:30 of yesterday's date; a gap; four days ago.
		await ratingsAt([TODAY + HOUR, TODAY - 5 * HOUR, TODAY - DAY - 30 * MINUTE, TODAY - 3 * DAY - HOUR]);
		expect(await studyStreak(NOW, dayStartOf)).toBe(3);
	});

	it('keeps yesterday’s streak until today is over, and is 0 after a missed day', async () => {
		await ratingsAt([TODAY - HOUR, TODAY - DAY - HOUR]);
		expect(await studyStreak(NOW, dayStartOf)).toBe(2);
		expect(await studyStreak(NOW + DAY, dayStartOf)).toBe(0);
	});

	it('counts a streak of months, across lookup windows, up to its first gap', async () => {
		const days = Array.from({ length: 150 }, (_, i) => TODAY - i * DAY + HOUR);
		await ratingsAt([...days.slice(0, 64), ...days.slice(65)]);
		expect(await studyStreak(NOW, dayStartOf)).toBe(64);
		await ratingsAt([days[64]]);
		expect(await studyStreak(NOW, dayStartOf)).toBe(150);
	});

	it('is 0 with no ratings, and ignores ratings after now', async () => {
		expect(await studyStreak(NOW, dayStartOf)).toBe(0);
		await ratingsAt([NOW + HOUR]);
		expect(await studyStreak(NOW, dayStartOf)).toBe(0);
	});
});
