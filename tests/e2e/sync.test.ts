// Sync between "devices" (browser contexts, each its own IndexedDB and cookie jar) through a
// real CouchDB stand-in (pouchdb-server) that this file starts on a free port. The built site
// allows connections to its own origin only (SYNC_ORIGIN unset), so the devices that sync
// bypass the page's CSP; one test keeps it and checks what the person is told instead.
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { freePort, startCouch, type TestCouch } from '../couch/server';
import { replayAll } from '../../src/lib/scheduler/replay';
import { DEFAULT_SETTINGS } from '../../src/lib/scheduler/types';
import { userDbName } from '../../src/lib/sync/couch';
import { waitForServiceWorker } from './helpers/pwa';
import { expectRatingsSaved, HomePage, ReviewPage } from './helpers/review';

let couch: TestCouch;
let users = 0;
/** The server as the page addresses it: localhost, like the app, so the session cookie is same-site. */
let server: string;

test.beforeAll(async () => {
	couch = await startCouch();
	server = `http://localhost:${couch.port}`;
});

test.afterAll(async () => {
	await couch?.stop();
});

async function newUser(): Promise<string> {
	const name = `e2e${++users}-${test.info().workerIndex}`;
	await couch.addUser(name, `pw-${name}`);
	return name;
}

async function device(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ bypassCSP: true });
	return { context, page: await context.newPage() };
}

async function signIn(page: Page, user: string, password = `pw-${user}`) {
	await signInTo(page, server, user, password);
}

async function signInTo(page: Page, address: string, user: string, password = `pw-${user}`) {
	await page.goto('/settings');
	await page.getByLabel('Server address').fill(address);
	await page.getByLabel('User name').fill(user);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in and sync' }).click();
}

const status = (page: Page) => page.getByTestId('sync-status');

async function rateSome(page: Page, ratings: ('Good' | 'Again' | 'Easy' | 'Hard')[]) {
	const review = new ReviewPage(page);
	await review.open();
	for (const rating of ratings) await review.rate(rating);
	await expectRatingsSaved(page);
}

/** Every progress row and review-log id this device stores, sorted: what must agree across devices. */
function stored(page: Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((done, fail) => {
			const open = indexedDB.open('tabledeck');
			open.onsuccess = () => done(open.result);
			open.onerror = () => fail(open.error);
		});
		const all = (store: string) =>
			new Promise<unknown[]>((done, fail) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => done(request.result);
				request.onerror = () => fail(request.error);
			});
		const progress = (await all('progress')) as { cardId: string }[];
		// The log's pages (log-page.ts): rows as JSON, each a tuple whose first item is its id (schema 9)
		// or an object, and rows JSON cannot hold as objects.
		const pages = (await all('logPages')) as { rows: string; odd?: { id: string }[] }[];
		const idOf = (row: unknown) => (Array.isArray(row) ? (row[0] as string) : (row as { id: string }).id);
		const log = pages.flatMap((page) => [...(JSON.parse(page.rows) as unknown[]).map(idOf), ...(page.odd ?? []).map(idOf)]);
		db.close();
		return {
			progress: progress.sort((a, b) => a.cardId.localeCompare(b.cardId)),
			log: log.sort()
		};
	});
}

/** The server's events, every one, as the admin reads them. */
function serverEvents(user: string) {
	return couch.eventDocs(userDbName(user));
}

/** Due date and state per card from replaying the server's log directly, outside any app. */
async function replayed(user: string) {
	const replay = replayAll(await serverEvents(user), DEFAULT_SETTINGS, Date.now());
	expect(replay.problems).toEqual([]);
	return [...replay.cards.values()]
		.flatMap((card) => (card.progress ? [{ cardId: card.progress.cardId, due: card.progress.due, state: card.progress.state }] : []))
		.sort((a, b) => a.cardId.localeCompare(b.cardId));
}

const dueDates = (rows: { progress: unknown[] }) =>
	(rows.progress as { cardId: string; due: number; state: number }[]).map(({ cardId, due, state }) => ({ cardId, due, state }));

for (const order of [
	['phone', 'laptop'],
	['laptop', 'phone']
] as const) {
	test(`two devices review offline and sync (${order.join(' first, then ')}); a third that joins later has the same log and due cards`, async ({
		browser
	}) => {
		// Three devices, each loading the app and syncing: a long story, not a slow one.
		test.setTimeout(150_000);
		const user = await newUser();
		const devices = { phone: await device(browser), laptop: await device(browser) };
		const { phone, laptop } = devices;
		await rateSome(phone.page, ['Good', 'Again', 'Easy']);
		await signIn(phone.page, user);
		await expect(status(phone.page)).toHaveText(/^Synced/);
		await expect(phone.page.getByText(`Signed in as ${user} at ${server}.`)).toBeVisible();
		// The password is not kept anywhere the page can read.
		expect(await phone.page.evaluate(() => JSON.stringify(localStorage))).not.toContain(`pw-${user}`);
		await signIn(laptop.page, user);
		await expect(status(laptop.page)).toHaveText(/^Synced/);
		expect(await stored(laptop.page)).toEqual(await stored(phone.page));

		// Apart and offline, both review: the same next cards first, then the laptop one more.
		for (const { context, page } of [phone, laptop]) {
			await waitForServiceWorker(page);
			await context.setOffline(true);
		}
		await rateSome(phone.page, ['Good', 'Hard']);
		await rateSome(laptop.page, ['Again', 'Good', 'Easy']);
		for (const { context } of [phone, laptop]) await context.setOffline(false);
		for (const name of [...order, order[0]]) {
			const { page } = devices[name];
			await page.goto('/settings');
			await page.getByRole('button', { name: 'Sync now' }).click();
			await expect(status(page)).toHaveText(/^Synced [^.]*\.$/, { timeout: 15_000 });
		}
		const merged = await stored(phone.page);
		// Every rating exactly once: 3 before, 2 + 3 apart.
		expect(merged.log).toHaveLength(8);
		expect(new Set(merged.log).size).toBe(8);
		expect((await serverEvents(user)).length).toBe(8);
		expect(await stored(laptop.page)).toEqual(merged);
		expect(dueDates(merged)).toEqual(await replayed(user));

		const tablet = await device(browser);
		await signIn(tablet.page, user);
		await expect(status(tablet.page)).toHaveText(/^Synced/);
		expect(await stored(tablet.page)).toEqual(merged);
		const counts = async (page: Page) => {
			const home = new HomePage(page);
			await home.open();
			return Promise.all((['due', 'learning', 'new', 'done'] as const).map((name) => home.count(name).textContent()));
		};
		expect(await counts(tablet.page)).toEqual(await counts(phone.page));
		for (const { context } of [phone, laptop, tablet]) await context.close();
	});
}

test('a push cut off after the server stored it, and a server that is down: retried later, nothing lost or doubled', async ({
	browser
}) => {
	const user = await newUser();
	const phone = await device(browser);
	await signIn(phone.page, user);
	await expect(status(phone.page)).toHaveText(/^Synced/);
	// The server takes every push, and the answer never arrives: set before rating, since a
	// rating (and opening a page) starts a sync of its own that would otherwise get through.
	await phone.page.route(`${server}/**/_bulk_docs`, async (route) => {
		await route.fetch();
		await route.abort('connectionreset');
	});
	await rateSome(phone.page, ['Good', 'Good', 'Again']);
	await phone.page.goto('/settings');
	await phone.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(phone.page)).toHaveText(/server is down.*3 ratings waiting$/);
	expect(await serverEvents(user)).toHaveLength(3);
	// Then the server is away altogether.
	await phone.page.unrouteAll();
	await phone.page.route(`${server}/**`, (route) => route.abort('connectionrefused'));
	await phone.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(phone.page)).toHaveText(/server is down.*3 ratings waiting$/);
	await phone.page.unrouteAll();
	await phone.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(phone.page)).toHaveText(/^Synced [^.]*\.$/);
	expect(await serverEvents(user)).toHaveLength(3);
	expect((await stored(phone.page)).log).toHaveLength(3);
	await phone.context.close();
});

test('offline, ratings wait and the status says how many; back online they go up by themselves', async ({ browser }) => {
	const user = await newUser();
	const phone = await device(browser);
	await signIn(phone.page, user);
	await expect(status(phone.page)).toHaveText(/^Synced/);
	await waitForServiceWorker(phone.page);
	await phone.context.setOffline(true);
	await rateSome(phone.page, ['Good', 'Good']);
	await phone.page.goto('/settings');
	await phone.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(phone.page)).toHaveText('Offline — 2 ratings waiting');
	await phone.context.setOffline(false);
	await expect(status(phone.page)).toHaveText(/^Synced [^.]*\.$/);
	const laptop = await device(browser);
	await signIn(laptop.page, user);
	await expect(status(laptop.page)).toHaveText(/^Synced/);
	expect((await stored(laptop.page)).log).toHaveLength(2);
	await phone.context.close();
	await laptop.context.close();
});

test('a wrong password, no CORS, not CouchDB, a server down and one the site may not reach are each named', async ({ browser, page }) => {
	test.setTimeout(60_000);
	const user = await newUser();
	const phone = await device(browser);
	await signIn(phone.page, user, 'not-the-password');
	await expect(status(phone.page)).toHaveText(/^Wrong user name or password/);

	await couch.setCors(false);
	try {
		await signIn(phone.page, user);
		await expect(status(phone.page)).toHaveText('Server refused: CORS not enabled for this site.');
	} finally {
		await couch.setCors(true);
	}
	// Something that is not CouchDB (this very site), and a port nobody listens on.
	await phone.page.goto('/settings');
	const app = new URL(phone.page.url()).origin;
	await signInTo(phone.page, app, user);
	await expect(status(phone.page)).toHaveText('That address is not a CouchDB server.');
	await signInTo(phone.page, `http://localhost:${await freePort()}`, user);
	await expect(status(phone.page)).toHaveText(/^Offline or the server is down/);
	await phone.context.close();

	// The site as built: its CSP names no sync server, and it says so rather than fail blindly.
	await signIn(page, user);
	await expect(status(page)).toHaveText(/may not connect to that server: .*SYNC_ORIGIN/);
});

test('Korean: the sync screen and its status line', async ({ browser }) => {
	const context = await browser.newContext({ bypassCSP: true, locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: '동기화' })).toBeVisible();
	await expect(status(page)).toHaveText('동기화가 꺼져 있습니다. 진행 상황은 이 브라우저에만 있습니다.');
	await page.getByRole('button', { name: '로그인하고 동기화' }).click();
	await expect(page.getByRole('alert')).toHaveText(/서버 주소를 https:\/\/로 시작해/);
	await context.close();
});

test('a note added in the app on one device is built on the other at its next sync', async ({ browser }) => {
	test.setTimeout(90_000);
	const user = await newUser();
	const [phone, laptop] = [await device(browser), await device(browser)];
	await phone.page.goto('/settings');
	await phone.page.getByLabel('Choose .md files').setInputFiles({
		name: 'http-basics.md',
		mimeType: 'text/markdown',
		buffer: readFileSync('tests/fixtures/notes/import/http-basics.md')
	});
	await expect(phone.page.getByRole('region', { name: 'Preview of http-basics.md' })).toContainText('13 cards');
	await phone.page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(phone.page.getByRole('listitem').filter({ hasText: 'http-basics.md · 13 cards' })).toBeVisible();
	await signIn(phone.page, user);
	await expect(status(phone.page)).toHaveText(/^Synced/);

	await signIn(laptop.page, user);
	await expect(status(laptop.page)).toHaveText(/^Synced/);
	// Built from the synced markdown by the builder in a worker, as if added here.
	await laptop.page.reload();
	await expect(laptop.page.getByRole('listitem').filter({ hasText: 'http-basics.md · 13 cards' })).toBeVisible();
	const home = new HomePage(laptop.page);
	await home.open();
	await expect(await home.deckRow('HTTP basics')).toContainText('added on this device');
	for (const { context } of [phone, laptop]) await context.close();
});
