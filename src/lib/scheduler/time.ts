/**
 * Study days in local time. A study day starts at `dayStartHour` (04:00 by default), so a
 * review at 03:59 still belongs to the day before, as in Anki.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** No Tabledeck (nor FSRS) existed before this: an earlier time is a broken clock or a forgery. */
export const EARLIEST = Date.UTC(2000, 0, 1);
/** A review may come from a device whose clock runs a little ahead. */
export const REVIEW_SLACK = DAY_MS;
/** Due dates and bury ends lie ahead, but no interval goes beyond 36,500 days (ts-fsrs' S_MAX). */
export const DUE_HORIZON = 36_525 * DAY_MS;

/**
 * `now` moved onto a clock whose UTC calendar day is the local study day: local wall-clock
 * time minus the day-start hour. The offset is taken at `now` itself, so it follows DST.
 */
export function studyClock(now: number, dayStartHour: number): number {
	const offsetMs = -new Date(now).getTimezoneOffset() * MINUTE_MS;
	return now + offsetMs - dayStartHour * HOUR_MS;
}

/** The study day `now` falls in, as days since 1970-01-01 of the local calendar. */
export function studyDay(now: number, dayStartHour: number): number {
	return Math.floor(studyClock(now, dayStartHour) / DAY_MS);
}

/** When the study day numbered `day` begins (ms). */
export function studyDayStart(day: number, dayStartHour: number): number {
	const date = new Date(day * DAY_MS);
	// The local Date constructor resolves DST: an hour skipped by a spring-forward change
	// becomes the first hour that exists.
	return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), dayStartHour).getTime();
}

/** When the study day containing `now` began (ms). */
export function dayStart(now: number, dayStartHour: number): number {
	return studyDayStart(studyDay(now, dayStartHour), dayStartHour);
}

/** When the next study day begins (ms): reviews due before this count as due today. */
export function nextDayStart(now: number, dayStartHour: number): number {
	return studyDayStart(studyDay(now, dayStartHour) + 1, dayStartHour);
}
