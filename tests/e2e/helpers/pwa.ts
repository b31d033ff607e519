import type { Page } from '@playwright/test';

/** Waits until a service worker controls the page: everything is precached by then. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
