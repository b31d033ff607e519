import type { Locale } from './strings';
import { intervalSpan } from '$lib/scheduler/format-interval';

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

/**
 * An interval as an answer button shows it, in the person's language: English keeps Anki's
 * `<1m 10m 1.5h 4d 3.2mo 1.5y`, Korean says `1분 미만 10분 1.5시간 4일 3.2개월 1.5년`. Intl
 * spells the units; English's narrow month is `m`, which reads as minutes, so it is `mo`.
 */
export function formatSpan(ms: number, locale: Locale): string {
	const { value, unit, under } = intervalSpan(ms);
	const tag = LOCALES[locale];
	const text =
		locale === 'en' && unit === 'month'
			? `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)}mo`
			: new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(value);
	if (!under) return text;
	return locale === 'ko' ? `${text} 미만` : `<${text}`;
}

/** A length in days with one decimal (a card's stability): `12.5d`, `12.5일`. */
export function formatDays(days: number, locale: Locale): string {
	return new Intl.NumberFormat(LOCALES[locale], {
		style: 'unit',
		unit: 'day',
		unitDisplay: 'narrow',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(days);
}

/** A day counted from today, as a forecast labels it: "Today", "Tomorrow", "In 5 days"; "오늘", "내일", "5일 후". */
export function formatDayOffset(days: number, locale: Locale): string {
	const text = new Intl.RelativeTimeFormat(LOCALES[locale], { numeric: 'auto' }).format(days, 'day');
	return text.charAt(0).toLocaleUpperCase(LOCALES[locale]) + text.slice(1);
}

/**
 * The four answer buttons' labels. FSRS keeps Again < Hard ≤ Good < Easy (fuzz included),
 * but rounding to one unit could make two buttons read the same (`1.1mo` for 32 and 34 days,
 * issue #16): where a label would repeat its left neighbour's for a longer interval, both
 * say whole days instead. Equal intervals (both at the maximum) keep equal labels.
 */
export function ratingLabels<R extends number>(spans: Record<R, number>, locale: Locale): Record<R, string> {
	const ratings = (Object.keys(spans) as unknown as R[]).map(Number).sort((a, b) => a - b) as R[];
	const labels = Object.fromEntries(ratings.map((r) => [r, formatSpan(spans[r], locale)])) as Record<R, string>;
	const days = (ms: number) =>
		new Intl.NumberFormat(LOCALES[locale], { style: 'unit', unit: 'day', unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(
			Math.round(ms / 86_400_000)
		);
	for (let i = 1; i < ratings.length; i++) {
		const [left, right] = [ratings[i - 1], ratings[i]];
		if (labels[left] === labels[right] && spans[right] > spans[left] && spans[left] >= 86_400_000) {
			labels[left] = days(spans[left]);
			labels[right] = days(spans[right]);
		}
	}
	return labels;
}
