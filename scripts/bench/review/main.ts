/**
 * npm run bench:review [-- --cards 10000,100000 --reviews 1000000 --ratings 200 --loads 5]
 *
 * The daily review in real Chromium (/usr/bin/chromium) with a persistent profile, against
 * the production build (run `npm run build` first; --build DIR measures another), at each
 * card count with 1M review-log rows:
 *   - home: navigation start → today's counts painted (first load after a browser start, then reloads)
 *   - review: navigation start → first card painted and → the queue behind it built (the counts line),
 *     then rating key → next card painted (p50/p95)
 *   - a deck update of 10k changed cards: syncDecks, fetch to commit
 *   - storage: navigator.storage.estimate() after reopening the profile, content alone and with progress
 *
 * How the data gets in: this script serves build/ itself, with /decks/ answered from
 * scripts/bench/db-data.ts (generated, deterministic) instead of the built notes, so the app
 * loads and syncs the generated decks as it would real ones. Progress and the review log are
 * imported on a separate page of the same origin by the app's own src/lib/db (bundled with
 * esbuild, see server.ts): the app itself carries no benchmark hook.
 * --home-only measures home alone (its loads, their start-up phases and reads), for work on home.
 * --keep DIR keeps the seeded profiles (seeding 1M rows takes 10–20 minutes) and measures
 * a fresh copy of them each run; a kept profile is served on the port it was seeded on.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from '@playwright/test';
import { generateBenchData, type BenchOptions } from '../db-data';
import {
	armRatingTimer,
	importInPage,
	markScreens,
	openInPage,
	readsInPage,
	recountInPage,
	startPhases,
	syncInPage,
	type SyncTiming
} from './page';
import { editedDecks, seedBundle, serialise, startServer, type BenchServer } from './server';

// Loaded at run time: scripts/run.js bundles imports, and Playwright cannot be bundled.
const PLAYWRIGHT = '@playwright/test';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('@playwright/test');

const { values } = parseArgs({
	options: {
		cards: { type: 'string', default: '10000,100000' },
		reviews: { type: 'string', default: '1000000' },
		ratings: { type: 'string', default: '200' },
		loads: { type: 'string', default: '5' },
		changed: { type: 'string', default: '10000' },
		// Another production build to measure, e.g. an older commit's, for before/after numbers.
		build: { type: 'string', default: 'build' },
		// Keep the seeded profiles here and reuse them (each run works on a copy): seeding 1M rows takes minutes.
		keep: { type: 'string' },
		// Measure home alone (its loads and reads), not the review, the ratings or the deck update.
		'home-only': { type: 'boolean', default: false }
	}
});
const REVIEWS = Number(values.reviews);
const RATINGS = Number(values.ratings);
const LOADS = Number(values.loads);
const CHANGED = Number(values.changed);
const SEED = 20_240_601;
const PHONE = { width: 360, height: 640 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];

async function onSeedPage<T>(context: BrowserContext, url: string, work: (arg: BenchOptions) => Promise<T>, arg: BenchOptions): Promise<T> {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/__bench/seed.html`);
		return await page.evaluate(work, arg);
	} finally {
		await page.close();
	}
}

// ---- measuring ----

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

async function launch(profile: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: PHONE });
}

/** Milliseconds from navigation start until each mark was painted, once all of them are. */
async function screenTimes(page: Page, path: string, marks: string[]): Promise<number[]> {
	await page.goto(path, { timeout: 120_000 });
	const painted = (names: string[]) => {
		const bench = (window as unknown as { __bench?: Record<string, number> }).__bench;
		return names.every((name) => bench?.[name]) && names.map((name) => bench![name]);
	};
	return (await (await page.waitForFunction(painted, marks, { timeout: 600_000 })).jsonValue()) as number[];
}

async function storage(context: BrowserContext, url: string) {
	const page = await context.newPage();
	await page.goto(`${url}/__bench/seed.html`);
	// Chromium reports an origin's usage once its database has been opened in this browser session.
	const estimate = await page.evaluate(async () => {
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('tabledeck');
			request.onsuccess = () => resolve(request.result.close());
			request.onerror = () => reject(request.error);
		});
		return navigator.storage.estimate();
	});
	await page.close();
	const details = (estimate as { usageDetails?: { indexedDB?: number } }).usageDetails;
	return details?.indexedDB ?? estimate.usage ?? 0;
}

async function rateMany(page: Page, count: number): Promise<{ dom: number[]; frame: number[]; painted: number[] }> {
	const times = { dom: [] as number[], frame: [] as number[], painted: [] as number[] };
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	for (let i = 0; i < count; i++) {
		await showAnswer.waitFor();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: /^Good\b/ }).waitFor();
		await page.evaluate(armRatingTimer);
		// Mostly Good, some Again (those come back as learning cards), now and then Hard or Easy.
		await page.keyboard.press(i % 10 === 9 ? '1' : i % 7 === 3 ? '2' : i % 11 === 5 ? '4' : '3');
		const rating = await page.waitForFunction(() => (window as unknown as { __rating?: unknown }).__rating);
		const { dom, frame, painted } = (await rating.jsonValue()) as { dom: number; frame: number; painted: number };
		times.dom.push(dom);
		times.frame.push(frame);
		times.painted.push(painted);
		if (await page.locator('#done-title').isVisible()) break;
	}
	return times;
}

/** Where a sync's time went, and whether it held the page up. */
function syncDetail(sync: SyncTiming): string {
	return `(of which fetching and parsing the notes ~${ms(sync.fetchParseMs)}, digesting their cards ~${ms(sync.digestMs)}; longest task ${ms(sync.longestTask)})`;
}

interface Seeded {
	/** IndexedDB belongs to an origin: a kept profile must be served on the port it was seeded on. */
	port: number;
	now: number;
	syncMs: number;
	importMs: number;
	contentBytes: number;
}

/** A profile holding the generated decks, progress and review log; timed as it is made. */
async function seedProfile(profile: string, server: BenchServer, options: BenchOptions): Promise<Seeded> {
	let context = await launch(profile);
	const sync = await onSeedPage(context, server.url, syncInPage, options);
	console.log(`first sync of the decks: ${ms(sync.ms)} ${syncDetail(sync)}`);
	await context.close();
	context = await launch(profile);
	const contentBytes = await storage(context, server.url);
	const imported = await onSeedPage(context, server.url, importInPage, options);
	console.log(`import: ${imported.progress} progress rows, ${imported.reviews} review-log rows in ${ms(imported.ms)}`);
	const recount = await onSeedPage(context, server.url, recountInPage, options);
	console.log(`deck totals counted from every progress row (once, after the upgrade to schema 5): ${ms(recount)}`);
	await context.close();
	return { port: Number(new URL(server.url).port), now: options.now, syncMs: sync.ms, importMs: imported.ms, contentBytes };
}

async function benchScale(cards: number, seedJs: string) {
	const keep = values.keep && join(values.keep, `${cards}-${REVIEWS}-${SEED}`);
	const marker = keep && join(keep, 'seeded.json');
	const reused = marker && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as Seeded) : null;
	const options: BenchOptions = { cards, reviews: REVIEWS, seed: SEED, now: reused?.now ?? Date.now() };
	const data = generateBenchData(options);
	const server = await startServer(values.build!, serialise(data.files), seedJs, reused?.port);
	const profile = mkdtempSync(join(tmpdir(), 'tabledeck-bench-'));
	const result: Record<string, unknown> = { cards, reviews: REVIEWS, decks: data.index.decks.length, notes: data.index.notes.length };
	console.log(
		`\n## ${cards.toLocaleString('en')} cards, ${data.index.decks.length} decks, ${REVIEWS.toLocaleString('en')} review-log rows`
	);
	try {
		let seeded = reused;
		if (seeded) {
			console.log(`reusing the profile seeded at ${new Date(seeded.now).toISOString()} (${keep})`);
		} else {
			seeded = await seedProfile(keep || profile, server, options);
			if (keep) writeFileSync(marker!, JSON.stringify(seeded));
		}
		if (keep) {
			rmSync(profile, { recursive: true, force: true });
			cpSync(keep, profile, { recursive: true });
		}

		// A fresh browser start, as when the app is opened; then reloads.
		const context = await launch(profile);
		const { contentBytes } = seeded;
		const totalBytes = await storage(context, server.url);
		const bytes = {
			contentPerCard: contentBytes / cards,
			totalPerCard: totalBytes / cards,
			perLogRow: (totalBytes - contentBytes) / REVIEWS
		};
		console.log(
			`IndexedDB: ${mb(contentBytes)} content (${bytes.contentPerCard.toFixed(0)} B/card), ${mb(totalBytes)} with progress and log (${bytes.totalPerCard.toFixed(0)} B/card, ~${bytes.perLogRow.toFixed(0)} B/log row)`
		);
		const opened = await onSeedPage(context, server.url, openInPage, options);
		console.log(`database opened in ${ms(opened.ms)} (schema ${opened.before} before: an older one is upgraded by this open)`);
		await context.addInitScript(markScreens);
		const page = await context.newPage();
		// Each load waits until the home screen has settled (streak and deck tree too), so no
		// reads of the previous one are still queued in the database when the next one starts.
		const loads: number[][] = [];
		const phases: Record<string, number>[] = [];
		for (let i = 0; i < LOADS; i++) {
			loads.push(await screenTimes(page, `${server.url}/`, ['home', 'streak', 'tree']));
			phases.push(await page.evaluate(startPhases));
		}
		const [home, streak, tree] = [0, 1, 2].map((i) => loads.map((load) => load[i]));
		const line = (xs: number[]) => `first ${ms(xs[0])}, then median ${ms(median(xs.slice(1)))} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
		console.log(`home counts painted: ${line(home)}`);
		const phaseNames = Object.keys(phases[0]);
		console.log(
			`  where a reload's time goes (median, ms from navigation start): ${phaseNames.map((name) => `${name} ${median(phases.slice(1).map((p) => p[name])).toFixed(0)}`).join(', ')}`
		);
		console.log(`home streak painted: ${line(streak)}; deck tree with counts: ${line(tree)}`);
		const reads = await onSeedPage(context, server.url, readsInPage, options);
		console.log(
			`  their reads alone (median of 5): ${Object.entries(reads)
				.map(([name, t]) => `${name} ${ms(t)}`)
				.join(', ')}`
		);

		if (values['home-only']) {
			await context.close();
			Object.assign(result, { seeded, bytes, home, streak, tree, reads, phases });
			return result;
		}

		// Each load waits for the queue built behind the first card too, so the next load does not queue behind its reads.
		const reviewLoads: number[][] = [];
		for (let i = 0; i < 3; i++) reviewLoads.push(await screenTimes(page, `${server.url}/review`, ['review', 'queued']));
		const [firstCard, queued] = [0, 1].map((i) => reviewLoads.map((load) => load[i]));
		const list = (xs: number[]) => `median ${ms(median(xs))} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
		console.log(`review, first card painted: ${list(firstCard)}; queue behind it built: ${list(queued)}`);
		const rating = await rateMany(page, RATINGS);
		const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
		const r = { n: rating.dom.length, dom: stats(rating.dom), frame: stats(rating.frame), painted: stats(rating.painted) };
		console.log(
			`rating → next card over ${r.n} ratings: DOM updated p50 ${ms(r.dom.p50)} p95 ${ms(r.dom.p95)}; next frame p50 ${ms(r.frame.p50)} p95 ${ms(r.frame.p95)}; painted p50 ${ms(r.painted.p50)} p95 ${ms(r.painted.p95)} (max ${ms(r.painted.max)})`
		);
		await page.close();

		server.decks = editedDecks(data.files, CHANGED);
		const update = await onSeedPage(context, server.url, syncInPage, options);
		console.log(
			`deck update, ${CHANGED} changed cards: ${ms(update.ms)} ${syncDetail(update)} ${JSON.stringify(update.report).slice(0, 160)}…`
		);
		await context.close();
		Object.assign(result, { seeded, bytes, opened, home, streak, tree, reads, firstCard, queued, rating: r, update: update.ms });
	} finally {
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return result;
}

console.log(`${execFileSync('/usr/bin/chromium', ['--version']).toString().trim()}, Node ${process.version}`);
const seedJs = await seedBundle();
const results = [];
for (const cards of values.cards!.split(',').map(Number)) results.push(await benchScale(cards, seedJs));
console.log(`\n${JSON.stringify(results)}`);
