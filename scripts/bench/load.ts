/**
 * npm run bench:load — what a first visit costs, against the production build as
 * scripts/serve.js serves it (run `npm run build` first). A build made with BASE_PATH (and
 * BUILD_DIR) is measured under its base path when run with the same variables; `--js-only`
 * leaves Lighthouse out, for a machine too busy to time pages:
 *   - the JavaScript a first visit to each route downloads, until the service worker controls
 *     the page: gzip (the .gz files the build wrote), brotli (what serve.js sends) and raw;
 *   - the service worker's precache: entries and bytes;
 *   - Lighthouse, mobile preset (simulated slow 4G, 4× slower CPU), 3 runs per route, medians;
 *     on a machine Lighthouse finds too slow for that preset, again with the slowdown scaled.
 * Lighthouse runs as its own CLI and Playwright is imported at run time: scripts/run.js
 * bundles this file, and neither package survives bundling.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePath } from '../hosting.js';
import { serveSite, subPathHandler } from '../serve.js';

const BUILD = process.env.BUILD_DIR || 'build';
const BASE = basePath(process.env.BASE_PATH);
const JS_ONLY = process.argv.includes('--js-only');
const ROUTES = ['/', '/review'];
const RUNS = 3;
const CHROMIUM = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];
const BUDGET = { performance: 95, accessibility: 100, bestPractices: 100, jsHomeGzip: 75_000 };

interface FileSizes {
	raw: number;
	gzip: number;
	brotli: number;
}

/** Sizes of a served path's file in build/, and of the precompressed copies beside it. */
function sizesOf(served: string): FileSizes {
	const pathname = BASE && served.startsWith(`${BASE}/`) ? served.slice(BASE.length) : served;
	const base = join(BUILD, pathname === '/' ? 'index.html' : pathname.replace(/^\//, ''));
	const file = existsSync(base) ? base : `${base}.html`;
	const size = (path: string) => statSync(existsSync(path) ? path : file).size;
	return { raw: size(file), gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
}

function sum(list: FileSizes[]): FileSizes {
	return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
		raw: 0,
		gzip: 0,
		brotli: 0
	});
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Every script a first visit loads, in a fresh browser profile. */
async function firstVisitScripts(origin: string, route: string): Promise<string[]> {
	const playwright = '@playwright/test';
	const { chromium } = (await import(playwright)) as typeof import('@playwright/test');
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.slice(1) });
	try {
		const page = await (await browser.newContext()).newPage();
		const scripts = new Set<string>();
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
		});
		await page.goto(origin + route);
		// The registration chunk loads after the first paint; once the worker controls the
		// page, the first visit has fetched everything it will.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.waitForLoadState('networkidle');
		return [...scripts].sort();
	} finally {
		await browser.close();
	}
}

/** The precache list from build/sw.js, as paths of build/. */
function precacheFiles(): string[] {
	const sw = readFileSync(join(BUILD, 'sw.js'), 'utf8');
	return [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map(([, url]) => {
		const path = url.replace(/\?.*$/, '');
		// Most entries are relative to sw.js, which sits at the base path; the decks' are absolute.
		if (!path.startsWith('/')) return `/${path}`;
		return BASE && path.startsWith(`${BASE}/`) ? path.slice(BASE.length) : path;
	});
}

interface LighthouseRun {
	performance: number;
	accessibility: number;
	bestPractices: number;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
	bytes: number;
	/** Lighthouse's measure of this machine's speed (a high-end desktop scores 1500–2000). */
	benchmarkIndex: number;
	failing: string[];
}

type Metric = keyof Omit<LighthouseRun, 'failing'>;

/** Runs a program to its end without blocking this process, which is also the web server. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args[1]}: exit ${code}\n${stderr}`))));
	});
}

async function lighthouse(url: string, cpuSlowdown: number): Promise<LighthouseRun> {
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-lh-'));
	const output = join(dir, 'report.json');
	const args = [
		join('node_modules', 'lighthouse', 'cli', 'index.js'),
		url,
		'--quiet',
		'--output=json',
		`--output-path=${output}`,
		'--only-categories=performance,accessibility,best-practices',
		`--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`,
		`--chrome-flags=${CHROME_FLAGS.join(' ')}`
	];
	await run(process.execPath, args, { ...process.env, CHROME_PATH: CHROMIUM ?? process.env.CHROME_PATH });
	const report = JSON.parse(readFileSync(output, 'utf8'));
	rmSync(dir, { recursive: true, force: true });
	const score = (id: string) => Math.round(report.categories[id].score * 100);
	const value = (id: string) => report.audits[id].numericValue as number;
	const failing = ['accessibility', 'best-practices'].flatMap((category) =>
		report.categories[category].auditRefs
			.map((ref: { id: string }) => report.audits[ref.id])
			.filter(
				(audit: { score: number | null; scoreDisplayMode: string }) =>
					audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative'
			)
			.map((audit: { id: string }) => `${category}: ${audit.id}`)
	);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		fcp: value('first-contentful-paint'),
		lcp: value('largest-contentful-paint'),
		tbt: value('total-blocking-time'),
		cls: value('cumulative-layout-shift'),
		bytes: value('total-byte-weight'),
		benchmarkIndex: report.environment.benchmarkIndex,
		failing
	};
}

async function lighthouseRuns(url: string, cpuSlowdown: number): Promise<LighthouseRun[]> {
	const runs: LighthouseRun[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(url, cpuSlowdown));
	return runs;
}

function printLighthouse(title: string, runs: LighthouseRun[]) {
	const m = (key: Metric) => median(runs.map((run) => run[key]));
	const each = (key: Metric) => runs.map((run) => Math.round(run[key])).join(' / ');
	console.log(`Lighthouse ${title}, median of ${runs.length} runs:`);
	console.log(
		`  performance ${m('performance')} (${each('performance')}) ${mark(m('performance') >= BUDGET.performance)}, ` +
			`accessibility ${m('accessibility')} ${mark(m('accessibility') >= BUDGET.accessibility)}, ` +
			`best practices ${m('bestPractices')} ${mark(m('bestPractices') >= BUDGET.bestPractices)}`
	);
	console.log(
		`  FCP ${Math.round(m('fcp'))} ms (${each('fcp')}), LCP ${Math.round(m('lcp'))} ms (${each('lcp')}), ` +
			`TBT ${Math.round(m('tbt'))} ms (${each('tbt')}), CLS ${m('cls').toFixed(3)}, bytes ${kb(m('bytes'))}, ` +
			`benchmark index ${each('benchmarkIndex')}`
	);
	const failing = [...new Set(runs.flatMap((run) => run.failing))];
	if (failing.length > 0) console.log(`  audits below full marks: ${failing.join(', ')}`);
}

function listen(server: Server): Promise<Server> {
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
	if (!existsSync(join(BUILD, 'sw.js'))) throw new Error('No production build: run `npm run build` first.');
	const chromium = CHROMIUM ? spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'Playwright Chromium';
	const lighthouseVersion = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version;
	console.log(
		`Machine: ${cpus().length} cores (${cpus()[0].model}), Linux ${release()}, Node ${process.version}, ${chromium}, Lighthouse ${lighthouseVersion}\n`
	);

	const server = BASE ? await listen(createServer(subPathHandler([{ base: BASE, root: BUILD }]))) : await serveSite(BUILD, { port: 0 });
	const origin = `http://localhost:${(server.address() as AddressInfo).port}${BASE}`;
	if (BASE) console.log(`Served under ${BASE}/ from ${BUILD}/\n`);
	try {
		console.log('JavaScript downloaded by a first visit (until the service worker controls the page):');
		for (const route of ROUTES) {
			const scripts = await firstVisitScripts(origin, route);
			const total = sum(scripts.map(sizesOf));
			const budget = route === '/' ? ` — budget ${kb(BUDGET.jsHomeGzip)} gzip ${mark(total.gzip <= BUDGET.jsHomeGzip)}` : '';
			console.log(
				`  ${route.padEnd(8)} ${scripts.length} files: ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli, ${kb(total.raw)} raw${budget}`
			);
		}
		const precache = precacheFiles();
		const size = sum(precache.map(sizesOf));
		console.log(
			`\nPrecache: ${precache.length} entries, ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli over the wire\n`
		);

		for (const route of JS_ONLY ? [] : ROUTES) {
			const preset = await lighthouseRuns(origin + route, 4);
			printLighthouse(`${route}, mobile preset (4× CPU)`, preset);
			// The preset's 4× CPU slowdown assumes a desktop with a benchmark index of ~1500; below
			// 1000 Lighthouse warns that it emulates a slower phone than it means to. Then the
			// route is measured again with the slowdown scaled to this machine.
			const index = median(preset.map((run) => run.benchmarkIndex));
			if (index >= 1000) continue;
			const scaled = Math.max(1, Math.round((40 * index) / 1500) / 10);
			printLighthouse(`${route}, CPU slowdown scaled to this slow machine (${scaled}×)`, await lighthouseRuns(origin + route, scaled));
		}
	} finally {
		server.close();
	}
}

await main();
