/**
 * npm run bench:optimize — the FSRS optimizer on a large log (BENCH_REVIEWS, 100,000 by default,
 * a seeded plausible log over a year):
 *
 * - in Chromium, through the app's Settings → Optimize against the production build
 *   (`npm run build` first): from the click to the comparison table, each stage's time, the
 *   page's longest task meanwhile (Long Tasks API: what the page could not answer during),
 *   and the JS heap's peak;
 * - in Node, the same steps without the page: packing, fsrs-browser's computeParameters and
 *   one evaluation, for comparison.
 * Results: stdout and bench-results/optimize.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { createRequire } from 'node:module';
import { DEFAULT_PARAMETERS } from '../../src/lib/scheduler/fsrs';
import { optimizerInput, packReviewLog, trainingItems } from '../../src/lib/scheduler/optimizer-input';
import { seededLog, type SeededReview } from '../../src/lib/scheduler/optimizer-log.testing';
import { evaluateParameters } from '../../src/lib/scheduler/optimizer-metrics';

// Loaded at run time: scripts/run.js bundles imports, and Playwright and the WebAssembly's glue cannot be bundled.
const PLAYWRIGHT: string = 'playwright-core';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');
const PORT = Number(process.env.BENCH_PORT ?? 4316);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 100_000);
const NOW = Date.now();
/** A person who forgets faster than the defaults expect, so the optimizer has something to find. */
const MEMORY = DEFAULT_PARAMETERS.map((v, i) => (i < 4 ? v / 3 : v));

const time = <T>(f: () => T): [T, number] => {
	const began = performance.now();
	const value = f();
	return [value, Math.round(performance.now() - began)];
};

async function inNode(log: SeededReview[]) {
	(globalThis as { self?: unknown }).self ??= new EventTarget();
	const FSRS_BROWSER: string = 'fsrs-browser';
	const browser = (await import(FSRS_BROWSER)) as typeof import('fsrs-browser');
	browser.initSync({ module: readFileSync(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
	const [cards, packMs] = time(() => packReviewLog(log, 4));
	const items = trainingItems(cards);
	const [, evaluateMs] = time(() => evaluateParameters(cards, items, DEFAULT_PARAMETERS));
	const input = optimizerInput(cards, items);
	const silent = console.log;
	console.log = () => {};
	const [, trainMs] = time(() => new browser.Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true));
	console.log = silent;
	return { items: items.length, packMs, evaluateMs, trainMs };
}

async function inChromium(log: SeededReview[]) {
	const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		const context = await browser.newContext({ baseURL: `http://localhost:${PORT}`, serviceWorkers: 'block' });
		await context.addInitScript(() => {
			const w = window as unknown as { longTasks: { start: number; duration: number }[] };
			w.longTasks = [];
			new PerformanceObserver((list) =>
				list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))
			).observe({
				type: 'longtask',
				buffered: true
			});
		});
		const page = await context.newPage();
		page.setDefaultTimeout(1_800_000);
		for (let i = 0; ; i++) {
			try {
				await page.goto('/settings');
				break;
			} catch (error) {
				if (i > 100) throw error;
				await new Promise((next) => setTimeout(next, 100));
			}
		}
		await page.getByRole('heading', { name: 'Your memory model' }).waitFor();
		for (let at = 0; at < log.length; at += 10_000) {
			await page.evaluate(
				async (rows) => {
					const db = await new Promise<IDBDatabase>((done, fail) => {
						const open = indexedDB.open('tabledeck');
						open.onsuccess = () => done(open.result);
						open.onerror = () => fail(open.error);
					});
					await new Promise<void>((done, fail) => {
						const tx = db.transaction('reviewLog', 'readwrite');
						for (const row of rows)
							tx.objectStore('reviewLog').put({
								...row,
								stateAfter: 2,
								elapsedDays: 0,
								scheduledDays: 1,
								due: row.review,
								stability: 1,
								difficulty: 5,
								durationMs: 0,
								previous: null
							});
						tx.oncomplete = () => done();
						tx.onerror = () => fail(tx.error);
					});
					db.close();
				},
				log.slice(at, at + 10_000).map((row, i) => ({ ...row, id: `bench-${at + i}` }))
			);
		}
		await page.reload();
		const optimize = page.getByRole('button', { name: 'Optimize' });
		await optimize.and(page.locator(':enabled')).waitFor();
		const cdp = await context.newCDPSession(page);
		const heap = async () => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
		const base = await heap();
		let peak = base;
		const sampler = setInterval(
			() =>
				void heap().then(
					(used) => (peak = Math.max(peak, used)),
					() => undefined
				),
			200
		);
		const clickedAt = await page.evaluate(() => performance.now());
		const began = performance.now();
		await optimize.click();
		const stageAt = async (text: string) => {
			await page.getByText(text).waitFor({ state: 'attached' });
			return Math.round(performance.now() - began);
		};
		const training = await stageAt('Fitting parameters');
		const comparing = await stageAt('Comparing old and new');
		await page.getByRole('table').waitFor();
		const totalMs = Math.round(performance.now() - began);
		clearInterval(sampler);
		const tasks = await page.evaluate(
			(from) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from),
			clickedAt
		);
		const caption = await page.getByRole('table').getByRole('caption').textContent();
		return {
			totalMs,
			untilTrainingMs: training,
			trainingMs: comparing - training,
			afterTrainingMs: totalMs - comparing,
			longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
			longTasks: tasks.length,
			heapMb: Math.round((peak - base) / 1e5) / 10,
			caption
		};
	} finally {
		await browser.close();
		server.kill();
	}
}

const log = seededLog(REVIEWS, 42, NOW, 365, MEMORY);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), Linux ${release()}, Node ${process.version}`;
console.log(`Machine: ${machine}`);
console.log(`Log: ${log.length} reviews over ${new Set(log.map((r) => r.cardId)).size} cards`);
const node = await inNode(log);
console.log(
	`Node: ${node.items} training reviews; pack ${node.packMs} ms, one evaluation ${node.evaluateMs} ms, computeParameters ${node.trainMs} ms`
);
const page = existsSync('build/index.html') ? await inChromium(log) : null;
if (page) {
	console.log(`Chromium, Settings → Optimize: ${page.totalMs} ms from the click to the comparison (${page.caption})`);
	console.log(
		`  reading + packing + measuring the old: ${page.untilTrainingMs} ms; training: ${page.trainingMs} ms; measuring the new: ${page.afterTrainingMs} ms`
	);
	console.log(`  page's longest task meanwhile: ${page.longestTaskMs} ms (${page.longTasks} tasks over 50 ms); JS heap +${page.heapMb} MB`);
} else console.log('Chromium: skipped (run npm run build first)');
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/optimize.json', JSON.stringify({ machine, reviews: log.length, node, page }, null, 2));
