/**
 * A site built with BASE_PATH, served from a sub-path by a plain static server (GitHub
 * Pages' rules: files by name, 404.html for anything else), as a phone gets it.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from '../e2e/helpers/pwa';
import { HomePage, ReviewPage } from '../e2e/helpers/review';
import { BaseSite, decksOfA } from './site';

let site: BaseSite;
test.beforeEach(async () => {
	site = await BaseSite.start();
});
test.afterEach(async () => {
	await site.stop();
});

const TREE = ['인프라 / 모니터링', 'Kubernetes 핵심 개념', '서비스 타입'];

/** Every response the page gets that is not a success, except the 404.html a deep link opens from. */
function failures(page: Page): string[] {
	const failed: string[] = [];
	page.on('response', (response) => {
		const deepLink = response.request().isNavigationRequest() && /\/a\/decks\/[^/.]+$/.test(new URL(response.url()).pathname);
		if (response.status() >= 400 && !deepLink) failed.push(`${response.status()} ${response.url()}`);
	});
	return failed;
}

test('a first visit under /a/ shows home, links stay under /a/, and a review is rated and kept', async ({ page }) => {
	const failed = failures(page);
	const home = new HomePage(page, site.url('/a', ''));
	await home.open();
	await home.expectCounts({ new: 20, done: 0 });
	const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	expect(hrefs.filter((href) => !href.startsWith('/a/'))).toEqual([]);

	await home.studyDeck(...TREE);
	await expect(page).toHaveURL(site.url('/a', `/review?deck=${decksOfA().deck(...TREE.slice(1)).id}`));
	const review = new ReviewPage(page, site.url('/a', ''));
	await review.rate('Good');
	await page.getByRole('link', { name: 'Home', exact: true }).click();
	await expect(page).toHaveURL(site.url('/a'));
	await home.expectCounts({ done: 1 });
	expect(failed).toEqual([]);
});

test('deep links open cold: a deck page from 404.html, a quiz from its URL, review with its deck', async ({ page }) => {
	const failed = failures(page);
	const deck = decksOfA().deck(...TREE.slice(1));
	const response = await page.goto(site.url('/a', `/decks/${deck.id}`));
	// GitHub Pages answers a path it has no file for with 404.html: the app starts from it.
	expect(response!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: '서비스 타입' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(deck.cardCount);

	await page.goto(site.url('/a', `/quiz?deck=${deck.id}&n=10&types=mcq`));
	await page.getByRole('button', { name: 'Start quiz' }).click();
	// A quiz of the deck's cards, under /a/: a row card as choices, or the table's list card typed (it has no
	// sibling answers to choose from), whichever the shuffle asks first.
	const question = page.getByRole('article');
	await expect(question.getByRole('group', { name: 'Options' }).or(question.getByRole('textbox', { name: 'Your answer' }))).toBeVisible();
	// The page keeps its setup in the URL, under /a/.
	await expect(page).toHaveURL(new RegExp(`/a/quiz\\?deck=${deck.id}&n=10&types=mcq`));

	await page.goto(site.url('/a', `/review?deck=${deck.id}`));
	await expect(page.getByRole('article')).toBeVisible();
	expect(failed).toEqual([]);
});

test('installable under /a/: manifest, icons and service worker all scoped to /a/', async ({ page, request }) => {
	await page.goto(site.url('/a'));
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBe('/a/manifest.webmanifest');
	const manifestUrl = new URL(href!, page.url());
	const manifest = await (await request.get(manifestUrl.href)).json();
	expect(manifest).toMatchObject({ id: '/a/', start_url: '/a/', scope: '/a/', shortcuts: [{ url: '/a/review' }] });
	for (const icon of manifest.icons as { src: string }[]) {
		const file = await request.get(new URL(icon.src, manifestUrl).href);
		expect(file.status(), icon.src).toBe(200);
		expect(file.headers()['content-type']).toBe('image/png');
	}

	// The cache rules for hosts that read a _headers file, written for /a/.
	expect(await (await request.get(site.url('/a', '/_headers'))).text()).toContain('/a/_app/immutable/*\n');

	await waitForServiceWorker(page);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(site.url('/a'));
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Test browsers run incognito, where Chromium never offers to install anything.
	expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
});

test('after one visit under /a/, a deep link reloads and rates with no network, and the rating stays', async ({ page, context }) => {
	const deck = decksOfA().deck(...TREE.slice(1));
	await page.goto(site.url('/a'));
	await waitForServiceWorker(page);

	await context.setOffline(true);
	await site.stop();
	await page.goto(site.url('/a', `/review?deck=${deck.id}`));
	const review = new ReviewPage(page, site.url('/a', ''));
	await review.rate('Good');
	await page.goto(site.url('/a', `/decks/${deck.id}`));
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: '서비스 타입' })).toBeVisible();
	const cards = page.getByRole('list', { name: 'Cards' });
	await expect(cards.getByRole('definition').filter({ hasText: /^Learning$/ })).toHaveCount(1);
});

test('two copies on one origin, /a/ and /b/, keep their own service worker, caches and database', async ({ page }) => {
	await page.goto(site.url('/a'));
	await waitForServiceWorker(page);
	const review = new ReviewPage(page, site.url('/a', ''));
	await review.open();
	await review.rate('Good');

	const home = new HomePage(page, site.url('/b', ''));
	await home.open();
	await waitForServiceWorker(page);
	// Progress made in /a/ never shows in /b/, nor the other way round.
	await home.expectCounts({ new: 20, done: 0 });
	const reviewB = new ReviewPage(page, site.url('/b', ''));
	await reviewB.open();
	await reviewB.rate('Good');
	await reviewB.rate('Good');
	await home.open();
	await home.expectCounts({ done: 2 });

	const stores = await page.evaluate(async () => ({
		scopes: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname).sort(),
		databases: (await indexedDB.databases()).map((d) => d.name).sort(),
		caches: await caches.keys()
	}));
	expect(stores.scopes).toEqual(['/a/', '/b/']);
	expect(stores.databases).toEqual(['tabledeck/a', 'tabledeck/b']);
	// Workbox names its precache after the scope, and the decks' cache is named per copy.
	expect(
		stores.caches
			.filter((name) => name.includes('precache'))
			.map((name) => name.replace(/^.*?(\/[ab]\/).*$/, '$1'))
			.sort()
	).toEqual(['/a/', '/b/']);

	await new HomePage(page, site.url('/a', '')).open();
	await new HomePage(page, site.url('/a', '')).expectCounts({ done: 1 });
});
