import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayStart } from '$lib/scheduler';
import { importProgress } from './bulk';
import { closeDatabase } from './database';
import { studyDaysSince } from './reminder';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, MINUTE, NOW, openTestDatabase, progressOf, serve } from './testing';

const HOUR_OF_DAY = 4;
const TODAY = dayStart(NOW, HOUR_OF_DAY);

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

const ratingsAt = (times: number[]) =>
	importProgress(
		[],
		times.map((t) => logOf(progressOf('s1'), progressOf('s1'), t))
	);

describe('studyDaysSince', () => {
	it('counts study days with a rating back to a time long ago, each day once, up to the limit', async () => {
		// Two ratings on one day, four more days this week, one day over a year ago.
		await ratingsAt([TODAY + HOUR, TODAY + 2 * HOUR, ...[1, 2, 4, 6].map((d) => TODAY - d * DAY + HOUR), TODAY - 400 * DAY]);
		expect(await studyDaysSince(0, NOW, HOUR_OF_DAY, 7)).toBe(6);
		expect(await studyDaysSince(0, NOW, HOUR_OF_DAY, 3)).toBe(3);
		expect(await studyDaysSince(TODAY - 5 * DAY, NOW, HOUR_OF_DAY, 7)).toBe(4);
	});

	it('starts at `since` within its day, and counts nothing after now', async () => {
		await ratingsAt([TODAY - DAY + HOUR, TODAY - DAY + 5 * HOUR, NOW + 2 * HOUR]);
		expect(await studyDaysSince(TODAY - DAY + 3 * HOUR, NOW, HOUR_OF_DAY, 7)).toBe(1);
		expect(await studyDaysSince(TODAY - DAY + 6 * HOUR, NOW, HOUR_OF_DAY, 7)).toBe(0);
		expect(await studyDaysSince(NOW + MINUTE, NOW, HOUR_OF_DAY, 7)).toBe(0);
	});
});
