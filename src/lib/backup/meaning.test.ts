import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, rate, type CardProgress, type Rating, type ReviewLogEntry } from '$lib/scheduler';
import { readBackup } from './read';
import { STABILITY_MAX, STABILITY_MIN } from './schema';
import { backupText } from './testing';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Whatever the scheduler does, the backup of it must import: the checks copy ts-fsrs' bounds,
 * so this drives the real scheduler to its extremes (ratings from Again to Easy, gaps from a
 * minute to ten years, the longest maximum interval) and reads the result back.
 */
describe('every state the scheduler gives passes the backup checks', () => {
	it('over 40 cards × 40 ratings at the extremes', async () => {
		const settings = { ...DEFAULT_SETTINGS, maximumInterval: 36_500 };
		const progress: CardProgress[] = [];
		const reviewLog: ReviewLogEntry[] = [];
		const gaps = [MINUTE, 10 * MINUTE, DAY, 30 * DAY, 3650 * DAY];
		let latest = 0;
		for (let card = 0; card < 40; card++) {
			let state: CardProgress | null = null;
			let now = Date.UTC(2001, 0, 1) + card * MINUTE;
			for (let i = 0; i < 40; i++) {
				const rating = (((card * 7 + i * (card % 3 === 0 ? 1 : 3)) % 4) + 1) as Rating;
				const result = rate(state, `c${card}`, card % 5 === 0 ? 4 : rating, now, settings, 4000, `r-${card}-${String(i).padStart(2, '0')}`);
				state = result.progress;
				reviewLog.push(result.log);
				latest = Math.max(latest, now);
				now += gaps[(card + i) % gaps.length] / (card % 5 === 0 ? 1 : 50);
			}
			progress.push(state!);
		}
		const stabilities = progress.map((p) => p.stability);
		// The drive reached both ends of FSRS' stability range.
		expect(Math.max(...stabilities)).toBe(STABILITY_MAX);
		expect(Math.min(...reviewLog.map((log) => log.stability))).toBeLessThan(1);
		expect(Math.min(...reviewLog.map((log) => log.stability))).toBeGreaterThanOrEqual(STABILITY_MIN);
		const parsed = await readBackup([backupText({ progress, reviewLog, exportedAt: latest })], { now: latest });
		expect(parsed.reviewLog).toHaveLength(1600);
	});
});
