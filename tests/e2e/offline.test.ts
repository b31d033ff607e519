import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers/pwa';
import { expectRatingsSaved } from './helpers/review';
import { TestSite } from './helpers/site';

let site: TestSite;
test.beforeEach(async () => {
	site = await TestSite.start();
});
test.afterEach(async () => {
	await site.dispose();
});

async function rateCards(page: Page, count: number) {
	const card = page.getByRole('article');
	for (let i = 0; i < count; i++) {
		const front = await card.locator('.front').innerText();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(card.locator('.front')).not.toHaveText(front);
	}
}

test('after one visit it opens, deep-links, reviews and saves with no network; back online a changed deck arrives', async ({
	page,
	context
}) => {
	await page.goto(site.url('/'));
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await waitForServiceWorker(page);

	// No network at all: the browser is offline and the server is gone.
	await context.setOffline(true);
	await site.stop();
	await page.reload();
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await expect(page.getByRole('alert')).toHaveCount(0);

	await page.getByRole('button', { name: '인프라 / 모니터링' }).click();
	await page.getByRole('button', { name: 'Kubernetes 핵심 개념' }).click();
	const deckHref = await page.getByRole('link', { name: 'Open 서비스 타입' }).getAttribute('href');
	await page.goto(site.url(deckHref!));
	await expect(page.getByRole('heading', { level: 1, name: '서비스 타입' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem')).toHaveCount(9); // 4 types both ways, and "타입 4가지?"

	await page.goto(site.url(`/review?deck=${deckHref!.split('/').pop()}`));
	await rateCards(page, 3);
	// The next card shows before the rating is written: leaving at once could abort the write.
	await expectRatingsSaved(page);
	await page.reload();
	await page.goto(site.url('/'));
	await expect(page.getByTestId('count-done')).toHaveText('3');

	// The notes change while the person is away: a new row and an edited answer.
	const notes = mkdtempSync(join(tmpdir(), 'tabledeck-notes-'));
	cpSync('decks', notes, { recursive: true });
	const note = join(notes, 'infra-monitoring.md');
	writeFileSync(
		note,
		readFileSync(note, 'utf8').replace(
			'| **ExternalName** | 외부 DNS 매핑 |',
			'| **ExternalName** | 외부 DNS 이름으로 매핑 |\n| **Headless** | ClusterIP 없이 파드 IP 직접 반환 |'
		)
	);
	site.buildDecks(notes);
	rmSync(notes, { recursive: true, force: true });

	await site.resume();
	await context.setOffline(false);
	await page.goto(site.url(deckHref!));
	const cards = page.getByRole('list', { name: 'Cards' });
	await expect(cards.getByText('Headless', { exact: true }).first()).toBeVisible();
	await expect(cards.getByText('외부 DNS 이름으로 매핑').first()).toBeVisible();
	await expect(cards.getByRole('listitem')).toHaveCount(11); // 5 types both ways, and "타입 5가지?"
	// The three ratings survived the deck update.
	await expect(cards.getByRole('definition').filter({ hasText: /^Learning$/ })).toHaveCount(3);
	await page.goto(site.url('/'));
	await expect(page.getByTestId('count-done')).toHaveText('3');
});
