// Runs in the "mobile" project (Pixel 7): a first visit's three-line welcome, with the way to
// install that this browser offers, shown until dismissed (issue #16, item 13).
import { expect, test, type Page } from '@playwright/test';
import { openReview } from './helpers/pages';
import { expectRatingsSaved } from './helpers/review';

const welcome = (page: Page, name = 'Welcome') => page.getByRole('region', { name });

test('a first visit says what Tabledeck is, how a review goes and how to install it; once dismissed, it stays away', async ({ page }) => {
	await page.goto('/');
	const box = welcome(page);
	await expect(box).toBeVisible();
	await expect(box.getByRole('paragraph')).toHaveText([
		'Tabledeck turns the tables in your notes into flashcards and quizzes, and works offline.',
		'A review: read the question, tap Show answer, then say how well you knew it: Again, Hard, Good or Easy.',
		'To install it, choose Install app or Add to Home screen in the browser menu.'
	]);
	// Today's numbers are there beside it.
	await expect(page.getByTestId('count-new')).toHaveText('20');

	await box.getByRole('button', { name: 'Got it' }).tap();
	await expect(box).toBeHidden();
	await page.reload();
	await expect(page.getByTestId('count-new')).toHaveText('20');
	await expect(welcome(page)).toBeHidden();
});

test('where the browser offers to install, the welcome’s Install button opens its prompt', async ({ page }) => {
	await page.goto('/');
	await expect(welcome(page)).toBeVisible();
	// What Chromium sends when the app can be installed, with a prompt that records being asked.
	await page.evaluate(() => {
		const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: async () => void document.documentElement.setAttribute('data-install-asked', 'yes'),
			userChoice: Promise.resolve({ outcome: 'accepted' })
		});
		window.dispatchEvent(event);
	});
	const box = welcome(page);
	await expect(box.getByText('Install it to open it from your home screen:')).toBeVisible();
	await box.getByRole('button', { name: 'Install', exact: true }).tap();
	await expect(page.locator('html')).toHaveAttribute('data-install-asked', 'yes');
	// Installed: the welcome has done its job.
	await expect(box).toBeHidden();
});

test('someone who has studied here is not welcomed again', async ({ page }) => {
	await openReview(page);
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expectRatingsSaved(page);
	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('1');
	await expect(welcome(page)).toBeHidden();
});

test.describe('in Korean on an iPhone', () => {
	test.use({
		locale: 'ko-KR',
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
	});

	test('the welcome speaks Korean and gives Safari’s Share → Add to Home Screen steps', async ({ page }) => {
		await page.goto('/');
		const box = welcome(page, '환영합니다');
		await expect(box.getByRole('paragraph')).toHaveText([
			'Tabledeck은 노트의 표를 플래시카드와 퀴즈로 만들고, 오프라인에서도 동작합니다.',
			'복습: 질문을 읽고 정답 보기를 누른 뒤, 얼마나 알았는지 다시·어려움·알맞음·쉬움 중에서 고르세요.',
			'설치하려면 공유 버튼을 누르고 홈 화면에 추가를 고르세요.'
		]);
		await box.getByRole('button', { name: '확인' }).tap();
		await expect(box).toBeHidden();
	});
});
