// The end-to-end tests of a site built with BASE_PATH (`npm run test:e2e:base`): the builds of
// scripts/build-base-e2e.js, served under /a/ and /b/ of one origin the way GitHub Pages
// serves projects. Each test starts its own server (tests/e2e-base/site.ts), so it can also
// take the network away; the rest is the root suite's configuration.
import { defineConfig, devices } from '@playwright/test';
import root from './playwright.config';

const desktop = root.projects!.find((project) => project.name === 'desktop')!;

export default defineConfig({
	...root,
	testDir: 'tests/e2e-base',
	outputDir: 'test-results/base',
	projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], ...desktop.use } }],
	webServer: undefined
});
