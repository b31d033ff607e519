import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

// Anki's answer-button units (rslib scheduler/timespan.rs): a month is 365/12 days
// rounded as Anki rounds it, a year 365 days.
const MONTH_MS = 30.417 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** An interval in the unit Anki shows it in, rounded as Anki rounds it; `under: true` below a minute. */
export interface IntervalSpan {
	value: number;
	unit: IntervalUnit;
	under?: true;
}

function oneDecimal(value: number): number {
	return Math.round(value * 10) / 10;
}

/**
 * Minutes and days are whole; hours, months and years keep one decimal. Under a minute is
 * `{ value: 1, unit: 'minute', under: true }`: Anki shows seconds there, Tabledeck "<1m".
 */
export function intervalSpan(ms: number): IntervalSpan {
	if (ms < MINUTE_MS) return { value: 1, unit: 'minute', under: true };
	if (ms < HOUR_MS) return { value: Math.round(ms / MINUTE_MS), unit: 'minute' };
	if (ms < DAY_MS) return { value: oneDecimal(ms / HOUR_MS), unit: 'hour' };
	if (ms < MONTH_MS) return { value: Math.round(ms / DAY_MS), unit: 'day' };
	if (ms < YEAR_MS) return { value: oneDecimal(ms / MONTH_MS), unit: 'month' };
	return { value: oneDecimal(ms / YEAR_MS), unit: 'year' };
}

const SUFFIX: Record<IntervalUnit, string> = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' };

/**
 * The short label Anki puts above an answer button: `<1m`, `10m`, `1.5h`, `4d`, `3.2mo`,
 * `1.5y`. The app shows `formatSpan` (src/lib/i18n/format.ts), the same in each language.
 */
export function formatInterval(ms: number): string {
	const span = intervalSpan(ms);
	return `${span.under ? '<' : ''}${span.value}${SUFFIX[span.unit]}`;
}
