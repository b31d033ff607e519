/**
 * npm run bench:logpages — the review log packed in pages (schema 7, issue #20) in real
 * Chromium (/usr/bin/chromium), with the app's own database code (page.ts, bundled by esbuild):
 *   - the upgrade from version 6 (a record per rating) to today's version (7 packs the log, 8
 *     counts it by day) at each size of BENCH_LOG_SIZES (default 100k and 1M ratings over 70k
 *     cards), the open that runs it timed whole;
 *   - eachRatings over the whole log once after it (what backups, CSV export and sync read);
 *   - a rating's append: nextSeq then addRatings (the shard's pages read, its last page and the
 *     day's counts written) in a write transaction of its own, p50 and p95 of 200 right
 *     after the upgrade, and of 200 more 30 s later (Chromium compacts the database meanwhile).
 * With BENCH_LOG_PARTS=1, first where the upgrade's time goes: the old rows read alone, and an
 * upgrade that only drops them.
 * Seeding version 6 is a record per rating (~2 min for 1M); it is printed, not part of any number.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIZES = (process.env.BENCH_LOG_SIZES ?? '100000,1000000').split(',').map(Number);
const CARDS = 70_000;
const APPENDS = 200;
const SETTLE_MS = 30_000;

// Loaded at run time: scripts/run.js bundles imports, and esbuild and Playwright cannot be bundled.
const ESBUILD: string = 'esbuild';
const { build } = (await import(ESBUILD)) as typeof import('esbuild');
const PLAYWRIGHT: string = '@playwright/test';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('@playwright/test');

const bundle = await build({
	entryPoints: ['scripts/bench/log-pages/page.ts'],
	bundle: true,
	format: 'esm',
	platform: 'browser',
	write: false,
	tsconfigRaw: {},
	alias: { $lib: './src/lib' }
});
const script = bundle.outputFiles[0].text;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Bench {
	seedV6(name: string, count: number, cards: number): Promise<number>;
	upgrade(name: string): Promise<{ upgradeMs: number; eachMs: number; ratings: number; pages: number }>;
	appends(count: number, cards: number, seed: number, close: boolean): Promise<number[]>;
	parts(name: string): Promise<{ readMs: number; dropMs: number }>;
}

// A profile on disk: a context of its own (incognito) keeps IndexedDB in memory, under a quota 1M ratings exceed.
const profile = mkdtempSync(join(tmpdir(), 'tabledeck-logpages-'));
const browser = await chromium.launchPersistentContext(profile, {
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage();
	// IndexedDB needs a real origin; Playwright serves the page itself.
	await page.route('http://bench.tabledeck.test/', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script type="module" src="/page.js"></script>' })
	);
	await page.route('http://bench.tabledeck.test/page.js', (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
	await page.goto('http://bench.tabledeck.test/');
	await page.waitForFunction(() => 'bench' in globalThis);
	console.log(`Chromium ${browser.browser()?.version()}, ${CARDS.toLocaleString('en')} cards, ${new Date().toISOString()}`);
	for (const size of SIZES) {
		const name = `bench-log-${size}`;
		if (process.env.BENCH_LOG_PARTS) {
			await page.evaluate(([n, c, k]) => (globalThis as unknown as { bench: Bench }).bench.seedV6(n, c, k), [name, size, CARDS] as const);
			const { readMs, dropMs } = await page.evaluate((n) => (globalThis as unknown as { bench: Bench }).bench.parts(n), name);
			console.log(
				`${size.toLocaleString('en').padStart(9)} ratings: version 6's rows read in the upgrade's batches ${s(readMs)}; an upgrade dropping them, moving none, ${s(dropMs)}`
			);
		}
		const seedMs = await page.evaluate(([n, c, k]) => (globalThis as unknown as { bench: Bench }).bench.seedV6(n, c, k), [
			name,
			size,
			CARDS
		] as const);
		const up = await page.evaluate((n) => (globalThis as unknown as { bench: Bench }).bench.upgrade(n), name);
		if (up.ratings !== size) throw new Error(`read ${up.ratings} of ${size} ratings after the upgrade`);
		const append = (seed: number, close: boolean) =>
			page.evaluate(([a, c, k, x]) => (globalThis as unknown as { bench: Bench }).bench.appends(a, c, k, x), [
				APPENDS,
				CARDS,
				seed,
				close
			] as const);
		const cold = await append(7, false);
		// Chromium compacts the database on disk for a while after the upgrade's transaction (1M rows dropped).
		await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
		const settled = await append(8, true);
		const ms = (times: number[]) => `p50 ${percentile(times, 0.5).toFixed(1)} ms p95 ${percentile(times, 0.95).toFixed(1)} ms`;
		console.log(
			`${size.toLocaleString('en').padStart(9)} ratings (${up.pages.toLocaleString('en')} pages): upgrade 6 → today's ${s(up.upgradeMs)}, ` +
				`eachRatings ${s(up.eachMs)}, a rating's append ${ms(cold)} right after the upgrade, ${ms(settled)} ${SETTLE_MS / 1000} s later ` +
				`(version 6 seeded in ${s(seedMs)})`
		);
		await page.evaluate((n) => indexedDB.deleteDatabase(n), name);
	}
} finally {
	await browser.close();
	rmSync(profile, { recursive: true, force: true });
}
