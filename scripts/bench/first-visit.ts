/**
 * npm run bench:first-visit [-- --loads N --cpu R] — how long a first visit to /review takes to
 * paint its first card (issue #20), against the production build as scripts/serve.js serves it
 * (run `npm run build` first; BUILD_DIR and BASE_PATH as for bench:load). Each load is a fresh
 * profile (a new browser context: no database, no service worker, nothing cached), with the
 * page's CPU slowed R times (default 4, Lighthouse's mobile preset; 1 for none) and, with
 * `--rtt MS`, each request delayed that long over a 1.6 Mbit/s link (Lighthouse's mobile network,
 * applied for real instead of simulated; default none: the local server). Times are from
 * navigation start to the frame that shows the card (the app's <article> in the DOM, then a
 * frame, then a task: see review/page.ts markScreens), median of N (default 7). Also shown: when
 * the session shows the card (a first visit's card is painted from the page before the app runs,
 * and a tap on Show answer then waits for this), the database open, the app ready (decks imported), and the queue behind the card built (its
 * counts line filled in); each load waits for that, so no work of one overlaps the next.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { basePath } from '../hosting.js';
import { serveSite, subPathHandler } from '../serve.js';
import { markScreens, startPhases } from './review/page';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Loaded at run time: scripts/run.js bundles imports, and Playwright cannot be bundled.
const PLAYWRIGHT = '@playwright/test';
const { chromium } = (await import(PLAYWRIGHT)) as typeof import('@playwright/test');

const { values } = parseArgs({
	options: {
		loads: { type: 'string', default: '7' },
		cpu: { type: 'string', default: '4' },
		// Round trip added to every request (ms) with Lighthouse's mobile bandwidth (1.6 Mbit/s down); 0: the local server as it is.
		rtt: { type: 'string', default: '0' }
	}
});
const LOADS = Number(values.loads);
const CPU = Number(values.cpu);
const RTT = Number(values.rtt);
const BUILD = process.env.BUILD_DIR || 'build';
const BASE = basePath(process.env.BASE_PATH);
const CHROMIUM = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];
const PHONE = { width: 360, height: 640 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);

async function serve(): Promise<{ url: string; close: () => void }> {
	if (!BASE) {
		const server = await serveSite(BUILD);
		return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
	}
	const server = createServer(subPathHandler([{ base: BASE, root: BUILD }]));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`, close: () => server.close() };
}

const server = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
console.log(
	`${BUILD}${BASE ? ` under ${BASE}` : ''}: ${LOADS} first visits to /review, CPU ×${CPU}, ${RTT > 0 ? `${RTT} ms round trips at 1.6 Mbit/s` : 'local network'}, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
const rows: Record<string, number>[] = [];
try {
	for (let i = 0; i < LOADS; i++) {
		const context = await browser.newContext({ viewport: PHONE });
		await context.addInitScript(markScreens);
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
		if (RTT > 0) {
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: RTT,
				downloadThroughput: 1_638_400 / 8,
				uploadThroughput: 750_000 / 8
			});
		}
		await page.goto(`${server.url}/review`);
		const bench = () => (window as unknown as { __bench?: Record<string, number> }).__bench;
		await page.waitForFunction(
			() => {
				const marks = (window as unknown as { __bench?: Record<string, number> }).__bench;
				return marks?.review !== undefined && marks.queued !== undefined;
			},
			undefined,
			{ timeout: 120_000 }
		);
		const marks = (await page.evaluate(bench)) as Record<string, number>;
		const phases = await page.evaluate(startPhases);
		const row = { card: marks.review, live: marks.live, queued: marks.queued, ...phases };
		rows.push(row);
		console.log(
			`  load ${i + 1}: card ${ms(row.card)}, answers ${ms(row.live)}, database open ${ms(row['db-open'])}, ready ${ms(row.ready)}, queue ${ms(row.queued)}`
		);
		await context.close();
	}
} finally {
	await browser.close();
	server.close();
}
const of = (name: string) => median(rows.map((row) => row[name]).filter((value) => value !== undefined));
console.log(
	`median of ${LOADS}: first card painted ${ms(of('card'))} (each: ${rows.map((row) => Math.round(row.card)).join(', ')}); ` +
		`the session answers ${ms(of('live'))}, database open ${ms(of('db-open'))}, app ready ${ms(of('ready'))}, queue built ${ms(of('queued'))}; ` +
		`load average after ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`
);
