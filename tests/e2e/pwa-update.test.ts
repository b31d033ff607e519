import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { waitForServiceWorker } from './helpers/pwa';
import { TestSite } from './helpers/site';

let site: TestSite;
test.beforeEach(async () => {
	site = await TestSite.start();
});
test.afterEach(async () => {
	await site.dispose();
});

async function rateOne(page: Page) {
	const front = page.getByRole('article').locator('.front');
	const before = await front.innerText();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(front).not.toHaveText(before);
}

/** What the browser does when an installed app comes back to the screen. */
async function bringToForeground(page: Page) {
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

test('a new build is offered with a prompt, never reloads mid-review, and loads when accepted', async ({ page }) => {
	await page.goto(site.url('/review'));
	await waitForServiceWorker(page);
	await rateOne(page);
	// Anything kept only in this page's memory is lost if the page reloads.
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

	site.deployNewBuild();
	await bringToForeground(page);
	const offer = page.getByRole('status').filter({ hasText: 'A new version of Tabledeck is ready.' });
	await expect(offer).toBeVisible();
	await expectNoSeriousViolations(page);

	// The review goes on under the prompt, in the same page.
	await rateOne(page);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

	await offer.getByRole('button', { name: 'Reload' }).click();
	await page.waitForFunction(() => (window as unknown as { marker?: string }).marker === undefined);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(offer).toHaveCount(0);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();

	await page.goto(site.url('/'));
	await expect(page.getByTestId('count-done')).toHaveText('2');
});

test('"Later" hides the offer until the next start, when the waiting version is offered again', async ({ page }) => {
	await page.goto(site.url('/'));
	await waitForServiceWorker(page);
	site.deployNewBuild();
	await bringToForeground(page);
	const offer = page.getByRole('status').filter({ hasText: 'A new version of Tabledeck is ready.' });
	await offer.getByRole('button', { name: 'Later' }).click();
	await expect(offer).toHaveCount(0);

	await page.goto(site.url('/stats'));
	await expect(offer).toBeVisible();
});
