import {
	addQuizResult,
	deckTree,
	newEventId,
	quizCards,
	quizHistory,
	quizProgress,
	sendToReview,
	type QuizResult,
	type SentToReview
} from '$lib/db';
import { messageOf } from '$lib/errors';
import { EXPLAIN_WORDS } from '$lib/i18n/quiz';
import type { Deck } from '$lib/notes/types';
import { buildQuiz, DEFAULT_QUIZ_SETUP, mulberry32, QuizIndex, type CardRanking, type QuizSetup, type QuizSource } from '$lib/quiz';
import { DAY_MS, nextDayStart, retrievability, type CardProgress } from '$lib/scheduler';
import { QuizRun } from './quiz-run.svelte';

export type QuizPhase = 'setup' | 'preparing' | 'asking' | 'results';

/** "Due soon" means due before this many days from now. */
export const DUE_SOON_DAYS = 7;

/**
 * The quiz page: the setup (mirrored in the URL by the page), making a quiz from the cards
 * in IndexedDB, the run, and what happens after it (saving, sending missed cards to
 * review). Nothing here needs the network.
 */
export class QuizSession {
	phase = $state<QuizPhase>('setup');
	setup = $state<QuizSetup>({ ...DEFAULT_QUIZ_SETUP, types: [...DEFAULT_QUIZ_SETUP.types] });
	decks = $state<Deck[]>([]);
	run = $state<QuizRun | null>(null);
	/** Why the last start made no quiz. */
	empty = $state<QuizSource | null>(null);
	/** A storage failure: the quiz could not be made, saved or sent to review. */
	error = $state('');
	sent = $state<SentToReview | null>(null);
	/** The cards of the last run, for the results page (missed cards). */
	index = $state.raw<QuizIndex | null>(null);
	private cards = new KeyedRead<QuizIndex>();
	private progress = new KeyedRead<CardProgress[]>();

	constructor(private dayStartHour: number) {}

	async load(setup: QuizSetup): Promise<void> {
		this.setup = setup;
		this.decks = await deckTree();
		// A deck gone from the notes (an old bookmark) is dropped rather than quizzed as nothing.
		const known = new Set(this.decks.map((deck) => deck.id));
		this.setup.deckIds = setup.deckIds.filter((id) => known.has(id));
		this.prefetch();
	}

	/** A changed setup is another quiz: its seed goes. */
	change(setup: QuizSetup): void {
		const { seed: _seed, ...rest } = setup;
		this.setup = rest;
		this.empty = null;
		this.prefetch();
	}

	/** Makes the quiz the setup describes; a seed is picked (and kept in the setup) when it has none. */
	async start(now = Date.now(), randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]): Promise<void> {
		this.phase = 'preparing';
		this.empty = null;
		this.error = '';
		const setup: QuizSetup = { ...this.setup, seed: this.setup.seed ?? randomSeed() };
		try {
			const index = await this.indexFor(setup.deckIds);
			const ranking = setup.source === 'decks' ? undefined : await this.ranking(setup, now);
			const questions = buildQuiz(index, setup, mulberry32(setup.seed!), { ranking, explainWords: EXPLAIN_WORDS });
			if (questions.length === 0) {
				this.empty = setup.source;
				this.phase = 'setup';
				return;
			}
			this.setup = setup;
			this.index = index;
			this.run = new QuizRun(questions, now);
			this.sent = null;
			this.phase = 'asking';
		} catch (error) {
			this.error = messageOf(error);
			this.phase = 'setup';
		}
	}

	/** The next question; after the last one, the results, saved to quiz history. */
	async next(now = Date.now()): Promise<void> {
		const run = this.run;
		if (!run || run.finished) return;
		run.next(now);
		if (run.finished) await this.finish(run);
	}

	async skipQuestion(now = Date.now()): Promise<void> {
		if (this.run && !this.run.answered) await this.next(now);
	}

	private async finish(run: QuizRun): Promise<void> {
		this.phase = 'results';
		const summary = run.summary();
		try {
			await addQuizResult({
				id: newEventId(run.finishedAt!),
				at: run.finishedAt!,
				deckIds: [...this.setup.deckIds],
				score: summary.correct,
				total: summary.answered,
				durationMs: run.durationMs,
				answers: summary.results
			});
		} catch (error) {
			this.error = messageOf(error);
		}
	}

	async sendMissed(now = Date.now()): Promise<void> {
		const missed = this.run?.summary().missedCardIds ?? [];
		try {
			this.error = '';
			this.sent = await sendToReview(missed, now, nextDayStart(now, this.dayStartHour));
		} catch (error) {
			this.error = messageOf(error);
		}
	}

	newQuiz(): void {
		this.change(this.setup);
		this.run = null;
		this.phase = 'setup';
	}

	/**
	 * Reads the chosen decks' cards (and, for a due or weak quiz, their progress) while the
	 * person is still on the setup: with 100k cards the reads take seconds, and "Start quiz"
	 * then does not wait for them. A failed read is forgotten, so `start` tries again and
	 * reports the error.
	 */
	private prefetch(): void {
		this.indexFor(this.setup.deckIds).catch(() => undefined);
		if (this.setup.source !== 'decks') this.progressFor(this.setup.deckIds).catch(() => undefined);
	}

	private indexFor(deckIds: string[]): Promise<QuizIndex> {
		return this.cards.get(deckIds, async () => {
			const { cards, decks } = await quizCards(deckIds);
			return new QuizIndex(cards, decks);
		});
	}

	private progressFor(deckIds: string[]): Promise<CardProgress[]> {
		return this.progress.get(deckIds, () => quizProgress(deckIds));
	}

	/** Lower first: due time for `due` (only cards due within DUE_SOON_DAYS), retrievability for `weak`, and on the interview day for `exam`. */
	private async ranking(setup: QuizSetup, now: number): Promise<CardRanking> {
		const progress = await this.progressFor(setup.deckIds);
		// Progress changes with every rating: each quiz ranks a fresh read.
		this.progress.forget();
		if (setup.source === 'weak') return new Map(progress.map((p) => [p.cardId, retrievability(p, now)]));
		if (setup.source === 'exam') return (await import('$lib/services/exam-plan')).examRanking(setup.deckIds);
		const soon = now + DUE_SOON_DAYS * DAY_MS;
		return new Map(progress.filter((p) => p.due < soon).map((p) => [p.cardId, p.due]));
	}
}

/** One read per set of decks, kept until another set is asked for; a failed read is dropped. */
class KeyedRead<T> {
	private held: { key: string; value: Promise<T> } | null = null;

	get(deckIds: readonly string[], read: () => Promise<T>): Promise<T> {
		const key = [...deckIds].sort().join(',');
		if (this.held?.key !== key) {
			// Async, so a database that is not open rejects the promise rather than throwing here.
			const held = { key, value: (async () => read())() };
			this.held = held;
			held.value.catch(() => {
				if (this.held === held) this.held = null;
			});
		}
		return this.held.value;
	}

	forget(): void {
		this.held = null;
	}
}

/** Quizzes that named any of these decks (every quiz for none), newest first. */
export async function quizHistoryOf(deckIds: readonly string[], limit = 20): Promise<QuizResult[]> {
	if (deckIds.length === 0) return quizHistory(undefined, limit);
	const lists = await Promise.all(deckIds.map((id) => quizHistory(id, limit)));
	const byId = new Map(lists.flat().map((result) => [result.id, result]));
	return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, limit);
}
