import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

// Anki's answer-button units (rslib scheduler/timespan.rs): a month is 365/12 days
// rounded as Anki rounds it, a year 365 days.
const MONTH_MS = 30.417 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

function oneDecimal(value: number): string {
	return String(Math.round(value * 10) / 10);
}

/**
 * The short label Anki puts above an answer button: `<1m`, `10m`, `1.5h`, `4d`, `3.2mo`,
 * `1.5y`. Minutes and days are whole; hours, months and years keep one decimal unless it
 * is zero. Anki shows seconds (`30s`) under a minute; Tabledeck says `<1m`.
 */
export function formatInterval(ms: number): string {
	if (ms < MINUTE_MS) return '<1m';
	if (ms < HOUR_MS) return `${Math.round(ms / MINUTE_MS)}m`;
	if (ms < DAY_MS) return `${oneDecimal(ms / HOUR_MS)}h`;
	if (ms < MONTH_MS) return `${Math.round(ms / DAY_MS)}d`;
	if (ms < YEAR_MS) return `${oneDecimal(ms / MONTH_MS)}mo`;
	return `${oneDecimal(ms / YEAR_MS)}y`;
}
