/**
 * npm run bench:search — how long a keystroke in the search box takes (issue #16 item 11), at
 * 10k and 100k cards, in Node and in real Chromium (Debian's /usr/bin/chromium through
 * Playwright, running the same engine bundled by esbuild). See scripts/bench/search-core.ts for
 * what is timed. Budget: p95 under 100 ms per keystroke (the median of three rounds' p95).
 * Then, in Chromium only, what opening the page costs before the first keystroke (no budget):
 * reading every card from IndexedDB and building the index. BENCH_SIZES=10000,100000 by default.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { runOpenBenchmark } from './search-browser';
import { benchCards, runSearchBenchmark, type SearchBenchReport } from './search-core';

const BUDGET_P95_MS = 100;
const CHROMIUM = '/usr/bin/chromium';
const ROUNDS = 3;
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

function print(where: string, rounds: SearchBenchReport[]) {
	const [first] = rounds;
	console.log(`\n${where}: ${first.cards} cards, ${ROUNDS} rounds of ${first.all.keystrokes} keystrokes`);
	console.log(`${'index build (once)'.padEnd(52)} median ${ms(median(rounds.map((r) => r.buildMs)))}`);
	const line = (label: string, timings: SearchBenchReport['all'][]) => {
		const p95 = median(timings.map((t) => t.p95));
		const verdict = p95 < BUDGET_P95_MS ? 'within budget' : 'OVER BUDGET';
		console.log(
			`${label.padEnd(52)} p50 ${ms(median(timings.map((t) => t.p50)))}   p95 ${ms(p95)} (rounds ${timings.map((t) => t.p95.toFixed(1)).join(' / ')})   max ${ms(Math.max(...timings.map((t) => t.max)))}   ${verdict}`
		);
	};
	line(
		`every keystroke (${first.all.keystrokes})`,
		rounds.map((r) => r.all)
	);
	first.sessions.forEach(({ label }, i) =>
		line(
			`  ${label}`,
			rounds.map((r) => r.sessions[i])
		)
	);
}

// Loaded at run time, not bundled into this script (scripts/run.js bundles it): both load
// their own files or binaries from node_modules.
async function load<T>(name: string): Promise<T> {
	return (await import(name)) as T;
}

async function browserBundle(): Promise<string> {
	const { build } = await load<typeof import('esbuild')>('esbuild');
	const bundled = await build({
		stdin: {
			contents: "export * from './scripts/bench/search-core.ts'; export * from './scripts/bench/search-browser.ts';",
			resolveDir: resolve('.'),
			loader: 'ts'
		},
		tsconfig: resolve('tsconfig.json'),
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'searchBench',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning'
	});
	return bundled.outputFiles[0].text;
}

interface SearchBench {
	benchCards: typeof benchCards;
	runSearchBenchmark: typeof runSearchBenchmark;
	runOpenBenchmark: typeof runOpenBenchmark;
}
type OpenReport = Awaited<ReturnType<typeof runOpenBenchmark>>;

async function inChromium(): Promise<{ version: string; reports: SearchBenchReport[][]; opens: OpenReport[] }> {
	const { chromium } = await load<typeof import('@playwright/test')>('@playwright/test');
	const script = await browserBundle();
	const browser = await chromium.launch({
		executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const page = await browser.newPage();
		// IndexedDB needs a real origin, so the page is served from one, by Playwright itself.
		await page.route('http://bench.tabledeck.test/', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' })
		);
		await page.goto('http://bench.tabledeck.test/');
		await page.addScriptTag({ content: script });
		const reports: SearchBenchReport[][] = [];
		const opens: OpenReport[] = [];
		for (const size of SIZES) {
			// Functions given to evaluate run in the page, so each names the page's global itself.
			reports.push(
				await page.evaluate(
					({ size, rounds }) => {
						const bench = (globalThis as unknown as { searchBench: SearchBench }).searchBench;
						const cards = bench.benchCards(size);
						return Array.from({ length: rounds }, () => bench.runSearchBenchmark(cards));
					},
					{ size, rounds: ROUNDS }
				)
			);
			opens.push(
				await page.evaluate((size) => (globalThis as unknown as { searchBench: SearchBench }).searchBench.runOpenBenchmark(size), size)
			);
		}
		return { version: browser.version(), reports, opens };
	} finally {
		await browser.close();
	}
}

for (const size of SIZES) {
	const cards = benchCards(size);
	print(
		`Node ${process.version}`,
		Array.from({ length: ROUNDS }, () => runSearchBenchmark(cards))
	);
}
const chromium = await inChromium();
chromium.reports.forEach((rounds) => print(`Chromium ${chromium.version}`, rounds));
console.log('\nOpening the search page in Chromium, from IndexedDB (median of 3): read every card + progress, build the index');
for (const open of chromium.opens) {
	console.log(`${`${open.cards} cards`.padEnd(14)} read ${ms(median(open.read))}   index ${ms(median(open.build))}`);
}
