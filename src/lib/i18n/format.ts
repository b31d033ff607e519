import type { Locale } from './strings';

const LOCALES: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

/** A moment as people say it: "at 14:05" today, else a short date and time. */
export function formatWhen(ms: number, locale: Locale, now = Date.now()): string {
	const date = new Date(ms);
	const sameDay = new Date(now).toDateString() === date.toDateString();
	const options: Intl.DateTimeFormatOptions = sameDay
		? { hour: '2-digit', minute: '2-digit' }
		: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
	return new Intl.DateTimeFormat(LOCALES[locale], options).format(date);
}

export function formatDate(ms: number, locale: Locale): string {
	return new Intl.DateTimeFormat(LOCALES[locale], { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(ms));
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** "2 minutes ago", "방금", "3일 전": how long ago, in the unit people would use. */
export function formatAgo(ms: number, locale: Locale, now = Date.now()): string {
	const seconds = Math.round((ms - now) / 1000);
	const format = new Intl.RelativeTimeFormat(LOCALES[locale], { numeric: 'auto' });
	const abs = Math.abs(seconds);
	if (abs < 45) return format.format(0, 'second');
	if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
	if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
	return format.format(Math.round(seconds / 86_400), 'day');
}
