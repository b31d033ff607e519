/**
 * The browser half of npm run bench:quiz: what "Start quiz" costs in the app with 100k cards
 * in real IndexedDB. Bundled by esbuild and run in Chromium by scripts/bench/quiz/main.ts. Times
 * each step the quiz page takes (see src/lib/state/quiz.svelte.ts): reading the scope's cards
 * (quizCards), building the QuizIndex, and for "weakest" reading progress and ranking it.
 */
import { closeDatabase, importProgress, openDatabase, quizCards, quizProgress, syncDecks } from '../../../src/lib/db';
import { buildQuiz, mulberry32, QuizIndex, type QuizSetup } from '../../../src/lib/quiz';
import { retrievability } from '../../../src/lib/scheduler';
import { generateBenchData } from '../db-data';

export interface StartTiming {
	label: string;
	/** ms per step, one entry per run. */
	read: number[];
	index: number[];
	quiz: number[];
	total: number[];
}

const NOW = Date.UTC(2025, 2, 10, 12);
const RUNS = 5;

export async function runStartBenchmark(): Promise<{ cards: number; progress: number; loadMs: number; starts: StartTiming[] }> {
	const data = generateBenchData({ cards: 100_000, reviews: 100_000, seed: 1, now: NOW });
	const start = performance.now();
	await openDatabase({ name: `quiz-bench-${Date.now()}` });
	await syncDecks(async (path) => structuredClone(data.files.get(path)));
	for (let i = 0; i < data.progress.length; i += 5000) await importProgress(data.progress.slice(i, i + 5000));
	const loadMs = performance.now() - start;

	const mixed = (deckIds: string[], source: QuizSetup['source'] = 'decks'): QuizSetup => ({
		deckIds,
		source,
		length: 50,
		types: ['mcq', 'reverse', 'typed', 'explain']
	});
	const note = data.index.notes[0].deckId;
	const scenarios: [string, QuizSetup][] = [
		['all decks (100k cards)', mixed([])],
		['one note (2,000 cards)', mixed([note])],
		['weakest of all decks', mixed([], 'weak')]
	];
	const starts: StartTiming[] = [];
	for (const [label, setup] of scenarios) {
		const timing: StartTiming = { label, read: [], index: [], quiz: [], total: [] };
		for (let run = 1; run <= RUNS; run++) {
			const t0 = performance.now();
			const { cards, decks } = await quizCards(setup.deckIds);
			const progress = setup.source === 'weak' ? await quizProgress(setup.deckIds) : [];
			const t1 = performance.now();
			const index = new QuizIndex(cards, decks);
			const t2 = performance.now();
			const ranking = setup.source === 'weak' ? new Map(progress.map((p) => [p.cardId, retrievability(p, NOW)])) : undefined;
			const questions = buildQuiz(index, setup, mulberry32(run), { ranking });
			const t3 = performance.now();
			if (questions.length !== 50) throw new Error(`${label}: ${questions.length} questions`);
			timing.read.push(t1 - t0);
			timing.index.push(t2 - t1);
			timing.quiz.push(t3 - t2);
			timing.total.push(t3 - t0);
		}
		starts.push(timing);
	}
	closeDatabase();
	return { cards: data.index.notes.reduce((n, entry) => n + entry.cardCount, 0), progress: data.progress.length, loadMs, starts };
}
