/**
 * Two copies on one origin, /a/ and /b/: a new version of /b/ is published and taken up
 * while /a/ keeps its service worker, caches and progress — online and offline. Service
 * workers of one origin share Cache Storage, so an update that cleaned up too broadly
 * would delete the other copy's precache.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BASE_BUILDS } from '../../scripts/build-base-e2e.js';
import { waitForServiceWorker } from '../e2e/helpers/pwa';
import { builtDecks, DeckPage, HomePage, rebuildDecksWithAnswer, ReviewPage } from '../e2e/helpers/review';
import { BaseSite } from './site';

const B = BASE_BUILDS[1];
const { deck, cardsOf } = builtDecks(B.root);
const services = deck('Kubernetes 핵심 개념', '서비스 타입');
const [edited] = cardsOf(services);
const newAnswer = '클러스터 안에서만 (새 버전)';

let tmp: string;
let nextB: string;
/** The precache revision of the edited note's deck JSON in the new version of /b/. */
let newRevision: string;
test.beforeAll(() => {
	// The next version of /b/: its build copied (without the .br/.gz copies, which would go
	// stale), with decks rebuilt from notes where one answer changed, and sw.js carrying the
	// decks' new precache revisions — what a rebuild of /b/ after a push of new notes changes.
	tmp = mkdtempSync(join(tmpdir(), 'tabledeck-base-update-'));
	nextB = join(tmp, 'b');
	cpSync(B.root, nextB, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
	rebuildDecksWithAnswer(tmp, edited, newAnswer, join(nextB, 'decks'));
	const swPath = join(nextB, 'sw.js');
	const sw = readFileSync(swPath, 'utf8');
	const md5 = (name: string) =>
		createHash('md5')
			.update(readFileSync(join(nextB, 'decks', name)))
			.digest('hex');
	const updated = sw.replace(
		/\{url:"(\/b\/decks\/([^"?]+)\?precache)",revision:"[0-9a-f]+"/g,
		(_, url, name) => `{url:"${url}",revision:"${md5(name)}"`
	);
	expect(updated).not.toBe(sw);
	writeFileSync(swPath, updated);
	const index = JSON.parse(readFileSync(join(nextB, 'decks', 'index.json'), 'utf8')) as { notes: { file: string; json: string }[] };
	newRevision = md5(index.notes.find((n) => n.file === edited.source.file)!.json);
});
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let site: BaseSite;
test.beforeEach(async () => {
	site = await BaseSite.start();
});
test.afterEach(async () => {
	await site.stop();
});

/** Every cache of the origin, with the URLs it holds. */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(async () => {
		const names = (await caches.keys()).sort();
		const urls = async (name: string) => (await (await caches.open(name)).keys()).map((request) => request.url).sort();
		return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await urls(name)])));
	});
}

/** The caches of the copy at /a/: its Workbox precache (named after its scope) and its decks'. */
function cachesOfA(contents: Record<string, string[]>): Record<string, string[]> {
	return Object.fromEntries(Object.entries(contents).filter(([name]) => /\/a(\/|$)/.test(name)));
}

test('a new version of /b/ is taken up, and /a/ keeps its caches, its rating and works offline', async ({ page, context }) => {
	const homeA = new HomePage(page, site.url('/a', ''));
	await homeA.open();
	await waitForServiceWorker(page);
	await new ReviewPage(page, site.url('/a', '')).open(services);
	await new ReviewPage(page, site.url('/a', '')).rate('Good');

	const homeB = new HomePage(page, site.url('/b', ''));
	await homeB.open();
	await waitForServiceWorker(page);
	const reviewB = new ReviewPage(page, site.url('/b', ''));
	await reviewB.open(services);
	await reviewB.expectQuestion(edited.frontText);
	await reviewB.rate('Good');
	await homeB.open();
	await homeB.expectCounts({ done: 1 });

	const before = await cacheContents(page);
	expect(Object.keys(cachesOfA(before)).filter((name) => name.includes('precache'))).toHaveLength(1);

	site.deploy('/b', nextB);
	// As when the installed app comes back to the screen: it looks for a new version.
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	const offer = page.getByRole('status').filter({ hasText: 'A new version of Tabledeck is ready.' });
	await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old page'));
	await offer.getByRole('button', { name: 'Reload' }).click();
	await page.waitForFunction(() => (window as unknown as { marker?: string }).marker === undefined);
	await homeB.expectCounts({ done: 1 });
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();

	// /b/ runs the new version: its precache holds the new decks, and its page shows the new
	// answer on the card rated before, its progress kept.
	const after = await cacheContents(page);
	const precacheB = Object.entries(after).find(([name]) => name.includes('precache') && name.endsWith('/b/'))!;
	expect(precacheB[1].some((url) => url.endsWith(`__WB_REVISION__=${newRevision}`))).toBe(true);
	const deckB = new DeckPage(page, site.url('/b', ''));
	await deckB.open(services);
	await expect(deckB.card(edited.frontText)).toContainText(newAnswer);
	await deckB.expectState(edited.frontText, 'Learning');

	// /a/'s caches are all still there, holding what they held, and nothing was lost overall.
	expect(cachesOfA(after)).toEqual(cachesOfA(before));
	expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));

	// /a/ still works with no network at all: a deep link, reloaded, with its rating and its
	// own (old) answer.
	await context.setOffline(true);
	await site.stop();
	const deckA = new DeckPage(page, site.url('/a', ''));
	await deckA.open(services);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: services.title })).toBeVisible();
	await expect(deckA.card(edited.frontText)).toContainText(edited.backText);
	await deckA.expectState(edited.frontText, 'Learning');
	await homeA.open();
	await homeA.expectCounts({ done: 1 });
});
