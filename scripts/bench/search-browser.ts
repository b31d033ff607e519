/**
 * The browser half of npm run bench:search: what opening the search page costs with N cards in
 * real IndexedDB (Chromium), before the first keystroke: reading every card with its progress
 * (searchContent) and building the index. Bundled by esbuild and run by scripts/bench/search.ts.
 */
import { closeDatabase, importProgress, openDatabase, searchContent, syncDecks } from '../../src/lib/db';
import { CardSearch } from '../../src/lib/search/card-search';
import { generateBenchData } from './db-data';

const NOW = Date.UTC(2025, 2, 10, 12);
const RUNS = 3;

export async function runOpenBenchmark(count: number): Promise<{ cards: number; read: number[]; build: number[] }> {
	const data = generateBenchData({ cards: count, reviews: count * 2, seed: 3, now: NOW });
	await openDatabase({ name: `search-bench-${count}-${Date.now()}` });
	await syncDecks(async (path) => structuredClone(data.files.get(path)));
	for (let i = 0; i < data.progress.length; i += 5000) await importProgress(data.progress.slice(i, i + 5000));
	const read: number[] = [];
	const build: number[] = [];
	let cards = 0;
	for (let run = 0; run < RUNS; run++) {
		const t0 = performance.now();
		const content = await searchContent();
		const t1 = performance.now();
		const index = new CardSearch(content.cards);
		build.push(performance.now() - t1);
		read.push(t1 - t0);
		cards = index.size;
	}
	closeDatabase();
	return { cards, read, build };
}
