/**
 * Reviews per study day laid out as a calendar: one column per week (Sunday first), one
 * row per weekday. Days are study-day numbers (`studyDay()` from the scheduler), so a
 * review at 03:00 counts for the day before, as everywhere else in the app.
 */
export interface HeatCell {
	day: number;
	count: number;
	/** 0 for no reviews, 1–4 by share of the busiest day. */
	level: number;
}

export interface HeatWeek {
	/** The study day of the week's Sunday. */
	start: number;
	/** Sunday to Saturday; null before the first day shown or after today. */
	cells: (HeatCell | null)[];
}

/** 1970-01-01, day 0, was a Thursday. */
function weekday(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** 0 for no reviews, else 1–4 by share of the busiest day's count. */
function heatLevel(count: number, max: number): number {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, 1 + Math.floor((4 * (count - 1)) / max));
}

/** The `days` study days ending today (today included), in whole weeks. */
export function heatmapWeeks(counts: ReadonlyMap<number, number>, today: number, days = 365): HeatWeek[] {
	const first = today - days + 1;
	let max = 0;
	for (const [day, count] of counts) if (day >= first && day <= today && count > max) max = count;
	const weeks: HeatWeek[] = [];
	for (let start = first - weekday(first); start <= today; start += 7) {
		const cells = Array.from({ length: 7 }, (_, i) => {
			const day = start + i;
			if (day < first || day > today) return null;
			const count = counts.get(day) ?? 0;
			return { day, count, level: heatLevel(count, max) };
		});
		weeks.push({ start, cells });
	}
	return weeks;
}

export interface MonthColumn {
	/** The first week column the label sits over, and how many columns it spans. */
	column: number;
	span: number;
	/** Year and month (1–12). */
	year: number;
	month: number;
}

/**
 * Month labels over week columns, as calendars draw them: a month's label starts at the
 * week that holds its 1st (the first week shown starts the first label), and spans the
 * columns up to the next month's.
 */
export function monthColumns(weeks: readonly HeatWeek[]): MonthColumn[] {
	const labels: MonthColumn[] = [];
	weeks.forEach((week, column) => {
		const days = week.cells.filter((cell) => cell !== null).map((cell) => cell.day);
		const first = column === 0 ? days[0] : days.find((day) => new Date(day * 86_400_000).getUTCDate() === 1);
		if (first === undefined) return;
		const date = new Date(first * 86_400_000);
		const last = labels.at(-1);
		if (last) last.span = column - last.column;
		labels.push({ column, span: weeks.length - column, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 });
	});
	return labels;
}

export interface Streaks {
	/** Study days in a row with reviews, ending today (or yesterday, while today is not yet studied). */
	current: number;
	longest: number;
}

/** Study days with reviews, folded in ascending order: enough to extend later with newer days. */
export interface DaysSummary {
	last: number | null;
	/** The run of consecutive days ending at `last`. */
	run: number;
	longest: number;
}

export const NO_DAYS: DaysSummary = { last: null, run: 0, longest: 0 };

/** Folds ascending study days (each once, all after `from.last`) into a summary. */
export function summarizeDays(days: Iterable<number>, from: DaysSummary = NO_DAYS): DaysSummary {
	let { last, run, longest } = from;
	for (const day of days) {
		run = last !== null && day === last + 1 ? run + 1 : 1;
		last = day;
		if (run > longest) longest = run;
	}
	return { last, run, longest };
}

export function streaksOf(summary: DaysSummary, today: number): Streaks {
	const { last, run, longest } = summary;
	return { current: last !== null && last >= today - 1 && last <= today ? run : 0, longest };
}

/** Streaks from the study days that have reviews, in ascending order, each once. */
export function streaks(days: readonly number[], today: number): Streaks {
	return streaksOf(summarizeDays(days), today);
}

export interface MonthTotal {
	/** Year and month (1–12) of the study days counted. */
	year: number;
	month: number;
	reviews: number;
	days: number;
}

/** Reviews and days studied per calendar month over the `days` study days ending today, oldest first. */
export function monthTotals(counts: ReadonlyMap<number, number>, today: number, days = 365): MonthTotal[] {
	const months: MonthTotal[] = [];
	for (let day = today - days + 1; day <= today; day++) {
		const date = new Date(day * 86_400_000);
		const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() + 1];
		let last = months.at(-1);
		if (!last || last.year !== year || last.month !== month) months.push((last = { year, month, reviews: 0, days: 0 }));
		const count = counts.get(day) ?? 0;
		last.reviews += count;
		if (count > 0) last.days++;
	}
	return months;
}
