// Runs in the "mobile" project (Pixel 7), in Korean: finding a card, issue #16 item 11.
import { expect, test } from '@playwright/test';
import { scrollsSideways } from './helpers/pages';
import { builtDecks, expectRatingsSaved } from './helpers/review';

test.use({ locale: 'ko-KR' });

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
// "Pod" → "가장 작은 배포 단위, 1개 이상 컨테이너" in the bundled notes: found by words of its answer.
const [card] = cardsOf(pod);
const words = card.backText
	.split(/[\s,]+/)
	.slice(1, 3)
	.join(' ');

test('search finds a card by Korean words, opens its history, suspends it, and the suspended filter finds it', async ({ page }) => {
	await page.goto(`/review?deck=${pod.id}`);
	await page.getByRole('button', { name: '정답 보기' }).tap();
	await page.getByRole('button', { name: /^알맞음/ }).tap();
	await expect(page.getByRole('button', { name: '정답 보기' })).toBeVisible();
	await expectRatingsSaved(page);

	await page.getByRole('link', { name: '카드 찾기' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: '카드 찾기' })).toBeVisible();
	await page.getByRole('searchbox', { name: '카드 검색' }).fill(words);
	await expect(page.getByRole('main').getByRole('status')).toHaveText(/^\d+장$/);
	const result = page.getByRole('list', { name: '카드 찾기' }).getByRole('button', { name: new RegExp(`^${card.frontText}`) });
	await expect(result).toContainText(card.backText);
	await expect(result).toContainText('학습 중');

	await result.tap();
	await expect(page.getByRole('button', { name: /검색 결과로/ })).toBeFocused();
	await expect(page.getByText(card.frontText, { exact: true })).toBeVisible();
	const history = page.getByRole('table');
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history).toContainText('알맞음');
	await page.getByRole('button', { name: '일시 중지', exact: true }).tap();
	await expect(page.getByRole('button', { name: '다시 시작' })).toBeVisible();
	await expect(page.getByRole('definition').first()).toHaveText('일시 중지');
	await page.screenshot({ path: 'test-results/screens/search-ko-card.png' });

	await page.goBack();
	const state = page.getByRole('combobox', { name: '상태' });
	await state.selectOption('new');
	await expect(result).toBeHidden();
	await state.selectOption('suspended');
	await expect(page.getByRole('main').getByRole('status')).toHaveText('1장');
	await expect(result).toContainText('일시 중지');
	expect(await scrollsSideways(page)).toBe(false);
	await page.screenshot({ path: 'test-results/screens/search-ko.png' });
});
