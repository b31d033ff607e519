// Runs in the "mobile" project: a 360 px phone in Korean, as issue #16 tried it.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openReview, scrollsSideways, serviceTypesDeckId } from './helpers/pages';

test.use({ viewport: { width: 360, height: 640 }, locale: 'ko-KR' });

/** Texts of buttons, counts and table cells whose words or numbers are split across two lines. */
function brokenTokens(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		for (const element of document.querySelectorAll('button, .button, dd, th, td, .progress')) {
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (const match of text.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
					if (lines.size > 1) broken.push(match[0]);
				}
			}
		}
		return broken;
	});
}

/** A screenshot kept with the test's results (test-results/…/ko-<name>.png), for the run-through. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`ko-${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the 404 page speaks Korean and leads home', async ({ page }, testInfo) => {
	await page.goto('/');
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('페이지를 찾을 수 없습니다');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await screenshot(page, testInfo, '404');
	await page.getByRole('link', { name: '홈으로' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: '오늘' })).toBeVisible();
});

test('answer buttons say intervals in Korean, and no word or number breaks mid-token at 360 px', async ({ page }, testInfo) => {
	test.setTimeout(60_000); // five pages, each waited on until idle, on a shared machine
	const deckId = await serviceTypesDeckId(page);
	const card = await openReview(page);
	await page.getByRole('button', { name: '정답 보기' }).tap();
	await expect(card.getByTestId('answer')).toBeVisible();
	const ratings = page.locator('.ratings button');
	await expect(ratings).toHaveCount(4);
	for (const label of await ratings.locator('.interval').allInnerTexts()) {
		expect(label).toMatch(/^[\d.]+(분|시간|일|개월|년)( 미만)?$/);
	}
	expect(await brokenTokens(page)).toEqual([]);
	await screenshot(page, testInfo, 'answer');
	await page.getByRole('button', { name: /^알맞음/ }).tap();
	for (const path of ['/', `/decks/${deckId}`, '/stats', '/quiz']) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(await brokenTokens(page), path).toEqual([]);
		expect(await scrollsSideways(page), path).toBe(false);
		await screenshot(page, testInfo, path === '/' ? 'home' : path.split('/')[1]);
	}
});
