/**
 * npx tsx scripts/bench-quiz.ts — how fast quizzes are made over 100k cards: the one-time
 * QuizIndex build, then 200 mixed 50-question quizzes with different seeds (all decks, a few
 * decks, and "weakest" from a retrievability map of every card). Prints p50/p95/max ms.
 * Budget: a 50-question quiz well under 50 ms at p95.
 */
import type { Card, Deck } from '../src/lib/notes/types';
import { buildQuiz, type BuildQuizOptions } from '../src/lib/quiz/build-quiz';
import { QuizIndex } from '../src/lib/quiz/quiz-index';
import { mulberry32, type Rng } from '../src/lib/quiz/rng';
import type { QuizSetup } from '../src/lib/quiz/types';

const TARGET_CARDS = 100_000;
const RUNS = 200;
const WORDS = '점진적 교체 무중단 롤백 느림 환경 전환 리소스 최소 복잡 latency cache replica shard quorum index 지표 목표 협약 가용성'.split(' ');

let nextId = 0;
const hexId = () => (0x10000000 + nextId++).toString(16).padStart(16, 'a');

/** Cards shaped like the deck build's: key → each column, first column → key when that value is unique. */
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
				cards.push({ ...common, id: hexId(), front: value, back: `<strong>${key}</strong>`, frontText: value, backText: key, direction: 'reverse' });
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

function stats(label: string, times: number[]) {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	console.log(`${label.padEnd(40)} p50 ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   max ${sorted.at(-1)!.toFixed(2)} ms`);
}

function bench(label: string, index: QuizIndex, setupFor: (seed: number) => QuizSetup, options: BuildQuizOptions = {}) {
	const times: number[] = [];
	let questions = 0;
	for (let seed = 1; seed <= RUNS; seed++) {
		const setup = setupFor(seed);
		const start = performance.now();
		const quiz = buildQuiz(index, setup, mulberry32(seed), options);
		times.push(performance.now() - start);
		questions += quiz.length;
	}
	if (questions !== RUNS * 50) throw new Error(`${label}: expected ${RUNS * 50} questions, got ${questions}`);
	stats(label, times);
}

const rng = mulberry32(2024);
// The app gets cards parsed from JSON (deck files, IndexedDB), with flat strings; strings built
// by concatenation would make every map lookup flatten them first, a cost the app never pays.
const { cards, decks } = JSON.parse(JSON.stringify(syntheticCorpus(rng))) as { cards: Card[]; decks: Deck[] };
const tables = new Set(cards.map((card) => card.tableId)).size;
console.log(`${cards.length} cards, ${tables} tables, ${decks.length} decks (node ${process.version})`);

const timed = <T>(label: string, make: () => T): T => {
	const start = performance.now();
	const made = make();
	console.log(`${label.padEnd(40)} ${(performance.now() - start).toFixed(2)} ms`);
	return made;
};
const index = timed('QuizIndex build (once)', () => new QuizIndex(cards, decks));
timed('id lookup table (once, on first card(id))', () => index.card(cards[0].id));

console.log(`${RUNS} mixed 50-question quizzes, seeds 1–${RUNS}:`);
const mixed = (deckIds: string[] = []): QuizSetup => ({ deckIds, source: 'decks', length: 50, types: ['mcq', 'reverse', 'typed', 'explain'] });
const notes = decks.filter((deck) => deck.parentId === null);
bench('all decks', index, () => mixed());
bench('3 notes (and their decks)', index, (seed) => mixed([0, 1, 2].map((i) => notes[(seed * 7 + i * 13) % notes.length].id)));

const retrievability = new Map(cards.map((card) => [card.id, rng()]));
bench('weakest, ranking map of 100k', index, () => ({ ...mixed(), source: 'weak' }), { ranking: retrievability });
const dueOrder = [...retrievability.keys()];
bench('due soon, 100k ids in due order', index, () => ({ ...mixed(), source: 'due' }), { ranking: dueOrder });
