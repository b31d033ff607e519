import { nextDayStart, studyDay } from '$lib/scheduler';

export interface StudyDay {
	/** The current study day (days since 1970 on the local calendar, shifted by the day-start hour). */
	readonly current: number;
}

/**
 * The study day as runes state that turns over by itself at the day start (04:00), so a page
 * left open overnight shows today's counts and limits without a reload (issue #16). Pass it to
 * a live query's dependencies, or watch it in an effect. Call during component initialisation.
 */
export function studyDayState(dayStartHour: () => number): StudyDay {
	let current = $state(studyDay(Date.now(), dayStartHour()));
	$effect(() => {
		const hour = dayStartHour();
		let timer: ReturnType<typeof setTimeout>;
		const wait = () => {
			const now = Date.now();
			current = studyDay(now, hour);
			// Timers may fire early or late (a sleeping phone): re-read the clock when it fires.
			timer = setTimeout(wait, Math.max(1000, nextDayStart(now, hour) - now + 1000));
		};
		wait();
		return () => clearTimeout(timer);
	});
	return {
		get current() {
			return current;
		}
	};
}
