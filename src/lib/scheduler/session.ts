import { LearningQueue, type LearningEntry } from './learning-queue';
import { MainQueue, type MainTake } from './main-queue';
import { isPlannedToday } from './exam-settings';
import { queueKindOf, remainingLimits, type DueCounts, type ProgressLookup, type QueueKind } from './queue-kind';
import { MINUTE_MS, nextDayStart } from './time';
import { LEARNING, RELEARNING, type CardProgress, type SchedulerSettings } from './types';

export interface SessionInput {
	/**
	 * The cards the session may show, in note order. A card with no row in `progress` is
	 * new, so leave out cards whose rows were not loaded (reviews not due, suspended cards).
	 */
	cardIds: readonly string[];
	progress: ProgressLookup;
	/** New cards first rated today, anywhere in the collection. */
	newIntroducedToday: number;
	/** Review-state cards rated today, anywhere in the collection. */
	reviewsDoneToday: number;
	now: number;
	settings: SchedulerSettings;
	/**
	 * Review cards an interview plan brings forward to today (see exam-plan.ts): queued as
	 * due reviews although their due date is later. The rating is a real, early review.
	 */
	planned?: ReadonlySet<string>;
}

export interface SessionCard {
	cardId: string;
	kind: QueueKind;
}

interface UndoStep {
	cardId: string;
	main: MainTake | null;
	/** The learning entry the step took out. */
	taken: LearningEntry | null;
	/** The learning entry the step put in. */
	added: LearningEntry | null;
	/** A card past today's limit came in for the one taken. */
	refilled?: boolean;
}

/**
 * One study day's queues for a scope of cards, following Anki's v3 scheduler: learning
 * cards that are due, then reviews (by due time) with new cards mixed in evenly, then
 * learning cards due within the learn-ahead window. Building is one pass over the scope;
 * after that every call is O(1) or O(log k) in the k cards in learning. Rebuild it when
 * `now` reaches `dayEnd`, or when cards change outside the session.
 */
export class ReviewSession {
	/** When this study day ends (ms). */
	readonly dayEnd: number;
	private readonly learnAheadMs: number;
	private readonly main: MainQueue;
	private readonly learning: LearningQueue;
	private readonly learningByCard = new Map<string, LearningEntry>();
	private readonly undoSteps: UndoStep[] = [];
	private seq: number;

	constructor({ cardIds, progress, newIntroducedToday, reviewsDoneToday, now, settings, planned }: SessionInput) {
		this.dayEnd = nextDayStart(now, settings.dayStartHour);
		this.learnAheadMs = settings.learnAheadMinutes * MINUTE_MS;
		const { newLimit, reviewLimit } = remainingLimits(settings.newPerDay, settings.reviewsPerDay, newIntroducedToday, reviewsDoneToday);
		const newIds: string[] = [];
		const spareNew: string[] = [];
		const reviewIds: string[] = [];
		const reviewDues: number[] = [];
		const learningEntries: LearningEntry[] = [];
		for (let i = 0; i < cardIds.length; i++) {
			const cardId = cardIds[i];
			const row = progress.get(cardId);
			const kind =
				queueKindOf(row, now, this.dayEnd) ?? (planned?.has(cardId) && isPlannedToday(row, now, settings.dayStartHour) ? 'review' : null);
			if (kind === 'new') {
				if (newIds.length < newLimit) newIds.push(cardId);
				else if (newLimit > 0) spareNew.push(cardId);
			} else if (kind === 'review') {
				if (reviewLimit > 0) {
					reviewIds.push(cardId);
					reviewDues.push((row as CardProgress).due);
				}
			} else if (kind === 'learning') {
				const entry = { cardId, due: (row as CardProgress).due, seq: i, live: true, inHeap: true };
				learningEntries.push(entry);
				this.learningByCard.set(cardId, entry);
			}
		}
		// Earliest due first; equal due times keep note order.
		const order = reviewIds.map((_, i) => i);
		order.sort((a, b) => reviewDues[a] - reviewDues[b] || a - b);
		const dueReviews = order.slice(0, reviewLimit).map((i) => reviewIds[i]);
		const spareReviews = order.slice(reviewLimit).map((i) => reviewIds[i]);
		this.main = new MainQueue(dueReviews, newIds, spareReviews, spareNew);
		this.learning = new LearningQueue(learningEntries);
		this.seq = cardIds.length;
	}

	/** The card to show at `now`, or null when nothing is left for now (see `nextDue`). */
	next(now: number): SessionCard | null {
		const learning = this.learning.peek();
		if (learning && learning.due <= now) return { cardId: learning.cardId, kind: 'learning' };
		const main = this.main.head();
		if (main) return main;
		if (learning && learning.due <= now + this.learnAheadMs) {
			return { cardId: learning.cardId, kind: 'learning' };
		}
		return null;
	}

	/**
	 * Records that a card was rated, with its progress after the rating: a card still in
	 * (re)learning comes back when due if that is before the day ends; any other leaves.
	 */
	answer(after: CardProgress, now: number): void {
		const step = this.take(after.cardId);
		const stillLearning = after.state === LEARNING || after.state === RELEARNING;
		if (stillLearning && after.due < this.dayEnd && after.suspended === 0 && after.buriedUntil <= now) {
			const entry: LearningEntry = {
				cardId: after.cardId,
				due: this.requeueDue(after.due, now),
				seq: this.seq++,
				live: true,
				inHeap: true
			};
			this.learning.push(entry);
			this.learningByCard.set(after.cardId, entry);
			step.added = entry;
		}
		this.undoSteps.push(step);
	}

	/**
	 * Takes a card out for the rest of the session without rating it (bury, suspend). It used
	 * none of today's limits, so the next new card or review past them takes its place.
	 */
	remove(cardId: string): void {
		const step = this.take(cardId);
		if (step.main) step.refilled = this.main.refill(step.main.kind);
		this.undoSteps.push(step);
	}

	/** Reverses the last `answer` or `remove`; returns the card id, to show it again. */
	undo(): string | null {
		const step = this.undoSteps.pop();
		if (!step) return null;
		if (step.added) {
			this.learning.remove(step.added);
			this.learningByCard.delete(step.cardId);
		}
		if (step.taken) {
			this.learning.restore(step.taken);
			this.learningByCard.set(step.cardId, step.taken);
		}
		if (step.refilled) this.main.unrefill(step.main!.kind);
		if (step.main) this.main.untake(step.cardId, step.main);
		return step.cardId;
	}

	get canUndo(): boolean {
		return this.undoSteps.length > 0;
	}

	/** Cards left: learning counts those due within the learn-ahead window, as Anki does. */
	remaining(now: number): DueCounts {
		return {
			new: this.main.newLeft,
			learning: this.learning.countDueBy(now + this.learnAheadMs),
			review: this.main.reviewsLeft
		};
	}

	/** When the earliest waiting learning card falls due (ms), or null if none is left today. */
	nextDue(): number | null {
		return this.learning.peek()?.due ?? null;
	}

	private take(cardId: string): UndoStep {
		const entry = this.learningByCard.get(cardId);
		if (entry) {
			this.learning.remove(entry);
			this.learningByCard.delete(cardId);
			return { cardId, main: null, taken: entry, added: null };
		}
		return { cardId, main: this.main.take(cardId), taken: null, added: null };
	}

	/**
	 * Anki's rule against showing a card twice in a row: when only learning cards are left
	 * and this one would be shown at once, it waits until just after the next one.
	 */
	private requeueDue(due: number, now: number): number {
		const cutoff = now + this.learnAheadMs;
		if (due > cutoff || this.main.head() !== null) return due;
		const next = this.learning.peek();
		if (next && next.due >= due && next.due + 1000 < cutoff) return next.due + 1000;
		return due;
	}
}
