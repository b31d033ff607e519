import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4180);
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
