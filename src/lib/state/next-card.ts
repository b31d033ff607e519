import { dayStart, REVIEW, type CardProgress } from '$lib/scheduler';

/**
 * When a studied card can next be shown, which is what "next card due" on the done screen
 * means. A learning card comes back at its minute. A review card is due by the day: from the
 * start of the study day its `due` falls in (04:00), not at the hour it was rated days ago
 * (issue #16: the done screen was up to a day late); one due today that the session did not
 * show waited for today's review limit, so the next study day (`dayEnd`).
 */
export function shownFrom(progress: Pick<CardProgress, 'state' | 'due'>, dayEnd: number, dayStartHour: number): number {
	if (progress.state !== REVIEW) return progress.due;
	return Math.max(dayEnd, dayStart(progress.due, dayStartHour));
}

/** The earliest of some times, or null when there are none. */
export function earliest(...times: (number | null)[]): number | null {
	const known = times.filter((time) => time !== null);
	return known.length ? Math.min(...known) : null;
}
