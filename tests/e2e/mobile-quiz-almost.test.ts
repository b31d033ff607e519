// Runs in the "mobile" project (Pixel 7) in Korean: a typed answer with another particle is
// "거의 맞음", and the person counts it as right or keeps it wrong (issue #16, item 9).
import { expect, test } from '@playwright/test';
import { builtDecks } from './helpers/review';
import { answerAlmost } from './quiz-page';

test.use({ locale: 'ko-KR' });

const { deck, cardsOf } = builtDecks();
const serviceTypes = deck('Kubernetes 핵심 개념', '서비스 타입');

test('an answer with another particle is “거의 맞음”: counted as right on a tap, or kept wrong', async ({ page }) => {
	await page.goto(`/quiz?deck=${serviceTypes.id}&n=10&types=typed&seed=16`);
	await page.getByRole('button', { name: '퀴즈 시작' }).tap();
	const article = page.getByRole('article');

	await answerAlmost(page, cardsOf(serviceTypes));
	await article.getByRole('button', { name: '정답으로 치기' }).tap();
	await expect(article.getByText('내 판단으로 정답 처리했습니다.')).toBeVisible();
	await expect(article.getByRole('button', { name: '오답으로 두기' })).toBeHidden();
	await page.getByRole('button', { name: '다음' }).tap();

	await answerAlmost(page, cardsOf(serviceTypes));
	await article.getByRole('button', { name: '오답으로 두기' }).tap();
	await expect(article.getByText('오답으로 두었습니다.')).toBeVisible();
	await expect(article.getByRole('button', { name: '정답으로 치기' })).toBeHidden();
	await page.getByRole('button', { name: '다음' }).tap();
	// The rest are skipped: they count neither way.
	const results = page.getByRole('heading', { name: '결과' });
	while (!(await results.isVisible())) {
		await page.getByRole('button', { name: '건너뛰기' }).tap();
		await expect(page.getByRole('button', { name: '건너뛰기' }).or(results)).toBeVisible();
	}
	await expect(page.getByTestId('quiz-score')).toHaveText('1 / 2');
});
