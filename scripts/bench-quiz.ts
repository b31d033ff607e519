/**
 * npm run bench:quiz — how fast 50-question quizzes are made over 100k cards, in Node and in
 * real Chromium (Debian's /usr/bin/chromium through Playwright, running the same engine bundled
 * by esbuild). See scripts/bench-quiz-core.ts for what is timed. Prints p50/p95/max ms.
 * Budget: p95 under 50 ms for a 50-question quiz, in both.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runQuizBenchmark, type QuizBenchReport } from './bench-quiz-core';

const BUDGET_P95_MS = 50;
const CHROMIUM = '/usr/bin/chromium';

function print(where: string, report: QuizBenchReport) {
	console.log(`\n${where}: ${report.cards} cards, ${report.tables} tables, ${report.decks} decks`);
	console.log(`${'QuizIndex build (once)'.padEnd(40)} ${report.indexMs.toFixed(2)} ms`);
	console.log(`${'id lookup table (once, on first card(id))'.padEnd(40)} ${report.idTableMs.toFixed(2)} ms`);
	console.log(`200 mixed ${50}-question quizzes, seeds 1–200:`);
	for (const { label, p50, p95, max } of report.quizzes) {
		const verdict = p95 < BUDGET_P95_MS ? 'within budget' : 'OVER BUDGET';
		console.log(`${label.padEnd(40)} p50 ${p50.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   max ${max.toFixed(2)} ms   (${verdict})`);
	}
}

// Loaded at run time, not bundled into this script (scripts/run.js bundles it): both load
// their own files or binaries from node_modules.
async function load<T>(name: string): Promise<T> {
	return (await import(name)) as T;
}

async function inChromium(): Promise<{ version: string; report: QuizBenchReport }> {
	const { build } = await load<typeof import('esbuild')>('esbuild');
	const { chromium } = await load<typeof import('@playwright/test')>('@playwright/test');
	const bundled = await build({
		// npm scripts run from the project root.
		entryPoints: [resolve('scripts/bench-quiz-core.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'quizBench',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning'
	});
	const browser = await chromium.launch({
		executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const page = await browser.newPage();
		await page.addScriptTag({ content: bundled.outputFiles[0].text });
		const report = await page.evaluate(() => (globalThis as unknown as { quizBench: { runQuizBenchmark(): QuizBenchReport } }).quizBench.runQuizBenchmark());
		return { version: browser.version(), report };
	} finally {
		await browser.close();
	}
}

print(`Node ${process.version}`, runQuizBenchmark());
const chromium = await inChromium();
print(`Chromium ${chromium.version}`, chromium.report);
