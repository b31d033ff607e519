/**
 * npm run bench:backup-read — the backup's own work, without IndexedDB (issue #20): writing a
 * backup's JSON from rows in memory, and reading + checking the file, stage by stage, in Node
 * and in Chromium (Debian's /usr/bin/chromium through Playwright, the same code bundled by
 * esbuild). See scripts/bench/backup-core.ts for the stages. Budgets for 100k cards and 1M
 * reviews in Chromium: read + check ≲ 3 s, write ≲ 2 s.
 *
 * Knobs: BENCH_CARDS (100000), BENCH_REVIEWS (1000000), BENCH_RUNS (3), BENCH_WHERE (node,chromium).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runBackupBench, type BackupBenchReport } from './backup-core';

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WHERE = (process.env.BENCH_WHERE ?? 'node,chromium').split(',');
const CHROMIUM = '/usr/bin/chromium';
const BUDGET = { read: 3000, write: 2000 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function print(where: string, reports: BackupBenchReport[]) {
	const [first] = reports;
	console.log(
		`\n${where}: ${first.progressRows} progress rows, ${first.reviewRows} reviews, ${first.megabytes.toFixed(1)} MB, ${first.read.chunks} chunks; median of ${reports.length} runs (each run)`
	);
	const line = (label: string, pick: (r: BackupBenchReport) => number, budget?: number) => {
		const mid = median(reports.map(pick));
		const verdict = budget === undefined ? '' : mid <= budget ? `  (budget ${s(budget)}: met)` : `  (budget ${s(budget)}: OVER)`;
		console.log(`  ${label.padEnd(58)} ${s(mid).padStart(8)}   (${reports.map((r) => s(pick(r))).join(', ')})${verdict}`);
	};
	line('write: log entries → tuples', (r) => r.write.tuples);
	line('write: tuples → JSON text in Blobs (BackupWriter)', (r) => r.write.json);
	line('write:   of which new Blob (every 8 MB of text)', (r) => r.write.pack);
	line('write: both', (r) => r.write.total, BUDGET.write);
	line('read: decode the Blob (fileText, TextDecoderStream)', (r) => r.read.decode);
	line('read: scan + JSON.parse (ObjectStream, no checks): careful', (r) => r.read.scanAndParse);
	line('read: scan + JSON.parse (ObjectStream, no checks): fast path', (r) => r.read.fastScanAndParse);
	line('read:   of which JSON.parse alone (the log rows)', (r) => r.read.parseAlone);
	line('read: valibot, every log row (the fallback)', (r) => r.read.valibotLog);
	line('read: fast check, every log row (row-check.ts)', (r) => r.read.fastLog);
	line('read:   of which ./meaning alone', (r) => r.read.meaningLog);
	line('read + check: readBackup over the decoded text', (r) => r.read.whole, BUDGET.read);
	line('read + check: readBackup(fileText(file)) with yieldToPage', (r) => r.read.wholeFromFile, BUDGET.read);
}

// Loaded at run time, not bundled into this script (scripts/run.js bundles it).
async function load<T>(name: string): Promise<T> {
	return (await import(name)) as T;
}

async function browserBundle(): Promise<string> {
	const { build } = await load<typeof import('esbuild')>('esbuild');
	const bundled = await build({
		entryPoints: [resolve('scripts/bench/backup-core.ts')],
		tsconfigRaw: {},
		alias: { $lib: resolve('src/lib') },
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'backupBench',
		platform: 'browser',
		target: 'es2022',
		logLevel: 'warning'
	});
	return bundled.outputFiles[0].text;
}

async function inChromium(): Promise<{ version: string; reports: BackupBenchReport[] }> {
	const { chromium } = await load<typeof import('@playwright/test')>('@playwright/test');
	const script = await browserBundle();
	const browser = await chromium.launch({
		executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		const reports: BackupBenchReport[] = [];
		// A fresh page each run: the last run's garbage (hundreds of MB) would be collected during this one's timings.
		for (let run = 0; run < RUNS; run++) {
			const page = await browser.newPage();
			await page.route('http://bench.tabledeck.test/', (route) =>
				route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' })
			);
			await page.goto('http://bench.tabledeck.test/');
			await page.addScriptTag({ content: script });
			reports.push(
				await page.evaluate(
					({ cards, reviews }) =>
						(globalThis as unknown as { backupBench: { runBackupBench: typeof runBackupBench } }).backupBench.runBackupBench(
							cards,
							reviews
						),
					{ cards: CARDS, reviews: REVIEWS }
				)
			);
			await page.close();
		}
		return { version: browser.version(), reports };
	} finally {
		await browser.close();
	}
}

if (WHERE.includes('node')) {
	const reports: BackupBenchReport[] = [];
	for (let run = 0; run < RUNS; run++) reports.push(await runBackupBench(CARDS, REVIEWS));
	print(`Node ${process.version}`, reports);
}
if (WHERE.includes('chromium')) {
	const { version, reports } = await inChromium();
	print(`Chromium ${version}`, reports);
}
