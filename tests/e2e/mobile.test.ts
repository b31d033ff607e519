// Runs in the "mobile" project: a Pixel 7 (touch, 412 × 839) unless a test says otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openReview, scrollsSideways, serviceTypesDeckId, swipe } from './helpers/pages';
import { expectRatingsSaved } from './helpers/review';
import { TestSite } from './helpers/site';

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('on a phone: tap to reveal, swipe or tap to rate, rating buttons in the thumb zone', async ({ page }, testInfo) => {
	await page.goto('/');
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await screenshot(page, testInfo, '1-home');

	await page.getByRole('link', { name: 'Start review' }).tap();
	const card = page.getByRole('article');
	const front = card.locator('.front');
	await expect(card).toBeVisible();
	// A phone has no keyboard to speak of: the hint is the gesture.
	await expect(page.getByText('Tap the card to see the answer')).toBeVisible();
	await expect(page.getByText(/^Keys:/)).toBeHidden();
	await screenshot(page, testInfo, '2-question');

	// A swipe on the question side rates nothing.
	const question = await front.innerText();
	await swipe(page, card, 160);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(front).toHaveText(question);

	await card.tap();
	const ratings = page.getByRole('button', { name: /^(Again|Hard|Good|Easy)/ });
	await expect(ratings).toHaveCount(4);
	await expect(page.getByText('Swipe left for Again, right for Good')).toBeVisible();
	await screenshot(page, testInfo, '3-answer');
	const screen = page.viewportSize()!;
	for (const button of await ratings.all()) {
		const box = (await button.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(48);
		expect(box.y).toBeGreaterThan(screen.height * 0.75);
		expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
	}

	await swipe(page, card, 160); // right: Good
	await expect(front).not.toHaveText(question);
	const second = await front.innerText();
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await swipe(page, card, -160); // left: Again
	await expect(front).not.toHaveText(second);
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await page.getByRole('button', { name: /^Good/ }).tap();
	await screenshot(page, testInfo, '4-next-card');
	await expectRatingsSaved(page);

	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('3');
	await screenshot(page, testInfo, '5-home-after');
});

for (const locale of ['en-US', 'ko-KR']) {
	test.describe(`at 360 × 640 in ${locale}`, () => {
		test.use({ viewport: { width: 360, height: 640 }, locale });

		test('no page scrolls sideways, and the language follows the browser', async ({ page }) => {
			const lang = locale.slice(0, 2);
			const deckId = await serviceTypesDeckId(page);
			for (const path of ['/', '/review', `/decks/${deckId}`, '/search', '/quiz', '/stats', '/settings']) {
				await page.goto(path);
				await expect(page.locator('h1')).toBeAttached();
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await expect(page.getByRole('navigation').getByRole('link').nth(1)).toHaveText(lang === 'ko' ? '복습' : 'Review');
				expect(await scrollsSideways(page), path).toBe(false);
			}
			const card = await openReview(page);
			await card.tap();
			await expect(card.locator('.back')).toBeVisible();
			expect(await scrollsSideways(page)).toBe(false);
			// Korean wraps between words, never inside one.
			expect(await card.locator('.back').evaluate((el) => getComputedStyle(el).wordBreak)).toBe('keep-all');
		});
	});
}

test('long code, addresses and unspaced Korean wrap or scroll inside the card, never widen the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	const site = await TestSite.start();
	try {
		site.buildDecks('tests/fixtures/notes/wide');
		const index = JSON.parse(readFileSync(join(site.root, 'decks/index.json'), 'utf8'));
		for (const deck of index.decks as { id: string; parentId: string | null }[]) {
			if (deck.parentId === null) continue;
			await page.goto(site.url(`/decks/${deck.id}`));
			await expect(page.getByRole('list', { name: 'Cards' })).toBeVisible();
			expect(await scrollsSideways(page), deck.id).toBe(false);
		}
		const card = await openReview(page, site.url('/review'));
		for (let seen = 0; seen < index.notes[0].cardCount; seen++) {
			await page.getByRole('button', { name: 'Show answer' }).tap();
			await expect(card.locator('.back')).toBeVisible();
			expect(await scrollsSideways(page), await card.innerText()).toBe(false);
			// Rated by key: a tap would wait out the answer buttons' tap guard on every card.
			await page.keyboard.press('4');
		}
		await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	} finally {
		await site.dispose();
	}
});
