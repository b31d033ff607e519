/**
 * A card's progress derived from its sync events: the same events in any arrival order, any
 * batches, with any duplicates, give the same progress on every device. Nothing here is
 * last-writer-wins: two devices' ratings of one card are both applied, in time order.
 */
import type { QuizResult } from '$lib/db/rows';
import { eventChecker } from '$lib/sync/check';
import { compareEvents, type CardEvent, type SyncEvent } from '$lib/sync/events';
import { rate } from './rate';
import { NEW, type CardProgress, type ReviewLogEntry, type SchedulerSettings } from './types';

export interface CardReplay {
	cardId: string;
	/** null for a new card with nothing to keep: the database holds no row for it. */
	progress: CardProgress | null;
	/** The review-log rows today's code would hold for the card, oldest first; ids are event ids. */
	log: ReviewLogEntry[];
	/** A new card sent to review is in today's list until this time (ms); 0 when not sent. */
	sentUntil: number;
}

export interface Replay {
	cards: Map<string, CardReplay>;
	/** Every quiz result once, oldest first. */
	quizzes: QuizResult[];
	/** One line per event refused or doubled, for the sync status; replay goes on without it. */
	problems: string[];
}

/**
 * Checks any values as events at `now`, drops exact repeats, and sorts them in the total order.
 * Two different events under one id (a corrupt or forged copy) are reported and the one whose
 * JSON sorts first is kept, so even that choice does not depend on arrival order.
 */
export function usableEvents(values: readonly unknown[], now: number): { events: SyncEvent[]; problems: string[] } {
	const check = eventChecker(now);
	const byId = new Map<string, SyncEvent>();
	const problems: string[] = [];
	for (const value of values) {
		const { event, problem } = check(value);
		if (!event) {
			problems.push(problem);
			continue;
		}
		const seen = byId.get(event.id);
		if (!seen) {
			byId.set(event.id, event);
			continue;
		}
		// Checked events are rebuilt in the schema's key order, so equal events give equal JSON.
		const [json, seenJson] = [JSON.stringify(event), JSON.stringify(seen)];
		if (json === seenJson) continue;
		problems.push(`event ${JSON.stringify(event.id)}: two different events have this id; one is ignored`);
		if (json < seenJson) byId.set(event.id, event);
	}
	const events = [...byId.values()].sort(compareEvents);
	return { events, problems };
}

/** Replays every card named by `values`, and collects the quiz results among them. */
export function replayAll(values: readonly unknown[], settings: SchedulerSettings, now: number): Replay {
	const { events, problems } = usableEvents(values, now);
	const byCard = new Map<string, CardEvent[]>();
	const quizzes: QuizResult[] = [];
	for (const event of events) {
		if (event.type === 'quiz') quizzes.push(event.result);
		else if (event.type !== 'note') {
			const list = byCard.get(event.cardId);
			if (list) list.push(event);
			else byCard.set(event.cardId, [event]);
		}
	}
	const cards = new Map<string, CardReplay>();
	for (const [cardId, ofCard] of byCard) cards.set(cardId, applyEvents(cardId, ofCard, settings));
	return { cards, quizzes, problems };
}

/** One card's replay from values of any shape (the card's events, or any superset). */
export function replayCard(
	cardId: string,
	values: readonly unknown[],
	settings: SchedulerSettings,
	now: number
): CardReplay & { problems: string[] } {
	const { events, problems } = usableEvents(values, now);
	const ofCard = events.filter((e): e is CardEvent => e.type !== 'quiz' && e.type !== 'note' && e.cardId === cardId);
	return { ...applyEvents(cardId, ofCard, settings), problems };
}

/** The progress of a card never studied, as src/lib/db's newProgress stores it when it must exist. */
function blank(cardId: string): CardProgress {
	const zero = { due: 0, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0 };
	return { cardId, ...zero, state: NEW, lastReview: null, suspended: 0, buriedUntil: 0 };
}

/** A row that says no more than "new card" is dropped, as the database does: a card without a row is new. */
function unlessPlainNew(p: CardProgress): CardProgress | null {
	return p.state === NEW && p.suspended === 0 && p.buriedUntil === 0 && p.reps === 0 ? null : p;
}

/**
 * Applies a card's valid, unique, sorted events, each as today's code does the action at its
 * time (db/progress.ts, db/quiz-review.ts). An undo takes its rating out of the history
 * wherever each one sits, so the ratings around it are replayed as if it never happened; an
 * undo whose rating has not arrived yet waits, doing nothing.
 */
function applyEvents(cardId: string, events: readonly CardEvent[], settings: SchedulerSettings): CardReplay {
	const undone = new Set(events.flatMap((e) => (e.type === 'undo' ? [e.target] : [])));
	let progress: CardProgress | null = null;
	let sentUntil = 0;
	const log: ReviewLogEntry[] = [];
	for (const event of events) {
		const current: CardProgress = progress ?? blank(cardId);
		switch (event.type) {
			case 'rating': {
				if (undone.has(event.id)) break;
				const rated = rate(progress, cardId, event.rating, event.at, settings, event.durationMs, event.id);
				progress = rated.progress;
				log.push(rated.log);
				break;
			}
			case 'bury':
			case 'unbury':
				progress = unlessPlainNew({ ...current, buriedUntil: event.type === 'bury' ? event.until : 0 });
				break;
			case 'suspend':
			case 'unsuspend':
				progress = unlessPlainNew({ ...current, suspended: event.type === 'suspend' ? 1 : 0 });
				break;
			case 'reset':
				// Like Anki's Forget: new again, the log kept, a suspension too.
				progress = unlessPlainNew({ ...blank(cardId), suspended: current.suspended });
				break;
			case 'send': {
				// A suspended card is left alone; a bury is lifted, since the person asked for it today.
				if (current.suspended === 1) break;
				const buriedUntil = current.buriedUntil > event.at ? 0 : current.buriedUntil;
				if (current.state === NEW) {
					sentUntil = event.dayEnd;
					progress = unlessPlainNew({ ...current, buriedUntil });
				} else {
					progress = { ...current, due: Math.min(current.due, event.at), buriedUntil };
				}
				break;
			}
		}
	}
	return { cardId, progress, log, sentUntil };
}
