/**
 * The quiz benchmark itself, with no Node or browser API: scripts/bench/quiz/main.ts runs it in
 * Node and, bundled by esbuild, in Chromium. Over 100k generated cards it times the one-time
 * QuizIndex build, then 200 mixed 50-question quizzes with different seeds per scenario.
 */
import type { Card, Deck } from '../../../src/lib/notes/types';
import { buildQuiz, type BuildQuizOptions } from '../../../src/lib/quiz/build-quiz';
import { QuizIndex } from '../../../src/lib/quiz/quiz-index';
import { mulberry32, type Rng } from '../../../src/lib/quiz/rng';
import type { QuizSetup } from '../../../src/lib/quiz/types';

const TARGET_CARDS = 100_000;
const RUNS = 200;
const QUESTIONS = 50;
const WORDS =
	'점진적 교체 무중단 롤백 느림 환경 전환 리소스 최소 복잡 latency cache replica shard quorum index 지표 목표 협약 가용성'.split(' ');

export interface Timing {
	label: string;
	p50: number;
	p95: number;
	max: number;
}

export interface QuizBenchReport {
	cards: number;
	tables: number;
	decks: number;
	indexMs: number;
	idTableMs: number;
	quizzes: Timing[];
}

let nextId = 0;
const hexId = () => (0x10000000 + nextId++).toString(16).padStart(16, 'a');

/** Cards shaped like the deck build's: key → each column, first column → key. */
function syntheticTable(rng: Rng, deckId: string, tableNo: number): Card[] {
	const tableId = hexId();
	const rowCount = 5 + Math.floor(rng() * 16);
	const columns = Array.from({ length: 1 + Math.floor(rng() * 4) }, (_, i) => `열 ${i}`);
	const term = columns.length === 1;
	const cards: Card[] = [];
	for (let r = 0; r < rowCount; r++) {
		const key = `Key ${tableNo}.${r}`;
		columns.forEach((column, c) => {
			const word = () => WORDS[Math.floor(rng() * WORDS.length)];
			const value = `${word()} ${word()} ${r}`;
			const front = term ? key : `${key} · ${column}`;
			const common = { deckId, source: { file: 'bench.md', line: r + 3 }, tableId, rowKey: key, column };
			cards.push({ ...common, id: hexId(), front, back: value, frontText: front, backText: value, direction: 'forward' });
			if (c === 0) {
				cards.push({
					...common,
					id: hexId(),
					front: value,
					back: `<strong>${key}</strong>`,
					frontText: value,
					backText: key,
					direction: 'reverse'
				});
			}
		});
	}
	return cards;
}

/** Notes → sections → tables (1–3 tables a deck), until there are TARGET_CARDS cards. */
function syntheticCorpus(rng: Rng): { cards: Card[]; decks: Deck[] } {
	const cards: Card[] = [];
	const decks: Deck[] = [];
	const deck = (title: string, parentId: string | null): Deck => {
		const made = { id: hexId(), title, parentId, path: [title], file: 'bench.md', cardCount: 0, hash: '' };
		decks.push(made);
		return made;
	};
	let tableNo = 0;
	for (let n = 0; cards.length < TARGET_CARDS; n++) {
		const note = deck(`Note ${n}`, null);
		for (let s = 0; s < 8 && cards.length < TARGET_CARDS; s++) {
			const section = deck(`Section ${n}.${s}`, note.id);
			const tables = 1 + Math.floor(rng() * 3);
			for (let t = 0; t < tables; t++) cards.push(...syntheticTable(rng, section.id, tableNo++));
		}
	}
	return { cards, decks };
}

function timing(label: string, times: number[]): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { label, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

function timeQuizzes(label: string, index: QuizIndex, setupFor: (seed: number) => QuizSetup, options: BuildQuizOptions = {}): Timing {
	const times: number[] = [];
	let questions = 0;
	for (let seed = 1; seed <= RUNS; seed++) {
		const setup = setupFor(seed);
		const start = performance.now();
		const quiz = buildQuiz(index, setup, mulberry32(seed), options);
		times.push(performance.now() - start);
		questions += quiz.length;
	}
	if (questions !== RUNS * QUESTIONS) throw new Error(`${label}: expected ${RUNS * QUESTIONS} questions, got ${questions}`);
	return timing(label, times);
}

export function runQuizBenchmark(): QuizBenchReport {
	nextId = 0;
	const rng = mulberry32(2024);
	// The app gets cards parsed from JSON (deck files, IndexedDB), with flat strings; strings built
	// by concatenation would make every map lookup flatten them first, a cost the app never pays.
	const { cards, decks } = JSON.parse(JSON.stringify(syntheticCorpus(rng))) as { cards: Card[]; decks: Deck[] };
	let start = performance.now();
	const index = new QuizIndex(cards, decks);
	const indexMs = performance.now() - start;
	start = performance.now();
	index.card(cards[0].id);
	const idTableMs = performance.now() - start;

	const mixed = (deckIds: string[] = []): QuizSetup => ({
		deckIds,
		source: 'decks',
		length: QUESTIONS,
		types: ['mcq', 'reverse', 'typed', 'explain']
	});
	const notes = decks.filter((deck) => deck.parentId === null);
	const retrievability = new Map(cards.map((card) => [card.id, rng()]));
	const dueOrder = [...retrievability.keys()];
	const quizzes = [
		timeQuizzes('all decks', index, () => mixed()),
		timeQuizzes('3 notes (and their decks)', index, (seed) => mixed([0, 1, 2].map((i) => notes[(seed * 7 + i * 13) % notes.length].id))),
		timeQuizzes('weakest, ranking map of 100k', index, () => ({ ...mixed(), source: 'weak' }), { ranking: retrievability }),
		timeQuizzes('due soon, 100k ids in due order', index, () => ({ ...mixed(), source: 'due' }), { ranking: dueOrder })
	];
	return { cards: cards.length, tables: new Set(cards.map((card) => card.tableId)).size, decks: decks.length, indexMs, idTableMs, quizzes };
}
