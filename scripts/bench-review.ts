/**
 * npm run bench:review [-- --cards 10000,100000 --reviews 1000000 --ratings 200 --loads 5]
 *
 * The daily review in real Chromium (/usr/bin/chromium) with a persistent profile, against
 * the production build (run `npm run build` first; --build DIR for another), at each card count with 1M review-log rows:
 *   - home: navigation start → today's counts painted (first load after a browser start, then reloads)
 *   - review: navigation start → first card painted, then rating key → next card painted (p50/p95)
 *   - a deck update of 10k changed cards: syncDecks, fetch to commit
 *   - storage: navigator.storage.estimate() after reopening the profile, content alone and with progress
 *
 * How the data gets in: this script serves build/ itself, with /decks/ answered from
 * scripts/bench-db-data.ts (generated, deterministic) instead of the built notes, so the app
 * loads and syncs the generated decks as it would real ones. Progress and the review log are
 * imported on a separate page of the same origin by the app's own src/lib/db (bundled here
 * with esbuild): the app itself carries no benchmark hook.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import type { BrowserContext, Page } from '@playwright/test';
import type { DeckIndex, NoteDecks } from '../src/lib/notes/types';
import { generateBenchData, type BenchOptions } from './bench-db-data';

// Loaded at run time: scripts/run.js bundles imports, and neither Playwright nor esbuild can be bundled.
const PLAYWRIGHT = '@playwright/test';
const ESBUILD = 'esbuild';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('@playwright/test');
const { build } = (await import(ESBUILD)) as typeof import('esbuild');

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
		keep: { type: 'string' }
	}
});
const REVIEWS = Number(values.reviews);
const RATINGS = Number(values.ratings);
const LOADS = Number(values.loads);
const CHANGED = Number(values.changed);
const SEED = 20_240_601;
const PHONE = { width: 360, height: 640 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];

// ---- the server: build/, generated decks, and the seeding page ----

type DeckFiles = Map<string, string>;

function serialise(files: Map<string, DeckIndex | NoteDecks>): DeckFiles {
	return new Map([...files].map(([name, file]) => [name, JSON.stringify(file)]));
}

/** The same decks with the answers of the first `changed` cards edited (whole notes, note order). */
function editedDecks(files: Map<string, DeckIndex | NoteDecks>, changed: number): DeckFiles {
	const index = structuredClone(files.get('index.json') as DeckIndex);
	const out = new Map<string, string>();
	let left = changed;
	for (const entry of index.notes) {
		const note = files.get(entry.json) as NoteDecks;
		if (left <= 0) {
			out.set(entry.json, JSON.stringify(note));
			continue;
		}
		const cards = note.cards.map((card, i) =>
			i < left ? { ...card, back: `${card.back} (v2)`, backText: `${card.backText} (v2)` } : card
		);
		left -= note.cards.length;
		entry.hash = `${note.hash}v2`;
		out.set(entry.json, JSON.stringify({ ...note, hash: entry.hash, cards }));
	}
	out.set('index.json', JSON.stringify(index));
	return out;
}

async function seedBundle(): Promise<string> {
	const result = await build({
		stdin: {
			contents: [
				"export { closeDatabase, importProgress, openDatabase, syncDecks } from './src/lib/db';",
				"export { generateBenchData } from './scripts/bench-db-data';"
			].join('\n'),
			resolveDir: process.cwd(),
			loader: 'ts'
		},
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome120',
		write: false,
		logLevel: 'warning'
	});
	return result.outputFiles[0].text;
}

interface BenchServer {
	url: string;
	decks: DeckFiles;
	close(): Promise<void>;
}

async function startServer(decks: DeckFiles, seedJs: string, port = 0): Promise<BenchServer> {
	const app = sirv(values.build!, { single: '200.html', etag: true });
	const state = { decks };
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path.startsWith('/decks/')) {
			const body = state.decks.get(path.slice('/decks/'.length));
			res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
			return res.end(body ?? '{}');
		}
		if (path === '/__bench/seed.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			return res.end(seedJs);
		}
		if (path === '/__bench/seed.html') {
			res.writeHead(200, { 'content-type': 'text/html' });
			return res.end('<!doctype html><title>seed</title>');
		}
		app(req, res);
	});
	await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
	return {
		url: `http://localhost:${(server.address() as { port: number }).port}`,
		get decks() {
			return state.decks;
		},
		set decks(next) {
			state.decks = next;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

// ---- in the page ----

/** The seeding module's exports, as the page sees them. */
type Seed = typeof import('../src/lib/db') & typeof import('./bench-db-data');

async function onSeedPage<T>(context: BrowserContext, url: string, work: (arg: BenchOptions) => Promise<T>, arg: BenchOptions): Promise<T> {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/__bench/seed.html`);
		return await page.evaluate(work, arg);
	} finally {
		await page.close();
	}
}

/** Runs in the page: syncs the served decks into the profile's IndexedDB; returns the time it took. */
async function syncInPage(): Promise<{ ms: number; report: unknown }> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	const fetchJson = async (path: string) => (await fetch(`/decks/${path}`)).json();
	const start = performance.now();
	const report = await seed.syncDecks(fetchJson);
	const ms = performance.now() - start;
	seed.closeDatabase();
	return { ms, report };
}

/** Runs in the page: imports the generated progress and review log in batches; returns the time it took. */
async function importInPage(options: BenchOptions): Promise<{ ms: number; progress: number; reviews: number }> {
	const url = ['', '__bench', 'seed.js'].join('/');
	const seed = (await import(/* @vite-ignore */ url)) as Seed;
	await seed.openDatabase();
	const start = performance.now();
	const data = seed.generateBenchData(options);
	for (let i = 0; i < data.progress.length; i += 5000) await seed.importProgress(data.progress.slice(i, i + 5000));
	let reviews = 0;
	for (const batch of data.reviewLogBatches(5000)) {
		await seed.importProgress([], batch);
		reviews += batch.length;
	}
	seed.closeDatabase();
	return { ms: performance.now() - start, progress: data.progress.length, reviews };
}

/** Installed before any page script: notes when the home counts and the first card are on screen. */
function markScreens() {
	const marks = ((window as unknown as { __bench: Record<string, number> }).__bench = {});
	const painted = (name: string) => {
		marks[`${name}Dom`] = performance.now();
		// A task queued from a frame callback runs after that frame is painted.
		requestAnimationFrame(() => setTimeout(() => (marks[name] = performance.now())));
	};
	new MutationObserver(() => {
		if (!marks.homeDom && document.querySelector('[data-testid="count-due"]')) painted('home');
		if (!marks.streakDom && /\d/.test(document.querySelector('[data-testid="count-streak"]')?.textContent ?? '')) painted('streak');
		if (!marks.treeDom && document.querySelector('main li')) painted('tree');
		if (!marks.reviewDom && document.querySelector('main article')) painted('review');
	}).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Runs in the page: times from the next rating key press to the next question painted. */
function armRatingTimer() {
	const bench = window as unknown as { __rating?: { dom: number; frame: number; painted: number }; __armed?: boolean };
	bench.__rating = undefined;
	if (bench.__armed) return;
	bench.__armed = true;
	addEventListener(
		'keydown',
		(event) => {
			if (!/^[1-4]$/.test(event.key)) return;
			const start = performance.now();
			// The next card is up when its "Show answer" button is (or the summary, after the last).
			const observer = new MutationObserver(() => {
				const buttons = [...document.querySelectorAll('main button')].map((b) => b.textContent?.trim());
				if (!buttons.includes('Show answer') && !document.querySelector('#done-title')) return;
				observer.disconnect();
				const dom = performance.now() - start;
				requestAnimationFrame(() => {
					const frame = performance.now() - start;
					setTimeout(() => (bench.__rating = { dom, frame, painted: performance.now() - start }));
				});
			});
			observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true });
		},
		{ capture: true }
	);
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
	await page.goto(path);
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
	console.log(`first sync of the decks: ${ms(sync.ms)}`);
	await context.close();
	context = await launch(profile);
	const contentBytes = await storage(context, server.url);
	const imported = await onSeedPage(context, server.url, importInPage, options);
	console.log(`import: ${imported.progress} progress rows, ${imported.reviews} review-log rows in ${ms(imported.ms)}`);
	await context.close();
	return { port: Number(new URL(server.url).port), now: options.now, syncMs: sync.ms, importMs: imported.ms, contentBytes };
}

async function benchScale(cards: number, seedJs: string) {
	const keep = values.keep && join(values.keep, `${cards}-${REVIEWS}-${SEED}`);
	const marker = keep && join(keep, 'seeded.json');
	const reused = marker && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as Seeded) : null;
	const options: BenchOptions = { cards, reviews: REVIEWS, seed: SEED, now: reused?.now ?? Date.now() };
	const data = generateBenchData(options);
	const server = await startServer(serialise(data.files), seedJs, reused?.port);
	const profile = mkdtempSync(join(tmpdir(), 'tabledeck-bench-'));
	const result: Record<string, unknown> = { cards, reviews: REVIEWS, decks: data.index.decks.length, notes: data.index.notes.length };
	console.log(`\n## ${cards.toLocaleString('en')} cards, ${data.index.decks.length} decks, ${REVIEWS.toLocaleString('en')} review-log rows`);
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
		let context = await launch(profile);
		const { contentBytes } = seeded;
		const totalBytes = await storage(context, server.url);
		const bytes = { contentPerCard: contentBytes / cards, totalPerCard: totalBytes / cards, perLogRow: (totalBytes - contentBytes) / REVIEWS };
		console.log(`IndexedDB: ${mb(contentBytes)} content (${bytes.contentPerCard.toFixed(0)} B/card), ${mb(totalBytes)} with progress and log (${bytes.totalPerCard.toFixed(0)} B/card, ~${bytes.perLogRow.toFixed(0)} B/log row)`);
		await context.addInitScript(markScreens);
		const page = await context.newPage();
		// Each load waits until the home screen has settled (streak and deck tree too), so no
		// reads of the previous one are still queued in the database when the next one starts.
		const loads: number[][] = [];
		for (let i = 0; i < LOADS; i++) loads.push(await screenTimes(page, `${server.url}/`, ['home', 'streak', 'tree']));
		const [home, streak, tree] = [0, 1, 2].map((i) => loads.map((load) => load[i]));
		const line = (xs: number[]) => `first ${ms(xs[0])}, then median ${ms(median(xs.slice(1)))} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
		console.log(`home counts painted: ${line(home)}`);
		console.log(`home streak painted: ${line(streak)}; deck tree with counts: ${line(tree)}`);

		const firstCard: number[] = [];
		for (let i = 0; i < 3; i++) firstCard.push((await screenTimes(page, `${server.url}/review`, ['review']))[0]);
		console.log(`review, first card painted: median ${ms(median(firstCard))} (${firstCard.map((x) => x.toFixed(0)).join(', ')})`);
		const rating = await rateMany(page, RATINGS);
		const stats = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
		const r = { n: rating.dom.length, dom: stats(rating.dom), frame: stats(rating.frame), painted: stats(rating.painted) };
		console.log(`rating → next card over ${r.n} ratings: DOM updated p50 ${ms(r.dom.p50)} p95 ${ms(r.dom.p95)}; next frame p50 ${ms(r.frame.p50)} p95 ${ms(r.frame.p95)}; painted p50 ${ms(r.painted.p50)} p95 ${ms(r.painted.p95)} (max ${ms(r.painted.max)})`);
		await page.close();

		server.decks = editedDecks(data.files, CHANGED);
		const update = await onSeedPage(context, server.url, syncInPage, options);
		console.log(`deck update, ${CHANGED} changed cards: ${ms(update.ms)} ${JSON.stringify(update.report).slice(0, 80)}…`);
		await context.close();
		Object.assign(result, { seeded, bytes, home, streak, tree, firstCard, rating: r, update: update.ms });
	} finally {
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
	return result;
}

const seedJs = await seedBundle();
const results = [];
for (const cards of values.cards!.split(',').map(Number)) results.push(await benchScale(cards, seedJs));
console.log(`\n${JSON.stringify(results)}`);
