import { expect, type Locator, type Page } from '@playwright/test';

/** The id of the deck "Kubernetes 핵심 개념 › 서비스 타입" of the bundled notes, read from the home page. */
export async function serviceTypesDeckId(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: '인프라 / 모니터링' }).click();
	await page.getByRole('button', { name: 'Kubernetes 핵심 개념' }).click();
	const href = await page
		.getByRole('link', { name: /서비스 타입/ })
		.first()
		.getAttribute('href');
	return href!.split('/').pop()!;
}

/** The review page with its first card on screen. */
export async function openReview(page: Page, url = '/review'): Promise<Locator> {
	await page.goto(url);
	const card = page.getByRole('article');
	await expect(card).toBeVisible();
	return card;
}

/**
 * A horizontal finger swipe across the middle of `target`, as real touch events. The event
 * times say the finger moved over 300 ms and rested before lifting: released at speed, the
 * gesture would fling, and Chromium swallows the next tap to stop the fling.
 */
export async function swipe(page: Page, target: Locator, dx: number): Promise<void> {
	const box = (await target.boundingBox())!;
	const x = box.x + box.width / 2;
	const y = box.y + box.height / 2;
	const start = Date.now() / 1000;
	const cdp = await page.context().newCDPSession(page);
	const touch = (type: string, at: number, points: { x: number; y: number }[]) =>
		cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: points, timestamp: start + at });
	await touch('touchStart', 0, [{ x, y }]);
	for (let step = 1; step <= 6; step++) await touch('touchMove', step * 0.05, [{ x: x + (dx * step) / 6, y }]);
	await touch('touchMove', 0.45, [{ x: x + dx, y }]);
	await touch('touchEnd', 0.5, []);
	await cdp.detach();
}

/** Whether the page scrolls sideways (it never should). */
export function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
