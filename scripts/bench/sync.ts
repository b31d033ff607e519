/**
 * npm run bench:sync — sync's code size and speed, in Node against a real pouchdb-server
 * (CouchDB's replication API) with fake-indexeddb as the device's storage: the app's own
 * replication, storage and replay code, not the browser's IndexedDB (see BENCHMARKS.md).
 *
 * - size: the code sync loads on first use (src/lib/sync/session.ts and what it imports,
 *   without src/lib/db, which every page has already), minified and gzipped by esbuild;
 * - first sync of a new device: BENCH_EVENTS ratings (10,000 and 100,000 by default) over
 *   a tenth as many cards, already on the server: pull, store, rebuild every card;
 * - the same first sync in Chromium through the app's Settings → Sync, when build/ exists;
 * - round trip: one rating on one device, synced up, then down on another (median of 20).
 * Results: stdout and bench-results/sync.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { closeDatabase } from '../../src/lib/db/database';
import { newEventId } from '../../src/lib/db/device';
import { getProgress, recordReview } from '../../src/lib/db/progress';
import { getSettings } from '../../src/lib/db/settings';
import { syncDecks } from '../../src/lib/db/sync';
import { k8sNote, openTestDatabase, serve, storedRatingCount } from '../../src/lib/db/testing';
import { mulberry32, randomInt } from '../../src/lib/quiz/rng';
import { rate } from '../../src/lib/scheduler/rate';
import type { Rating } from '../../src/lib/scheduler/types';
import { CouchClient } from '../../src/lib/sync/couch';
import { eventMaker } from '../../src/lib/sync/events';
import { syncOnce } from '../../src/lib/sync/run';
import { cookieFetch, startCouch } from '../../tests/couch/server';

// Loaded at run time: scripts/run.js bundles imports, and esbuild and Playwright cannot be bundled.
const ESBUILD: string = 'esbuild';
const { build } = (await import(ESBUILD)) as typeof import('esbuild');
const PLAYWRIGHT: string = 'playwright-core';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');
const PORT = Number(process.env.BENCH_PORT ?? 4193);

/**
 * The same first sync in Chromium, through the app's own Settings → Sync against the production
 * build (`npm run build` first): from the click to "Synced", with the JS heap's peak over CDP.
 */
async function browserFirstSync(couchPort: number, user: string): Promise<{ ms: number; heapMb: number }> {
	const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	try {
		// The stand-in listens on a random port: past the CSP, as the e2e tests go.
		const context = await browser.newContext({ baseURL: `http://localhost:${PORT}`, bypassCSP: true, serviceWorkers: 'block' });
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
		await page.getByLabel('Server address').fill(`http://localhost:${couchPort}`);
		await page.getByLabel('User name').fill(user);
		await page.getByLabel('Password', { exact: true }).fill('pw');
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
		const began = performance.now();
		await page.getByRole('button', { name: 'Sign in and sync' }).click();
		await page
			.getByTestId('sync-status')
			.getByText(/^Synced/)
			.waitFor();
		const ms = Math.round(performance.now() - began);
		clearInterval(sampler);
		return { ms, heapMb: Math.round((peak - base) / 1e5) / 10 };
	} finally {
		await browser.close();
		server.kill();
	}
}

const SIZES = (process.env.BENCH_EVENTS ?? '10000,100000').split(',').map(Number);
const DAY = 86_400_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * The code sync adds: session.ts and its imports minus what the database layer (which every
 * page with progress loads) holds already, by esbuild's per-input byte counts; gzip scaled by
 * the whole bundle's ratio.
 */
async function codeSize() {
	const options = {
		bundle: true,
		minify: true,
		format: 'esm',
		write: false,
		metafile: true,
		platform: 'browser',
		alias: { $lib: './src/lib' }
	} as const;
	const db = await build({ ...options, entryPoints: ['src/lib/db/index.ts'] });
	const sync = await build({ ...options, entryPoints: ['src/lib/sync/session.ts'] });
	const have = new Set(Object.keys(db.metafile.inputs));
	const output = Object.values(sync.metafile.outputs)[0];
	const added = Object.entries(output.inputs).filter(([path]) => !have.has(path));
	const minified = added.reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
	const whole = sync.outputFiles[0].contents;
	const gzip = Math.round((minified * gzipSync(whole, { level: 9 }).length) / whole.length);
	return { minified, gzip, files: added.map(([path]) => path).sort() };
}

const couch = await startCouch();
const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}` };
try {
	results.size = await codeSize();
	const size = results.size as { minified: number; gzip: number; files: string[] };
	console.log(`sync code on first use: ${size.minified} B minified, ~${size.gzip} B gzip (${size.files.join(', ')})`);

	for (const events of SIZES) {
		const user = `bench${events}`;
		await couch.addUser(user, 'pw');
		const writer = new CouchClient(cookieFetch(), couch.url, user);
		await writer.signIn(user, 'pw');
		const make = eventMaker('benchdevice', mulberry32(events));
		const rng = mulberry32(1);
		const cards = Math.max(1, Math.floor(events / 10));
		const start = Date.now() - 400 * DAY;
		const docs = Array.from({ length: events }, (_, i) => {
			const event = make.rating(`card${randomInt(rng, cards)}`, start + i * 60_000, (1 + randomInt(rng, 4)) as Rating, 4_000);
			return { _id: event.id, ...event };
		});
		for (let i = 0; i < docs.length; i += 1_000) await writer.push(docs.slice(i, i + 1_000));

		closeDatabase();
		await openTestDatabase(new IDBFactory());
		const reader = new CouchClient(cookieFetch(), couch.url, user);
		await reader.signIn(user, 'pw');
		global.gc?.();
		const base = process.memoryUsage().heapUsed;
		let peak = base;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
		const began = performance.now();
		const outcome = await syncOnce(reader);
		const ms = Math.round(performance.now() - began);
		clearInterval(sampler);
		const heapMb = Math.round((peak - base) / 1e5) / 10;
		const stored = await storedRatingCount();
		results[`first sync, ${events} events`] = { ms, heapMb, pulled: outcome.pulled, cardsRebuilt: outcome.derived, logRows: stored };
		console.log(
			`first sync of a new device, ${events} events over ${cards} cards: ${ms} ms, heap +${heapMb} MB at peak (${stored} log rows)`
		);
		if (existsSync('build/index.html')) {
			const inBrowser = await browserFirstSync(couch.port, user);
			results[`first sync in Chromium, ${events} events`] = inBrowser;
			console.log(`  in Chromium through Settings → Sync: ${inBrowser.ms} ms, JS heap +${inBrowser.heapMb} MB at peak`);
		}
	}

	// Round trip: a rating on one device, up, then down on the other.
	await couch.addUser('trip', 'pw');
	const a = new IDBFactory();
	const b = new IDBFactory();
	const clientA = new CouchClient(cookieFetch(), couch.url, 'trip');
	const clientB = new CouchClient(cookieFetch(), couch.url, 'trip');
	await clientA.signIn('trip', 'pw');
	await clientB.signIn('trip', 'pw');
	for (const factory of [a, b]) {
		closeDatabase();
		await openTestDatabase(factory);
		await syncDecks(serve([k8sNote()]).fetchJson);
	}
	const ups: number[] = [];
	const downs: number[] = [];
	for (let i = 0; i < 20; i++) {
		closeDatabase();
		await openTestDatabase(a);
		const now = Date.now();
		const result = rate(await getProgress('s1'), 's1', 3, now, await getSettings(), 3_000, newEventId(now));
		await recordReview(result.progress, result.log);
		let t = performance.now();
		await syncOnce(clientA);
		ups.push(performance.now() - t);
		closeDatabase();
		await openTestDatabase(b);
		t = performance.now();
		await syncOnce(clientB);
		downs.push(performance.now() - t);
	}
	results['round trip, median ms'] = { up: Math.round(median(ups)), down: Math.round(median(downs)) };
	console.log(`one rating: up ${Math.round(median(ups))} ms, down ${Math.round(median(downs))} ms (medians of 20)`);
} finally {
	closeDatabase();
	await couch.stop();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/sync.json', JSON.stringify(results, null, 2));
