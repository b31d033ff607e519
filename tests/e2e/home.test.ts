import { expect, test } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { deck, cardsOf } = builtDecks();

test('the home page shows today’s counts and the deck tree of the bundled notes', async ({ page }) => {
	const home = new HomePage(page);
	await home.open();
	await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
	await home.expectCounts({ due: 0, learning: 0, new: 20, done: 0 });
	await expect(home.count('streak')).toHaveText('0 days');
	await expect(page.getByRole('link', { name: 'Start review' })).toBeVisible();
	const services = await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', '서비스 타입');
	await expect(services).toContainText(`New ${cardsOf(deck('Kubernetes 핵심 개념', '서비스 타입')).length}`);
	await page.getByRole('link', { name: 'Open 서비스 타입' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '서비스 타입' })).toBeVisible();
});

test('a first visit shows home from the deck index without Dexie; the first review creates the database', async ({ page }) => {
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		// A redirect (Chromium's internal ones too) has no body; the response it leads to is listed as well.
		const redirect = response.status() >= 300 && response.status() < 400;
		if (response.request().resourceType() === 'script' && !redirect) scripts.push(response.text());
	});
	const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ due: 0, learning: 0, new: 20, done: 0 });
	await expect(await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', 'Pod')).toContainText(
		`New ${cardsOf(deck('Kubernetes 핵심 개념', 'Pod')).length}`
	);
	expect(await databases()).not.toContain('tabledeck');
	const loaded = await Promise.all(scripts);
	expect(loaded.length).toBeGreaterThan(5);
	expect(loaded.filter((text) => text.includes('DexieError'))).toHaveLength(0);

	await page.getByRole('link', { name: 'Start review' }).click();
	await new ReviewPage(page).rate('Good');
	expect(await databases()).toContain('tabledeck');
	await home.open();
	await home.expectCounts({ learning: 1, new: 19, done: 1 });
});

test('the deck tree’s counts follow ratings, and "Start review" studies every deck', async ({ page }) => {
	const home = new HomePage(page);
	await home.open();
	await page.getByRole('link', { name: 'Start review' }).click();
	const review = new ReviewPage(page);
	await review.rate('Again');
	await home.open();
	const pod = await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', 'Pod');
	await expect(pod).toContainText(`New ${cardsOf(deck('Kubernetes 핵심 개념', 'Pod')).length - 1}`);
	await expect(pod).toContainText('Learning 1');
	// The section holds more new cards than a day allows; one was introduced already.
	await expect(await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념')).toContainText('New 19');
	await home.expectCounts({ learning: 1, new: 19, done: 1 });
});

test('a note’s line counts its whole note before its decks are read, and an opened note follows a rating in another tab', async ({
	page,
	context
}) => {
	const pods = cardsOf(deck('Kubernetes 핵심 개념', 'Pod'));
	expect(pods.length).toBeGreaterThan(1);
	const home = new HomePage(page);
	await home.open();
	await page.getByRole('link', { name: 'Start review' }).click();
	await new ReviewPage(page).rate('Again');
	await home.open();
	const root = page.locator('.row').filter({ has: page.getByRole('link', { name: 'Open 인프라 / 모니터링', exact: true }) });
	await expect(root).toContainText('Learning 1');
	// Nothing below a note is on the page until it is opened.
	await expect(page.getByRole('link', { name: 'Open Kubernetes 핵심 개념', exact: true })).toHaveCount(0);
	const pod = await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', 'Pod');
	await expect(pod).toContainText(`New ${pods.length - 1}`);
	await expect(pod).toContainText('Learning 1');

	// The next new card in note order is Pod's second.
	const other = await context.newPage();
	await new HomePage(other).open();
	await other.getByRole('link', { name: 'Start review' }).click();
	await new ReviewPage(other).rate('Again');
	await expect(pod).toContainText('Learning 2');
	await expect(root).toContainText('Learning 2');
});

test('studying a section from the tree studies only its cards', async ({ page }) => {
	const section = deck('인프라 / 모니터링', 'Docker 최적화');
	const home = new HomePage(page);
	await home.open();
	await home.studyDeck('인프라 / 모니터링', 'Docker 최적화');
	const review = new ReviewPage(page);
	await review.expectQuestion(cardsOf(deck('Docker 최적화', '이미지 크기 최소화'))[0].frontText);
	await expect(review.progress).toHaveText(`${section.cardCount} new · 0 learning · 0 review left`);
});

test.describe('in Korean', () => {
	test.use({ locale: 'ko-KR' });

	test('a Korean browser gets the home and review pages in Korean', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: '오늘' })).toBeVisible();
		await expect(page.getByTestId('count-streak')).toHaveText('0일');
		await page.getByRole('link', { name: '복습 시작' }).click();
		await page.getByRole('button', { name: '정답 보기' }).click();
		await expect(page.getByRole('button', { name: /^알맞음/ })).toBeVisible();
		await expect(page.getByText(/^새 카드 20 · 학습 0 · 복습 0 남음$/)).toBeVisible();
	});
});
