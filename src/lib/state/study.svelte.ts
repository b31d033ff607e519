// Over 250 lines on purpose: rating, hiding, undo, the cross-tab reconcile and a failed
// write's rollback all chain on one pending write and change one queue, so they stay in one
// class. Its pure parts live apart: the queue and rules in src/lib/scheduler (session, leech,
// liftNewLimit), the undo history and the summary in session-history.ts and session-summary.ts.
import {
	buryUntil,
	latestReviewId,
	nextDueAfter,
	queueSource,
	RatingConflictError,
	recordReview,
	sendToReview,
	sentToReviewToday,
	setSuspended,
	undoLastReview,
	UnknownCardError,
	newEventId,
	getExam,
	limitsUsedToday,
	sessionHead,
	withoutRating,
	type StudyWindow
} from '$lib/db';
import { examOn } from '$lib/scheduler/exam-settings';
import { remainingLimits } from '$lib/scheduler/queue-kind';
import { messageOf } from '$lib/errors';
import type { Card } from '$lib/notes/types';
import { askPersistentStorage } from '$lib/services/persist';
import {
	dayStart,
	liftNewLimit,
	madeLeech,
	MINUTE_MS,
	nextDayStart,
	NEW,
	previewIntervals,
	rate,
	RATINGS,
	ReviewSession,
	type CardProgress,
	type Rating,
	type ReviewLogEntry,
	type SchedulerSettings
} from '$lib/scheduler';
import { CardCache } from './card-cache';
import { SessionHistory, type Hidden } from './session-history';
import { earliest, shownFrom } from './next-card';
import { SummaryTally, type SessionSummary } from './session-summary';

export type { Hidden, SessionSummary };

export interface Shown {
	card: Card;
	/** Where the card comes from: its deck's path below the note. */
	context: string;
	progress: CardProgress | null;
	/** How long (ms) from the answer until the card would be due, for each rating. */
	intervals: Record<Rating, number>;
}

/** Cards loaded ahead of the one shown. */
const PREFETCH = 3;

/**
 * One review session: the scheduler's in-memory queue plus the writes. A rating shows the
 * next card at once (it was loaded ahead) and saves in the background (one transaction); if
 * the save fails, the rating is taken back in memory too, so the screen never shows what was
 * not stored. Ratings, undos and card changes made in another tab rebuild the session from
 * the database (see `reconcile`), so it never shows a stale card or rates one twice.
 */
export class Study {
	shown = $state<Shown | null>(null);
	revealed = $state(false);
	remaining = $state({ new: 0, learning: 0, review: 0 });
	/** False while the first card came from index heads and the queue is not built: `remaining` is not known yet. */
	counted = $state(false);
	/**
	 * True while an action waits for the queue built behind the first card (the next card after
	 * its rating, a bury, an undo): inputs given meanwhile wait behind it (see `after`).
	 */
	waiting = $state(false);
	finished = $state(false);
	nextDue = $state<number | null>(null);
	error = $state('');
	summary = $state<SessionSummary>({ cards: 0, ratings: 0, again: 0, ms: 0 });
	/** Ratings shown as done whose write has not settled yet: the page must stay open until 0. */
	unsaved = $state(0);
	/** New cards of this session's decks that today's new-card limit left out (set when the session is over). */
	newWaiting = $state(0);
	/** What the latest bury or suspend did, until the next rating or undo (for a status message). */
	hidden = $state<Hidden | null>(null);
	/** The front of a card skipped because a deck update took it out of the notes, until the next action. */
	removed = $state<string | null>(null);
	/** Ratings whose write failed since the last one saved: their cards come back to be rated again. */
	notSaved = $state(0);
	/** The card just rated when that rating made it a leech (see madeLeech), until the next action. */
	leech = $state<{ front: string; lapses: number } | null>(null);

	private session: ReviewSession | null = null;
	/** The cards the session was built from, in the order it takes them. */
	private scope: string[] = [];
	/** Today's cards of the interview plan (see services/exam.ts). */
	private planned = new Set<string>();
	private progress = new Map<string, CardProgress>();
	private cards = new CardCache();
	private history = new SessionHistory(null);
	private tally = new SummaryTally();
	private shownAt = 0;
	/** Ratings given so far, and the count when a write last failed: only a later rating's save clears the failure. */
	private given = 0;
	private failedAt = 0;
	private pending: Promise<void> = Promise.resolve();
	/** Set while a rating (or a bury or suspend) moves on, so a second key press cannot act on the same card again. */
	private rating = false;
	private showing = 0;
	private reconciling: Promise<void> | null = null;
	private recheck = false;
	private wake: ReturnType<typeof setTimeout> | undefined;
	/** Settles once `open` has built the queue (or failed, and `error` says so). */
	private built: Promise<void> = Promise.resolve();
	/** A first visit's card from the deck files (see `preview`), shown before the database is open; settles `built` once `open` has. */
	private previewed: ((opened: Promise<void>) => void) | null = null;
	/** Storage is ready for the first card's rating: at once, but for a card shown by `preview`. */
	private storage: Promise<unknown> = Promise.resolve();
	private storageReady = true;
	/** `open` has been called: a preview arriving later is not shown. */
	private opened = false;
	/** The action waiting for the queue; inputs given meanwhile follow it. */
	private held: Promise<void> = Promise.resolve();
	/** The latest stored rating when `open` showed its first card. */
	private base: string | null = null;
	/** The first card's rating, given before the queue was built: the queue answers it when it arrives. */
	private early: { log: ReviewLogEntry; progress: CardProgress; now: number } | null = null;
	/** The early rating's write was refused (another tab changed the card): the queue is rebuilt once read. */
	private stale = false;

	constructor(
		private deckId: string | null,
		private settings: SchedulerSettings
	) {}

	/**
	 * Starts the session (issue #20). Over every deck, its first card comes from index heads
	 * (sessionHead: the card the whole queue shows first) and is shown at once, by this same
	 * state; the queue is read behind it. Meanwhile the card can be revealed and rated (the
	 * rating is stored at once); the next card, a bury or an undo wait for the queue, and
	 * inputs given while they wait follow them (see `after`). Sessions whose first card only
	 * the whole queue knows (a deck, cards sent to review, an interview plan) start with it.
	 */
	open(now = Date.now()): Promise<void> {
		this.opened = true;
		const previewed = this.previewed;
		this.previewed = null;
		this.built = this.opening(now, previewed !== null).catch((error) => {
			this.error = messageOf(error);
		});
		previewed?.(this.built);
		return this.built;
	}

	/**
	 * A first visit (issue #20, no database yet): shows `card`, read from the deck files
	 * (services/first-visit-card.ts), while the database opens and the decks are imported; then
	 * `open` builds the queue behind it as behind a card from index heads. It can be revealed and
	 * rated at once: the rating is written as soon as `storage` settles (the database open and the
	 * card's note stored), before the queue; the next card, a bury or an undo wait for `open`.
	 * Nothing has been rated here, so the card is new and the latest stored rating none; were it
	 * not so (storage cleared but for IndexedDB), the rating's write finds the card changed and is
	 * refused, as when another tab rated it first. Ignored once `open` has started.
	 */
	preview(card: { card: Card; context: string }, storage: Promise<unknown>, now = Date.now()) {
		if (this.opened || this.shown) return;
		this.storageReady = false;
		// Its failure is the rating's to report, if one is given (the page says storage is unavailable anyway).
		this.storage = storage.then(() => {
			this.storageReady = true;
		});
		this.storage.catch(() => undefined);
		this.built = new Promise((resolve) => (this.previewed = resolve));
		this.base = null;
		this.history = new SessionHistory(null);
		this.shown = shownOf(card, null, now, this.settings);
		this.revealed = false;
		this.finished = false;
		this.shownAt = now;
	}

	private async opening(now: number, previewed: boolean) {
		// A rating given on the preview is made once storage is ready, before the queue's read looks for it.
		if (previewed) await this.storage;
		else {
			const first = await this.firstCard(now);
			if (!first) return this.start(now);
			this.base = first.latest;
			this.history = new SessionHistory(first.latest);
			this.shown = first.shown;
			this.revealed = false;
			this.finished = false;
			this.shownAt = now;
		}
		const parts = await this.readQueue(now);
		const seen = parts.source.latestReviewId;
		const early = this.early;
		if (seen !== this.base && seen !== early?.log.id) {
			// Another tab wrote since the first card was chosen: start from what is stored, once the early
			// rating is. The card on screen is not kept: the other tab may have rated it.
			this.early = null;
			await (early ? this.pending : undefined);
			return this.start(Date.now());
		}
		// The queue read after the early rating was stored: build the queue it had before, then answer it.
		if (early && seen === early.log.id) parts.source = withoutRating(parts.source, early.log, this.base, parts.window);
		const session = this.assemble(parts);
		if (early) {
			this.early = null;
			this.progress.set(early.progress.cardId, early.progress);
			session.answer(early.progress, early.now);
		}
		if (this.stale) {
			this.stale = false;
			return this.start(Date.now());
		}
		if (early) return;
		// A card from the deck files that the notes hold but the queue does not start with (the database
		// held progress after all) gives way to the queue's own. One the notes no longer hold stays, as a
		// card from index heads would: its rating is refused and the page says it was skipped.
		const id = this.shown?.card.id;
		if (previewed && id && session.next(now)?.cardId !== id && parts.source.cardIds.includes(id)) {
			return this.show(now);
		}
		this.prefetch(now);
	}

	/** The settings stored, for a session started before the database was open (`preview` shows a card with the defaults). */
	useSettings(settings: SchedulerSettings) {
		this.settings = settings;
	}

	/** The first card from index heads with the latest rating stored, or null where only the whole queue knows it. */
	private async firstCard(now: number): Promise<{ shown: Shown; latest: string | null } | null> {
		if (this.deckId !== null) return null;
		const { dayStartHour, newPerDay, reviewsPerDay, learnAheadMinutes } = this.settings;
		const window = studyWindow(now, dayStartHour);
		const [latest, sent, exam, used] = await Promise.all([
			latestReviewId(),
			sentToReviewToday(now),
			getExam(),
			limitsUsedToday(window.dayStart, window.nextDayStart, { introduced: newPerDay, reviewed: reviewsPerDay })
		]);
		// Cards sent to today's review and the interview plan reorder the queue: it decides.
		if (sent.length > 0 || examOn(exam)) return null;
		const { newLimit, reviewLimit } = remainingLimits(newPerDay, reviewsPerDay, used.introduced, used.reviewed);
		const head = await sessionHead(window, { newLimit, reviewLimit, learnAheadMs: learnAheadMinutes * MINUTE_MS });
		if (!head) return null;
		await this.cards.load([head.cardId]);
		const loaded = this.cards.get(head.cardId);
		return loaded ? { shown: shownOf(loaded, head.progress, now, this.settings), latest } : null;
	}

	/** (Re)builds the queue from the database and shows its first card, or `first`. */
	async start(now = Date.now(), first?: string) {
		const parts = await this.readQueue(now);
		this.assemble(parts);
		this.stale = false;
		this.history = new SessionHistory(parts.source.latestReviewId);
		this.hidden = null;
		this.leech = null;
		this.cards.clear();
		await this.show(now, first);
	}

	private async readQueue(now: number) {
		const window = studyWindow(now, this.settings.dayStartHour);
		const [source, sent, planned] = await Promise.all([
			queueSource(this.deckId, window),
			sentToReviewToday(now),
			plannedReviews(this.settings, now)
		]);
		return { source, sent, planned, window };
	}

	/** The session from what the queue read gave. */
	private assemble({ source, sent, planned, window }: Awaited<ReturnType<Study['readQueue']>>): ReviewSession {
		const { now } = window;
		this.progress = new Map(source.progress.map((row) => [row.cardId, row]));
		// The interview plan's cards for today join as due reviews (cards outside the scope stay out below).
		for (const { progress } of planned) if (!this.progress.has(progress.cardId)) this.progress.set(progress.cardId, progress);
		this.planned = new Set(planned.map((row) => row.progress.cardId));
		const newIds = new Set(source.newCardIds);
		// The session treats a card without a row as new: give it only cards it may show.
		const cardIds = source.cardIds.filter((id) => newIds.has(id) || this.progress.has(id));
		// New cards a quiz sent to today's review come first, past the new-card limit; once
		// introduced they count in today's introduced like any other.
		const sentIds = new Set(sent);
		const sentInScope = source.cardIds.filter((id) => sentIds.has(id)).length;
		this.scope = [...cardIds.filter((id) => sentIds.has(id)), ...cardIds.filter((id) => !sentIds.has(id))];
		const session = new ReviewSession({
			cardIds: this.scope,
			progress: this.progress,
			newIntroducedToday: source.today.introduced,
			reviewsDoneToday: source.today.reviewed,
			now,
			settings: liftNewLimit(this.settings, sentInScope),
			planned: this.planned
		});
		this.session = session;
		this.remaining = session.remaining(now);
		this.counted = true;
		return session;
	}

	stop() {
		clearTimeout(this.wake);
	}

	/**
	 * Call when the study day may have turned (the page was left open past 04:00): the queue
	 * is rebuilt with the new day's limits and due cards, keeping the card on screen.
	 */
	async newDay(now = Date.now()) {
		// The day may turn while the queue behind the first card is read: it is built for the day it was read in.
		await this.built;
		if (!this.session || now < this.session.dayEnd || this.rating) return;
		await this.pending;
		await this.start(now, this.finished ? undefined : this.shown?.card.id);
	}

	/**
	 * Runs an input (a key the page handles) once the action waiting for the queue is done, in
	 * the order given; at once when nothing waits. Nothing given while the queue loads is lost.
	 * Each waits for the one before it to finish (an undo's write, a rating's next card): run
	 * back to back, a reveal would act on the card an undo was about to take back.
	 */
	after(input: () => unknown): Promise<void> {
		if (!this.waiting) {
			void input();
			return Promise.resolve();
		}
		const done = this.held
			.then(() => input())
			.then(
				() => undefined,
				(error) => {
					this.error = messageOf(error);
				}
			);
		this.held = done;
		return done;
	}

	/** Runs `action` once the queue is built, holding the inputs given meanwhile behind it. */
	private wait(action: () => Promise<void>): Promise<void> {
		this.waiting = true;
		const done = (async () => {
			try {
				await this.built;
				await action();
			} finally {
				this.waiting = false;
			}
		})();
		this.held = done.catch(() => undefined);
		return done;
	}

	reveal(): void {
		if (this.waiting) {
			void this.after(() => this.reveal());
			return;
		}
		if (this.shown && !this.rating) this.revealed = true;
	}

	/** `now` defaults to the time the rating is applied (later than given, when it waited). */
	async rate(rating: Rating, now?: number): Promise<void> {
		if (this.waiting) return this.after(() => this.rate(rating, now));
		const { shown, session } = this;
		if (!shown || !this.revealed || this.rating) return;
		now ??= Date.now();
		this.rating = true;
		this.hidden = null;
		this.removed = null;
		const given = ++this.given;
		const at = now;
		const shownFor = now - this.shownAt;
		const answer = () => {
			const result = rate(shown.progress, shown.card.id, rating, at, this.settings, shownFor, newEventId(at));
			this.leech = madeLeech(shown.progress, result.progress) ? { front: shown.card.frontText, lapses: result.progress.lapses } : null;
			if (session) {
				this.progress.set(shown.card.id, result.progress);
				session.answer(result.progress, at);
			} else {
				// The first card, rated before the queue is built: stored at once, answered in the queue once it is read.
				this.early = { log: result.log, progress: result.progress, now: at };
			}
			this.history.rated(result.log);
			this.summary = this.tally.count(result.log, 1, shownFor);
			return result;
		};
		if (!session) this.shown = null;
		this.unsaved++;
		// A first visit's first card may be rated before the database is open (see `preview`): the
		// rating is made once it is (its id needs the device's, stored there), then written at once.
		let log: ReviewLogEntry | null = null;
		this.pending = (this.storageReady ? Promise.resolve(answer()) : this.storage.then(answer))
			.then((result) => {
				log = result.log;
				return recordReview(result.progress, result.log);
			})
			.finally(() => this.unsaved--)
			.then(() => this.saved(given))
			.then(askPersistentStorage)
			.then(
				() => undefined,
				(error) => (log ? this.rollback(log, shown.card.frontText, error) : this.notStored(error))
			);
		const moveOn = async () => {
			try {
				const current = this.session;
				// Not built (its read failed, `error` says so), or rebuilt with a card on screen already.
				if (!current || (!session && this.shown)) return;
				// A new study day brings new limits and newly due cards.
				if (at >= current.dayEnd) await this.pending.then(() => this.start(Date.now()));
				else await this.show(at);
			} catch (error) {
				// The next card could not be read (the database went away): the rating's own write says how that ended.
				this.error = messageOf(error);
			} finally {
				this.rating = false;
			}
		};
		await (session ? moveOn() : this.wait(moveOn));
		await this.pending;
	}

	/**
	 * Anki's "increase today's new card limit": the next `n` new cards the limit left out join
	 * today's review (the list a quiz sends missed cards to), and the session goes on with them.
	 */
	async learnMore(n: number, now = Date.now()) {
		const ids = this.waitingNew().slice(0, n);
		if (ids.length === 0) return;
		try {
			await this.pending;
			await sendToReview(ids, now, nextDayStart(now, this.settings.dayStartHour));
			await this.start(now);
		} catch (error) {
			this.error = messageOf(error);
		}
	}

	/** Cards of the scope still new: once the session is over, the ones the limit held back. */
	private waitingNew(): string[] {
		const hidden = this.history.hiddenIds();
		return this.scope.filter((id) => !hidden.has(id) && (this.progress.get(id)?.state ?? NEW) === NEW);
	}

	/**
	 * Takes the card shown out of the queue, as Anki's review screen does: "bury" until the
	 * next study day, or "suspend" until it is unsuspended on the deck page. Undo brings it back.
	 */
	async hide(how: Hidden['how'], now?: number): Promise<void> {
		if (this.waiting) return this.after(() => this.hide(how, now));
		if (!this.session) return this.wait(() => this.hideShown(how, now ?? Date.now()));
		return this.hideShown(how, now ?? Date.now());
	}

	private async hideShown(how: Hidden['how'], now: number) {
		const { shown, session } = this;
		if (!shown || !session || this.rating) return;
		this.rating = true;
		this.leech = null;
		this.removed = null;
		const cardId = shown.card.id;
		try {
			await this.pending;
			if (how === 'suspend') await setSuspended(cardId, true);
			else await buryUntil(cardId, session.dayEnd);
			session.remove(cardId);
			const hidden: Hidden = { cardId, how, front: shown.card.frontText };
			this.history.hid(hidden);
			this.hidden = hidden;
			await this.show(now);
		} catch (error) {
			this.error = messageOf(error);
		} finally {
			this.rating = false;
		}
	}

	/** Takes back the latest rating, bury or suspend: this session's, or a rating stored before (a reload, another tab). */
	async undo(now?: number): Promise<void> {
		if (this.waiting) return this.after(() => this.undo(now));
		if (!this.session) return this.wait(() => this.undoLast(now ?? Date.now()));
		return this.undoLast(now ?? Date.now());
	}

	private async undoLast(now: number) {
		await this.pending;
		this.hidden = null;
		this.leech = null;
		this.removed = null;
		const hide = this.history.hideToUndo();
		this.pending = hide ? this.unhide(hide, now) : this.undoLatest(now);
		await this.pending;
	}

	private async unhide(hide: Hidden, now: number) {
		try {
			if (hide.how === 'suspend') await setSuspended(hide.cardId, false);
			else await buryUntil(hide.cardId, 0);
			this.history.dropHide();
			this.session?.undo();
			await this.show(now, hide.cardId);
		} catch (error) {
			this.error = messageOf(error);
		}
	}

	/**
	 * Call whenever the review log changes. Once this tab's own writes are in, the latest
	 * stored rating must be the one they left; anything else came from another tab, and the
	 * queue is rebuilt from the database.
	 */
	reconcile(now = Date.now()): Promise<void> {
		this.recheck = true;
		this.reconciling ??= (async () => {
			await this.built;
			while (this.recheck) {
				this.recheck = false;
				let pending: Promise<void>;
				let head: string | null;
				do {
					pending = this.pending;
					await pending;
					head = await latestReviewId();
				} while (pending !== this.pending);
				if (this.session && !this.history.isOwnHead(head)) await this.start(now);
			}
			this.reconciling = null;
		})().catch((error) => {
			this.reconciling = null;
			this.error = messageOf(error);
		});
		return this.reconciling;
	}

	private async undoLatest(now: number) {
		try {
			const undone = await undoLastReview();
			if (!undone) return;
			if (this.history.isLatestRating(undone.id) && this.session) {
				this.takeBack(undone);
				await this.show(now, undone.cardId);
			} else {
				await this.start(now, undone.cardId);
			}
		} catch (error) {
			this.error = messageOf(error);
		}
	}

	private takeBack(log: ReviewLogEntry) {
		this.history.dropRating();
		this.session?.undo();
		if (log.previous) this.progress.set(log.cardId, log.previous);
		else this.progress.delete(log.cardId);
		this.summary = this.tally.count(log, -1, 0);
	}

	private async show(now: number, first?: string) {
		const session = this.session!;
		const token = ++this.showing;
		clearTimeout(this.wake);
		const next = first ?? session.next(now)?.cardId;
		this.remaining = session.remaining(now);
		if (!next) return this.finish(now);
		if (!this.cards.has(next)) await this.cards.load([next]);
		if (token !== this.showing) return;
		const loaded = this.cards.get(next);
		// Gone from the notes (a deck update in another tab): start over from the database.
		if (!loaded) return this.start(Date.now());
		this.shown = shownOf(loaded, this.progress.get(next) ?? null, now, this.settings);
		this.revealed = false;
		this.finished = false;
		this.shownAt = now;
		this.prefetch(now);
	}

	private finish(now: number) {
		this.shown = null;
		this.finished = true;
		this.newWaiting = this.waitingNew().length;
		const { dayEnd } = this.session!;
		const learningDue = this.session!.nextDue();
		// New cards the limit held back are next when the limit renews.
		const renewed = this.newWaiting > 0 ? dayEnd : null;
		this.nextDue = earliest(learningDue, renewed);
		// Learning cards still due today come back on their own, as in Anki.
		if (learningDue !== null) {
			const wait = learningDue - now - this.settings.learnAheadMinutes * MINUTE_MS;
			this.wake = setTimeout(() => this.show(Date.now()), Math.max(0, wait));
		}
		// Reviews due on later days are only in the database, once this tab's writes are in.
		const hour = this.settings.dayStartHour;
		this.pending
			.then(() => nextDueAfter(now, this.deckId, (row) => shownFrom(row, dayEnd, hour)))
			.then((due) => {
				if (this.finished) this.nextDue = earliest(learningDue, renewed, due);
			})
			.catch(() => undefined);
	}

	/**
	 * Loads the next few cards in the background, so a rating shows the next card without
	 * waiting for the database (whose reads queue behind the rating's write). The session
	 * has no look-ahead: taking cards out one by one, then undoing that, shows what follows.
	 */
	private prefetch(now: number) {
		const session = this.session!;
		const ahead: string[] = [];
		let removed = 0;
		for (let id = this.shown?.card.id; id && ahead.length < PREFETCH;) {
			session.remove(id);
			removed++;
			id = session.next(now)?.cardId;
			if (id) ahead.push(id);
		}
		for (; removed > 0; removed--) session.undo();
		this.cards.load(ahead).catch(() => undefined);
	}

	/** A first visit's first rating, never made: storage did not open (the page says so). */
	private notStored(error: unknown) {
		this.failedAt = this.given;
		this.notSaved++;
		this.error = messageOf(error);
	}

	/** A rating given after the latest failure is stored: saving works again, and the failure is old news. */
	private saved(given: number) {
		if (given <= this.failedAt) return;
		this.error = '';
		this.notSaved = 0;
	}

	private async rollback(log: ReviewLogEntry, front: string, error: unknown) {
		try {
			// The first card's rating, not answered in a queue yet: the queue, once read, shows the card again.
			const early = this.early?.log.id === log.id;
			if (early) {
				this.early = null;
				this.history.dropRating();
				this.summary = this.tally.count(log, -1, 0);
			}
			if (error instanceof RatingConflictError || error instanceof UnknownCardError) {
				// Another tab changed the card first, or took it out of the notes: nothing was
				// saved, and this queue is stale.
				if (early) this.stale = true;
				else {
					this.summary = this.tally.count(log, -1, 0);
					await this.start(Date.now());
				}
				if (error instanceof UnknownCardError) this.removed = front;
				return;
			}
			this.failedAt = this.given;
			this.notSaved++;
			this.error = messageOf(error);
			if (early) return;
			if (this.history.isLatestRating(log.id)) {
				this.takeBack(log);
				await this.show(Date.now(), log.cardId);
			} else {
				// Later ratings were given on top of it: the queue is rebuilt from what is stored,
				// so its card comes back instead of counting as done.
				this.summary = this.tally.count(log, -1, 0);
				await this.start(Date.now());
			}
		} catch (failure) {
			// The database went away meanwhile (another tab upgraded it): the page says so.
			this.error ||= messageOf(failure);
		}
	}
}

function studyWindow(now: number, hour: number): StudyWindow {
	return { now, dayStart: dayStart(now, hour), nextDayStart: nextDayStart(now, hour) };
}

function shownOf(loaded: { card: Card; context: string }, progress: CardProgress | null, now: number, settings: SchedulerSettings): Shown {
	const previews = previewIntervals(progress, now, settings, loaded.card.id);
	const intervals = Object.fromEntries(RATINGS.map((rating) => [rating, previews[rating].due - now])) as Record<Rating, number>;
	return { ...loaded, progress, intervals };
}

/** The interview plan's reviews for today; its code loads only while a date is set. */
async function plannedReviews(settings: SchedulerSettings, now: number) {
	if (!examOn(await getExam())) return [];
	return (await import('$lib/services/exam')).extraToday(settings, now);
}
