/**
 * The search benchmark itself, with no Node or browser API: scripts/bench/search.ts runs it in
 * Node and, bundled by esbuild, in Chromium. Over N generated cards (scripts/bench/db-data.ts,
 * with Korean words added to the answers) it times building the search index once, then every
 * keystroke of a few typing sessions as the search page runs it: words matched, the state
 * filter applied, each filter counted, the first 100 results picked.
 */
import { CardSearch, STATE_FILTERS, type SearchCard, type StateFilter } from '../../src/lib/search/card-search';
import { mulberry32 } from '../../src/lib/quiz/rng';
import { generateBenchData } from './db-data';

const NOW = Date.UTC(2025, 2, 10, 12);
const CLOCK = { now: NOW, dayEnd: NOW + 16 * 3_600_000 };
const LIMIT = 100;
const KOREAN = '점진적 교체 무중단 롤백 배포 전략 환경 전환 리소스 최소 복잡 지표 목표 협약 가용성 쿠버네티스 서비스 타입'.split(' ');

export interface SearchTiming {
	label: string;
	keystrokes: number;
	p50: number;
	p95: number;
	max: number;
}

export interface SearchBenchReport {
	cards: number;
	buildMs: number;
	/** Every keystroke of every session together. */
	all: SearchTiming;
	sessions: SearchTiming[];
}

/** Cards and their progress as the search page gets them (about 70% studied, 1% suspended). */
export function benchCards(count: number): SearchCard[] {
	const data = generateBenchData({ cards: count, reviews: count * 2, seed: 3, now: NOW });
	const progress = new Map(data.progress.map((p) => [p.cardId, p]));
	const rng = mulberry32(5);
	const word = () => KOREAN[Math.floor(rng() * KOREAN.length)];
	const cards = [...data.files.values()].flatMap((file) => ('cards' in file ? file.cards : []));
	const entries = cards.map((card) => {
		const extra = ` · ${word()} ${word()}`;
		return { card: { ...card, back: card.back + extra, backText: card.backText + extra }, progress: progress.get(card.id) ?? null };
	});
	// As from IndexedDB: flat strings, not the ropes concatenation builds.
	return JSON.parse(JSON.stringify(entries)) as SearchCard[];
}

const typed = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
const erased = (text: string) => typed(text).reverse().slice(1).concat('');

/** Typing sessions, one input value per keystroke, each with its filter. */
const SESSIONS: { label: string; steps: [string, StateFilter][] }[] = [
	{ label: 'type "value of key 12.3" (most cards match early)', steps: typed('value of key 12.3').map((q) => [q, 'all']) },
	{ label: 'erase it again (words met before)', steps: erased('value of key 12.3').map((q) => [q, 'all']) },
	{ label: 'type "배포 전략" (Korean)', steps: typed('배포 전략').map((q) => [q, 'all']) },
	{ label: 'type "kubernetes" (no match)', steps: typed('kubernetes').map((q) => [q, 'all']) },
	{ label: 'type "key 3" under "due"', steps: typed('key 3').map((q) => [q, 'due']) },
	{ label: 'every filter, empty query', steps: STATE_FILTERS.map((f) => ['', f]) }
];

function timing(label: string, times: number[]): SearchTiming {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { label, keystrokes: times.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

export function runSearchBenchmark(cards: SearchCard[]): SearchBenchReport {
	let start = performance.now();
	const index = new CardSearch(cards);
	const buildMs = performance.now() - start;
	const all: number[] = [];
	let shown = 0;
	const sessions = SESSIONS.map(({ label, steps }) => {
		const times: number[] = [];
		for (const [query, filter] of steps) {
			start = performance.now();
			shown += index.search(query, filter, CLOCK, LIMIT).shown.length;
			times.push(performance.now() - start);
		}
		all.push(...times);
		return timing(label, times);
	});
	if (shown === 0) throw new Error('no search found anything');
	return { cards: cards.length, buildMs, all: timing('every keystroke', all), sessions };
}
