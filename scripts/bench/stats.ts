/**
 * npm run bench:stats — statistics, backup export and backup import with 100k cards and 1M
 * review-log rows, in real Chromium (/usr/bin/chromium) against the production build.
 *
 * No test hook ships in the app: the data goes in the way a person's would, through the app's
 * own "Import backup". The script writes the generated decks (scripts/bench/db-data.ts) into a
 * copy of build/ and a backup file of their progress and review log, serves the copy, lets the
 * app sync the 100k cards, imports the file (timed), then times /stats, "Export backup", and
 * importing the app's own export into a cleared browser. Peak JS heap is sampled over CDP.
 * Needs `npm run build` first. Results: stdout and bench-results/stats.json.
 */
import type { CDPSession, Page } from '@playwright/test';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import sirv from 'sirv';
import { toProgressTuple, toReviewLogTuple, type LogPageTuple } from '../../src/lib/backup/format';
import { BackupWriter } from '../../src/lib/backup/write';
import { DEFAULT_SETTINGS } from '../../src/lib/scheduler/types';
import { generateBenchData } from './db-data';

// Loaded at run time: scripts/run.js bundles imports, and Playwright cannot be bundled.
const PLAYWRIGHT: string = 'playwright-core';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 1);
/** Also import each export rewritten as version 1 (the same data, the log as rows), alternating (ABBA): the two restores side by side. */
const IMPORT_V1 = process.env.BENCH_IMPORT_V1 === '1';
/** A directory: each import's check and restore are also profiled (CDP Profiler), written there as check-N.cpuprofile and restore-N.cpuprofile (read with scripts/bench/profile-top.ts). */
const PROFILE = process.env.BENCH_PROFILE ?? '';
let profiles = 0;
const LONG = 3_600_000;
const PORT = Number(process.env.BENCH_PORT ?? 4192);
const DAY = 86_400_000;
const WORK = '.cache/bench-stats';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function writeParts(parts: (string | Buffer)[], file: string) {
	const out = createWriteStream(file);
	for (const part of parts) if (!out.write(part)) await once(out, 'drain');
	out.end();
	await once(out, 'finish');
}

/** A version-2 export as version 1 writes the same data: its pages' ratings as reviewLog rows, in file order. */
async function asVersion1(file: string, to: string) {
	const { exportedAt, settings, preferences, progress, logPages, quizHistory } = JSON.parse(readFileSync(file, 'utf8'));
	const writer = new BackupWriter({ exportedAt: Date.parse(exportedAt), settings, preferences }, (texts) => Buffer.from(texts.join('')));
	writer.rows('progress', progress);
	for (const [, ratings] of logPages as LogPageTuple[]) writer.rows('reviewLog', ratings);
	writer.rows('quizHistory', quizHistory);
	await writeParts(writer.finish(), to);
}

async function prepare() {
	if (!existsSync('build/index.html')) throw new Error('No build/: run `npm run build` first');
	rmSync(WORK, { recursive: true, force: true });
	const site = join(WORK, 'site');
	cpSync('build', site, { recursive: true });
	rmSync(join(site, 'decks'), { recursive: true, force: true });
	mkdirSync(join(site, 'decks'));
	const now = Math.floor(Date.now() / DAY) * DAY;
	const data = generateBenchData({ cards: CARDS, reviews: REVIEWS, seed: 7, now });
	for (const [path, json] of data.files) writeFileSync(join(site, 'decks', path), JSON.stringify(json));
	const writer = new BackupWriter({ exportedAt: now, settings: { ...DEFAULT_SETTINGS }, preferences: {} }, (texts) =>
		Buffer.from(texts.join(''))
	);
	writer.rows('progress', data.progress.map(toProgressTuple));
	for (const batch of data.reviewLogBatches(20_000)) writer.rows('reviewLog', batch.map(toReviewLogTuple));
	const file = join(WORK, 'generated-backup.json');
	await writeParts(writer.finish(), file);
	return { site, file, progress: data.progress.length, reviews: data.reviewCount };
}

/** Samples the page's JS heap every 200 ms while `work` runs; gives its time and the peak. */
async function measured<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ ms: number; peakHeapMb: number; value: T }> {
	let peak = 0;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			const { metrics } = await cdp.send('Performance.getMetrics');
			peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
			await new Promise((r) => setTimeout(r, 200));
		}
	})();
	const start = performance.now();
	const value = await work();
	const ms = performance.now() - start;
	sampling = false;
	await sampler;
	return { ms: Math.round(ms), peakHeapMb: mb(peak), value };
}

/** With BENCH_PROFILE, starts sampling the page's CPU. */
async function startProfile(cdp: CDPSession) {
	if (!PROFILE) return;
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
}

/** With BENCH_PROFILE, stops sampling and writes the profile as DIR/`name`.cpuprofile. */
async function saveProfile(cdp: CDPSession, name: string) {
	if (!PROFILE) return;
	const { profile } = await cdp.send('Profiler.stop');
	mkdirSync(PROFILE, { recursive: true });
	writeFileSync(join(PROFILE, `${name}.cpuprofile`), JSON.stringify(profile));
}

async function importFile(page: Page, cdp: CDPSession, file: string) {
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Export backup' }).waitFor({ timeout: LONG });
	await startProfile(cdp);
	const check = await measured(cdp, async () => {
		await page.locator('#backup-file').setInputFiles(file);
		const preview = page.getByRole('region', { name: /Restore from/ });
		const alert = page.getByRole('alert');
		await preview.or(alert).first().waitFor({ timeout: LONG });
		if (await alert.isVisible()) throw new Error(`Import refused: ${await alert.textContent()}`);
		return preview.textContent();
	});
	profiles++;
	await saveProfile(cdp, `check-${profiles}`);
	await startProfile(cdp);
	const restore = await measured(cdp, async () => {
		await page.getByRole('button', { name: 'Restore' }).click();
		const done = page.getByRole('status').filter({ hasText: 'Restored' });
		await done.or(page.getByRole('alert')).first().waitFor({ timeout: LONG });
		return done.textContent();
	});
	await saveProfile(cdp, `restore-${profiles}`);
	return {
		checkMs: check.ms,
		restoreMs: restore.ms,
		phasesMs: await restorePhases(page),
		totalMs: check.ms + restore.ms,
		peakHeapMb: Math.max(check.peakHeapMb, restore.peakHeapMb),
		result: restore.value
	};
}

/** Where an import's time went, from the marks the app leaves (state/backup.svelte.ts, db/backup.ts), in ms. */
async function restorePhases(page: Page) {
	const at = await page.evaluate(() =>
		Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name.replace('tabledeck:', ''), mark.startTime]))
	);
	const span = (from: string, to: string) => (at[from] !== undefined && at[to] !== undefined ? Math.round(at[to] - at[from]) : null);
	return {
		readAndCheck: span('backup-read', 'backup-checked'),
		preview: span('backup-checked', 'backup-previewed'),
		plan: span('restore-start', 'restore-planned'),
		progress: span('restore-planned', 'restore-progress'),
		log: span('restore-progress', 'restore-log'),
		rest: span('restore-log', 'restore-committed'),
		afterCommit: span('restore-committed', 'restore-shown')
	};
}

async function waitForDecks(page: Page) {
	const start = performance.now();
	await page.goto('/');
	await page.getByTestId('count-new').waitFor({ timeout: LONG });
	return Math.round(performance.now() - start);
}

/** /stats with the filter's `option`-th choice: from choosing it to the overview, and to the details, on screen. */
async function deckStats(page: Page, option: number) {
	await page.goto('/stats');
	await page.waitForFunction(() => performance.getEntriesByName('tabledeck:stats-complete').length > 0, null, { timeout: LONG });
	const value = await page.locator('#stats-deck option').nth(option).getAttribute('value');
	await page.evaluate(() => performance.clearMarks());
	await page.selectOption('#stats-deck', value!);
	await page.waitForFunction(() => performance.getEntriesByName('tabledeck:stats-complete').length > 0, null, { timeout: LONG });
	const [s, r, c] = await page.evaluate(() =>
		['start', 'ready', 'complete'].map((name) => performance.getEntriesByName(`tabledeck:stats-${name}`)[0].startTime)
	);
	return { overviewMs: Math.round(r - s), detailsMs: Math.round(c - s) };
}

async function main() {
	console.log(`Generating ${CARDS} cards and ${REVIEWS} reviews…`);
	const { site, file, progress, reviews } = await prepare();
	console.log(`Generated backup: ${mb(statSync(file).size)} MB, ${progress} progress rows, ${reviews} reviews`);
	const server = createServer(sirv(site, { single: '200.html', dev: false })).listen(PORT, '127.0.0.1');
	await once(server, 'listening');
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const context = await browser.newContext({ baseURL: `http://localhost:${PORT}`, serviceWorkers: 'block', acceptDownloads: true });
	const page = await context.newPage();
	page.on('crash', () => console.error('THE TAB CRASHED'));
	page.setDefaultTimeout(LONG);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const results: Record<string, unknown> = {
		cards: CARDS,
		reviews: REVIEWS,
		chromium: browser.version(),
		generatedBackupMb: mb(statSync(file).size)
	};
	try {
		results.firstSyncMs = await waitForDecks(page);
		console.log(`Deck sync of ${CARDS} cards: ${results.firstSyncMs} ms`);
		results.importGenerated = await importFile(page, cdp, file);
		console.log('Import of the generated backup:', results.importGenerated);

		// The first visit after an import reads a year of rows for the details and caches them.
		const ready: number[] = [];
		const complete: number[] = [];
		/** From storage ready (app opened, decks checked) to the overview on screen. */
		const queries: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			await page.goto('/stats');
			await page.waitForFunction(() => performance.getEntriesByName('tabledeck:stats-complete').length > 0, null, { timeout: LONG });
			const [s, r, c] = await page.evaluate(() =>
				['start', 'ready', 'complete'].map((name) => performance.getEntriesByName(`tabledeck:stats-${name}`)[0].startTime)
			);
			ready.push(Math.round(r));
			complete.push(Math.round(c));
			queries.push(Math.round(r - s));
		}
		results.statsOnScreenMs = { runs: ready, median: median(ready), p95: p95(ready) };
		results.statsOverviewQueryMs = { runs: queries, median: median(queries), p95: p95(queries) };
		results.statsDetailsMs = { coldFirstVisit: complete[0], warmRuns: complete.slice(1), warmMedian: median(complete.slice(1)) };
		console.log('/stats overview on screen (ms from navigation start):', results.statsOnScreenMs);
		console.log('/stats overview, storage ready → on screen (ms):', results.statsOverviewQueryMs);
		console.log('/stats details complete (ms from navigation start):', results.statsDetailsMs);

		// One deck chosen in the filter: a note (2,000 cards) and its first section (200).
		for (const [name, option] of [
			['note', 1],
			['section', 2]
		] as const) {
			const runs = [];
			for (let i = 0; i < RUNS; i++) runs.push(await deckStats(page, option));
			results[`statsDeck_${name}`] = {
				runs,
				overviewMedian: median(runs.map((r) => r.overviewMs)),
				detailsMedian: median(runs.map((r) => r.detailsMs))
			};
			console.log(`/stats for one ${name}, from choosing it (ms):`, results[`statsDeck_${name}`]);
		}

		const exportRuns: { ms: number; peakHeapMb: number; sizeMb: number }[] = [];
		let exported = '';
		for (let i = 0; i < EXPORT_RUNS; i++) {
			await page.goto('/settings');
			const run = await measured(cdp, async () => {
				const download = page.waitForEvent('download', { timeout: LONG });
				await page.getByRole('button', { name: 'Export backup' }).click();
				return download;
			});
			exported = join(WORK, `export-${i}.json`);
			await run.value.saveAs(exported);
			exportRuns.push({ ms: run.ms, peakHeapMb: run.peakHeapMb, sizeMb: mb(statSync(exported).size) });
		}
		results.export = { runs: exportRuns, medianMs: median(exportRuns.map((r) => r.ms)) };
		console.log('Export backup:', results.export);

		const importRuns = [];
		const v1Runs = [];
		const v1 = join(WORK, 'export-v1.json');
		if (IMPORT_V1) await asVersion1(exported, v1);
		for (let i = 0; i < IMPORT_RUNS; i++) {
			// Version 2 first, then 1, then 1 first: a load that rises or falls over the runs favours neither.
			for (const file of IMPORT_V1 ? (i % 2 ? [v1, exported] : [exported, v1]) : [exported]) {
				await cdp.send('Storage.clearDataForOrigin', { origin: `http://localhost:${PORT}`, storageTypes: 'all' });
				await waitForDecks(page);
				(file === v1 ? v1Runs : importRuns).push(await importFile(page, cdp, file));
			}
		}
		results.importExport = { runs: importRuns, medianTotalMs: median(importRuns.map((r) => r.totalMs)) };
		console.log('Import of the app’s own export into a cleared browser:', results.importExport);
		if (IMPORT_V1) {
			results.importExportV1 = { sizeMb: mb(statSync(v1).size), runs: v1Runs, medianTotalMs: median(v1Runs.map((r) => r.totalMs)) };
			console.log('The same export as version 1 (the log as rows), imported likewise:', results.importExportV1);
		}
	} finally {
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/stats.json', JSON.stringify(results, null, 2));
		await browser.close();
		server.close();
	}
}

await main();
