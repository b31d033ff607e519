// Runs in the "mobile" project (Pixel 7) in Korean: issue #16's closing run-through, a person's
// first ten minutes. Each step is asserted and photographed to test-results/screens/ko-NN-name.png.
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, expectRatingsSaved } from './helpers/review';
import { answerAlmost } from './quiz-page';

test.use({ locale: 'ko-KR' });

const { deck, cardsOf } = builtDecks();
const serviceTypes = deck('Kubernetes 핵심 개념', '서비스 타입');

let shot = 0;
async function screenshot(page: Page, name: string) {
	shot++;
	await page.screenshot({ path: `test-results/screens/ko-${String(shot).padStart(2, '0')}-${name}.png`, fullPage: false });
}

const left = (page: Page) => page.getByText(/^새 카드 \d+ · 학습 \d+ · 복습 \d+ 남음$/);

/** Shows the answer with a tap, waits out the tap guard, and taps 알맞음 (Good). */
async function reviewOne(page: Page, photo?: string) {
	const card = page.getByRole('article');
	const front = await card.getByTestId('question').innerText();
	await page.getByRole('button', { name: '정답 보기' }).tap();
	await expect(card.getByTestId('answer')).toBeVisible();
	const good = page.getByRole('button', { name: /^알맞음/ });
	// Korean interval labels (분, 일), never Anki's English `10m`.
	await expect(good).toHaveText(/알맞음\s*\d+(\.\d+)?(분|시간|일|개월|년)/);
	await expect(good).not.toHaveAttribute('aria-disabled', 'true');
	if (photo) await screenshot(page, photo);
	await good.tap();
	await expect(card.getByTestId('question')).not.toHaveText(front);
}

test('a first ten minutes in Korean: welcome, review, bury and undo, an almost-right quiz answer, stats, settings', async ({ page }) => {
	test.slow();
	shot = 0;

	// 1. The welcome: what it is, how a review goes, how to install.
	await page.goto('/');
	const welcome = page.getByRole('region', { name: '환영합니다' });
	await expect(welcome.getByRole('paragraph')).toHaveCount(3);
	await expect(welcome).toContainText('플래시카드와 퀴즈');
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await screenshot(page, 'welcome');
	await welcome.getByRole('button', { name: '확인' }).tap();
	await expect(welcome).toBeHidden();

	// 2. A review: question, answer with Korean intervals, rated with a tap.
	await page.getByRole('link', { name: '복습 시작' }).tap();
	await expect(left(page)).toHaveText('새 카드 20 · 학습 0 · 복습 0 남음');
	await expect(page.getByRole('button', { name: '정답 보기' })).toBeVisible();
	await screenshot(page, 'review-question');
	await reviewOne(page, 'review-answer');
	await reviewOne(page);
	await reviewOne(page);
	await expectRatingsSaved(page);
	await expect(left(page)).toHaveText(/^새 카드 17 · 학습 3 · 복습 0 남음$/);
	await screenshot(page, 'review-rated');

	// 3. A bury from the ⋯ menu, and its Undo: the new-card count holds (the next card fills in).
	const card = page.getByRole('article');
	const front = await card.getByTestId('question').innerText();
	await page.getByRole('button', { name: '카드 작업' }).tap();
	await page.getByRole('button', { name: '내일까지 보류' }).tap();
	const toast = page.getByRole('status').filter({ hasText: '내일까지 보류했습니다' });
	await expect(toast).toContainText(`“${front}” 카드를 내일까지 보류했습니다.`);
	await expect(card.getByTestId('question')).not.toHaveText(front);
	await expect(left(page)).toHaveText(/^새 카드 17 · /);
	await screenshot(page, 'bury-toast');
	await toast.getByRole('button', { name: '되돌리기' }).tap();
	await expect(card.getByTestId('question')).toHaveText(front);
	await expect(left(page)).toHaveText(/^새 카드 17 · /);
	await screenshot(page, 'bury-undone');

	// 4. A quiz with a typed answer that is almost right: the person decides.
	await page.goto(`/quiz?deck=${serviceTypes.id}&n=10&types=typed&seed=16`);
	await page.getByRole('button', { name: '퀴즈 시작' }).tap();
	await expect(page.getByTestId('quiz-context')).toHaveText(`인프라 / 모니터링 › ${serviceTypes.title}`);
	await answerAlmost(page, cardsOf(serviceTypes));
	await screenshot(page, 'quiz-almost');
	await page.getByRole('article').getByRole('button', { name: '정답으로 치기' }).tap();
	await expect(page.getByText('내 판단으로 정답 처리했습니다.')).toBeVisible();
	await screenshot(page, 'quiz-counted');

	// 5. Stats: today's day in the heatmap, tapped.
	await page.getByRole('link', { name: '통계' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: '통계' })).toBeVisible();
	const today = page
		.getByRole('grid')
		.last()
		.getByRole('gridcell', { name: /: 복습 3번$/ });
	await today.scrollIntoViewIfNeeded();
	await today.tap();
	await expect(page.getByTestId('heatmap-day')).toHaveText(/^\d{4}년 \d{1,2}월 \d{1,2}일: 복습 3번$/);
	await expect(page.getByText(/^\s*적음\s+많음\s*$/)).toBeVisible();
	await screenshot(page, 'stats-heatmap');

	// 6. Settings, in Korean.
	await page.getByRole('link', { name: '설정' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible();
	await expect(page.getByLabel('언어')).toBeVisible();
	await screenshot(page, 'settings');
	expect(shot).toBe(10);
});
