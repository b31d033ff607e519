// Sync between "devices" (browser contexts, each its own IndexedDB and cookie jar) through a
// real CouchDB stand-in (pouchdb-server) that this file starts on a free port. The built site
// allows connections to its own origin only (SYNC_ORIGIN unset), so the devices that sync
// bypass the page's CSP; one test keeps it and checks what the person is told instead.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startCouch, type TestCouch } from '../couch/server';
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
	await page.goto('/settings');
	await page.getByLabel('Server address').fill(server);
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
		const log = (await all('reviewLog')) as { id: string }[];
		db.close();
		return {
			progress: progress.sort((a, b) => a.cardId.localeCompare(b.cardId)),
			log: log.map((row) => row.id).sort()
		};
	});
}

test('two devices merge their reviews, and a third that joins later gets the same history and due cards', async ({ browser }) => {
	// Three devices, each loading the app and syncing: a long story, not a slow one.
	test.setTimeout(120_000);
	const user = await newUser();
	const phone = await device(browser);
	await rateSome(phone.page, ['Good', 'Again', 'Easy']);
	await signIn(phone.page, user);
	await expect(status(phone.page)).toHaveText(/^Synced/);
	await expect(phone.page.getByText(`Signed in as ${user} at ${server}.`)).toBeVisible();
	// The password is not kept anywhere the page can read.
	const savedConfig = await phone.page.evaluate(() => JSON.stringify(localStorage));
	expect(savedConfig).not.toContain(`pw-${user}`);

	const laptop = await device(browser);
	await signIn(laptop.page, user);
	await expect(status(laptop.page)).toHaveText(/^Synced/);
	expect(await stored(laptop.page)).toEqual(await stored(phone.page));

	// Both study while apart; the laptop syncs by itself a few seconds after its last rating.
	await rateSome(laptop.page, ['Hard', 'Good']);
	await rateSome(phone.page, ['Good']);
	await laptop.page.goto('/settings');
	await expect(status(laptop.page)).toHaveText(/^Synced [^.]*\.$/, { timeout: 15_000 });
	await phone.page.goto('/settings');
	await phone.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(phone.page)).toHaveText(/^Synced [^.]*\.$/);
	await laptop.page.getByRole('button', { name: 'Sync now' }).click();
	await expect(status(laptop.page)).toHaveText(/^Synced [^.]*\.$/);
	const merged = await stored(phone.page);
	expect(merged.log).toHaveLength(6);
	expect(await stored(laptop.page)).toEqual(merged);

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

test('a wrong password, a server without CORS for this site and one the site may not reach are each named', async ({ browser, page }) => {
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
