import { studyDay, studyDayStart } from '$lib/scheduler';

export const FORECAST_DAYS = 30;

/**
 * Where the study days from today on begin (ms): `days + 1` bounds, so day i runs from
 * bounds[i] to bounds[i + 1]. Taken from the local calendar, so DST days are 23 or 25 hours.
 * The forecast counts cards due in each range; overdue cards count for today.
 */
export function dayBounds(now: number, dayStartHour: number, days: number): number[] {
	const today = studyDay(now, dayStartHour);
	return Array.from({ length: days + 1 }, (_, i) => studyDayStart(today + i, dayStartHour));
}
