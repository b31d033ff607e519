/**
 * npm run bench:quiz — how fast 50-question quizzes are made over 100k cards, in Node and in
 * real Chromium (Debian's /usr/bin/chromium through Playwright, running the same engine bundled
 * by esbuild). See scripts/bench/quiz/core.ts for what is timed. Prints p50/p95/max ms.
 * Budget: p95 under 50 ms for a 50-question quiz, in both (the median of three rounds). Then, in
 * Chromium only, what "Start quiz" costs in the app with 100k cards in IndexedDB (no budget).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { runStartBenchmark, StartTiming } from './browser';
import { runQuizBenchmark, type QuizBenchReport } from './core';

const BUDGET_P95_MS = 50;
const CHROMIUM = '/usr/bin/chromium';

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Each round makes its corpus and index anew; the machine is shared and noisy, so medians count. */
function print(where: string, rounds: QuizBenchReport[]) {
	const [first] = rounds;
	console.log(
		`\n${where}: ${first.cards} cards, ${first.tables} tables, ${first.decks} decks; ${rounds.length} rounds of 200 mixed 50-question quizzes (seeds 1–200)`
	);
	const once = (label: string, values: number[]) =>
		console.log(`${label.padEnd(34)} median ${ms(median(values))}   (${values.map(ms).join(', ')})`);
	once(
		'QuizIndex build (once)',
		rounds.map((r) => r.indexMs)
	);
	once(
		'id lookup table (on first card(id))',
		rounds.map((r) => r.idTableMs)
	);
	first.quizzes.forEach(({ label }, i) => {
		const timings = rounds.map((r) => r.quizzes[i]);
		const p95 = median(timings.map((t) => t.p95));
		const verdict = p95 < BUDGET_P95_MS ? 'within budget' : 'OVER BUDGET';
		console.log(
			`${label.padEnd(34)} p50 ${ms(median(timings.map((t) => t.p50)))}   p95 ${ms(p95)} (rounds ${timings.map((t) => t.p95.toFixed(1)).join(' / ')})   max ${ms(Math.max(...timings.map((t) => t.max)))}   ${verdict}`
		);
	});
}

// Loaded at run time, not bundled into this script (scripts/run.js bundles it): both load
// their own files or binaries from node_modules.
async function load<T>(name: string): Promise<T> {
	return (await import(name)) as T;
}

type StartReport = Awaited<ReturnType<typeof runStartBenchmark>>;

/** Both browser entry points, bundled into one script that sets `window.quizBench`. */
async function browserBundle(): Promise<string> {
	const { build } = await load<typeof import('esbuild')>('esbuild');
	const bundled = await build({
		// npm scripts run from the project root.
		stdin: {
			contents: "export * from './scripts/bench/quiz/core.ts'; export * from './scripts/bench/quiz/browser.ts';",
			resolveDir: resolve('.'),
			loader: 'ts'
		},
		// $lib comes from SvelteKit's generated tsconfig paths.
		tsconfig: resolve('tsconfig.json'),
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'quizBench',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning'
	});
	return bundled.outputFiles[0].text;
}

interface QuizBench {
	runQuizBenchmark(): QuizBenchReport;
	runStartBenchmark(): Promise<StartReport>;
}

async function inChromium(): Promise<{ version: string; report: QuizBenchReport[]; start: StartReport }> {
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
		// Functions given to evaluate run in the page, so each names the page's global itself.
		const report: QuizBenchReport[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			report.push(await page.evaluate(() => (globalThis as unknown as { quizBench: QuizBench }).quizBench.runQuizBenchmark()));
		}
		const start = await page.evaluate(() => (globalThis as unknown as { quizBench: QuizBench }).quizBench.runStartBenchmark());
		return { version: browser.version(), report, start };
	} finally {
		await browser.close();
	}
}

function printStarts(report: StartReport) {
	console.log(
		`\n"Start quiz" in the app, from IndexedDB: ${report.cards} cards, ${report.progress} studied (loaded in ${(report.loadMs / 1000).toFixed(1)} s)`
	);
	console.log(`median of ${report.starts[0].total.length} runs: read cards (+progress), QuizIndex, quiz, total`);
	for (const { label, read, index, quiz, total } of report.starts as StartTiming[]) {
		const ms = (values: number[]) => `${median(values).toFixed(0)} ms`.padStart(8);
		console.log(`${label.padEnd(40)} read ${ms(read)}   index ${ms(index)}   quiz ${ms(quiz)}   total ${ms(total)}`);
	}
}

print(`Node ${process.version}`, Array.from({ length: ROUNDS }, runQuizBenchmark));
const chromium = await inChromium();
print(`Chromium ${chromium.version}`, chromium.report);
printStarts(chromium.start);
