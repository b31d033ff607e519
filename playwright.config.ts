import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4180);

// A study day starts at 4 am local time, and a card due after that belongs to tomorrow's
// counts: a run that crossed 4 am (CI at 03:50 UTC) saw learning cards leave today's counts
// mid-test. The browsers and the tests' own dates (`new Date(y, m, d, h)` for page.clock)
// share one zone in which the run starts near noon, so a run of hours never meets a day's start.
// Chosen once by the main process; its workers inherit it through the environment.
process.env.TZ = process.env.E2E_TZ ??= middayZone(new Date());
const timezoneId = process.env.E2E_TZ;

/** The fixed-offset zone (Etc/GMT±N; its sign is POSIX's, inverted) where `now` is 11:xx–12:xx. */
function middayZone(now: Date): string {
	const offset = 12 - now.getUTCHours();
	return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
// These machines cannot download browsers: use Debian's Chromium when it is there, and
// Playwright's own browser anywhere else.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	: {};

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions,
		timezoneId,
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'desktop', testIgnore: /mobile.*\.test\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions } },
		// Touch, a phone-sized screen and a mobile user agent; Chromium either way.
		{ name: 'mobile', testMatch: /mobile.*\.test\.ts$/, use: { ...devices['Pixel 7'], launchOptions } }
	],
	webServer: {
		command: 'node scripts/serve.js',
		env: { PORT: String(port) },
		url: `http://localhost:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
