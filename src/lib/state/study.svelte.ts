import { getCards, getDeck, queueSource, recordReview, sentToReviewToday, undoLastReview, type QueueSource } from '$lib/db';
import type { Card } from '$lib/notes/types';
import { askPersistentStorage } from '$lib/services/persist';
import {
	dayStart,
	nextDayStart,
	previewIntervals,
	rate,
	ReviewSession,
	type CardProgress,
	type Rating,
	type ReviewLogEntry,
	type SchedulerSettings
} from '$lib/scheduler';

export interface Shown {
	card: Card;
	/** Where the card comes from: its deck's path below the note. */
	context: string;
	progress: CardProgress | null;
	intervals: Record<Rating, string>;
}

export interface SessionSummary {
	reviewed: number;
	again: number;
	ms: number;
}

/**
 * One review session: the scheduler's in-memory queue plus the writes. A rating shows the
 * next card at once and saves in the background (one transaction); if the save fails, the
 * rating is taken back in memory too, so the screen never shows what was not stored.
 */
export class Study {
	shown = $state<Shown | null>(null);
	revealed = $state(false);
	remaining = $state({ new: 0, learning: 0, review: 0 });
	finished = $state(false);
	nextDue = $state<number | null>(null);
	error = $state('');
	summary = $state<SessionSummary>({ reviewed: 0, again: 0, ms: 0 });

	private session: ReviewSession | null = null;
	private progress = new Map<string, CardProgress>();
	private cards = new Map<string, Card>();
	private contexts = new Map<string, string>();
	private undoStack: ReviewLogEntry[] = [];
	private shownAt = 0;
	private pending: Promise<void> = Promise.resolve();

	constructor(
		private deckId: string | null,
		private settings: SchedulerSettings
	) {}

	async start(now = Date.now()) {
		const window = { now, dayStart: dayStart(now, this.settings.dayStartHour), nextDayStart: nextDayStart(now, this.settings.dayStartHour) };
		const [source, sent] = await Promise.all([queueSource(this.deckId, window), sentToReviewToday(now)]);
		this.build(source, now, sent);
		await this.show(now);
	}

	reveal() {
		if (this.shown) this.revealed = true;
	}

	async rate(rating: Rating, now = Date.now()) {
		const shown = this.shown;
		if (!shown || !this.revealed || !this.session) return;
		const result = rate(shown.progress, shown.card.id, rating, now, this.settings, now - this.shownAt, crypto.randomUUID());
		this.progress.set(shown.card.id, result.progress);
		this.session.answer(result.progress, now);
		this.undoStack.push(result.log);
		this.count(rating, now, 1);
		const saved = recordReview(result.progress, result.log);
		this.pending = saved.then(askPersistentStorage).then(
			() => undefined,
			(error) => this.rollback(result.log, error)
		);
		await this.show(now);
		await this.pending;
	}

	/** Takes back the last rating: this session's, or after a reload the latest stored one. */
	async undo(now = Date.now()) {
		await this.pending;
		try {
			const undone = await undoLastReview();
			if (!undone) return;
			const mine = this.undoStack.at(-1);
			if (mine?.id === undone.id && this.session) {
				this.undoStack.pop();
				this.session.undo();
				this.restore(undone);
				this.count(undone.rating, now, -1);
			} else {
				this.undoStack = [];
				await this.start(now);
			}
			await this.show(now, undone.cardId);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	/** `sent`: new cards a quiz sent to today's review; they come first, past the new-card limit. */
	private build(source: QueueSource, now: number, sent: string[] = []) {
		this.progress = new Map(source.progress.map((row) => [row.cardId, row]));
		const newIds = new Set(source.newCardIds);
		// The session treats a card without a row as new: give it only cards it may show.
		const cardIds = source.cardIds.filter((id) => newIds.has(id) || this.progress.has(id));
		// Every sent card was new when sent, so once introduced it counts in today's introduced.
		const sentIds = new Set(sent);
		const inScope = source.cardIds.filter((id) => sentIds.has(id)).length;
		this.session = new ReviewSession({
			cardIds: [...cardIds.filter((id) => sentIds.has(id)), ...cardIds.filter((id) => !sentIds.has(id))],
			progress: this.progress,
			newIntroducedToday: source.today.introduced,
			reviewsDoneToday: source.today.reviewed,
			now,
			settings: { ...this.settings, newPerDay: this.settings.newPerDay + inScope }
		});
	}

	private async show(now: number, first?: string) {
		const session = this.session!;
		const next = first ?? session.next(now)?.cardId;
		this.remaining = session.remaining(now);
		if (!next) {
			this.shown = null;
			this.finished = true;
			this.nextDue = session.nextDue();
			return;
		}
		const card = this.cards.get(next) ?? (await getCards([next]))[0];
		this.cards.set(next, card);
		const progress = this.progress.get(next) ?? null;
		const previews = previewIntervals(progress, now, this.settings, next);
		const intervals = { 1: '', 2: '', 3: '', 4: '' } as Record<Rating, string>;
		for (const rating of [1, 2, 3, 4] as Rating[]) intervals[rating] = previews[rating].label;
		this.shown = { card, progress, intervals, context: await this.context(card.deckId) };
		this.revealed = false;
		this.finished = false;
		this.shownAt = now;
	}

	private async context(deckId: string): Promise<string> {
		let context = this.contexts.get(deckId);
		if (context === undefined) {
			const path = (await getDeck(deckId))?.path ?? [];
			context = (path.length > 1 ? path.slice(1) : path).join(' › ');
			this.contexts.set(deckId, context);
		}
		return context;
	}

	private async rollback(log: ReviewLogEntry, error: unknown) {
		if (this.undoStack.at(-1)?.id === log.id) {
			this.undoStack.pop();
			this.session?.undo();
			this.restore(log);
			this.count(log.rating, Date.now(), -1);
			await this.show(Date.now(), log.cardId);
		}
		this.error = error instanceof Error ? error.message : String(error);
	}

	private restore(log: ReviewLogEntry) {
		if (log.previous) this.progress.set(log.cardId, log.previous);
		else this.progress.delete(log.cardId);
	}

	private count(rating: Rating, now: number, sign: 1 | -1) {
		const { reviewed, again, ms } = this.summary;
		this.summary = {
			reviewed: reviewed + sign,
			again: again + (rating === 1 ? sign : 0),
			ms: sign === 1 ? ms + Math.max(0, now - this.shownAt) : ms
		};
	}
}
