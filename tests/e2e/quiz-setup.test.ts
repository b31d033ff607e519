import { expect, test } from '@playwright/test';
import { QuizPage } from './quiz-page';

test('a deck page links a quiz of that deck; starting writes a seed, a new quiz drops it', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: '인프라 / 모니터링' }).click();
	await page.getByRole('button', { name: 'Kubernetes 핵심 개념' }).click();
	await page.getByRole('link', { name: 'Open 서비스 타입' }).click();
	await page.getByRole('link', { name: 'Quiz this deck' }).click();
	await expect(page).toHaveURL(/\/quiz\?deck=[0-9a-f]+/);
	const deckId = new URL(page.url()).searchParams.get('deck');
	const quiz = new QuizPage(page);
	await expect(page.locator('summary')).toContainText('서비스 타입');
	await expect(page).toHaveURL(`/quiz?deck=${deckId}&n=10&types=mcq,reverse,typed,explain`);

	await quiz.start();
	await expect(page).toHaveURL(new RegExp(`^[^?]+\\?deck=${deckId}&n=10&types=mcq,reverse,typed,explain&seed=\\d+$`));
	// Four service types, each asked once, and the list of all four ("타입 4가지?"); fewer questions
	// when one explain question shows two of the types.
	await expect(page.getByText(/^Question 1 of [2345]$/)).toBeVisible();
	const total = Number((await quiz.progress()).split(' ').at(-1));
	for (let i = 0; i < total; i++) await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await page.getByRole('button', { name: 'New quiz' }).click();
	await expect(page).toHaveURL(`/quiz?deck=${deckId}&n=10&types=mcq,reverse,typed,explain`);
	await expect(page.getByTestId('quiz-history').getByRole('listitem')).toHaveCount(1);
});

test('a setup URL preselects the form, and the form writes every change back into the URL', async ({ page }) => {
	await page.goto('/quiz?deck=nonsense!&n=20&types=typed,explain&source=weak');
	const quiz = new QuizPage(page);
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeEnabled();
	await expect(page.getByRole('radio', { name: '20' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'My weakest cards' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Multiple choice', exact: true })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Typed answer' })).toBeChecked();
	// The bad deck id is dropped, not trusted.
	await expect(page).toHaveURL('/quiz?source=weak&n=20&types=typed,explain');

	// Nothing studied yet: a weakest-cards quiz says so and stays on the setup.
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(page.getByRole('status').filter({ hasText: /No card here has been studied yet/ })).toBeVisible();
	await expect(quiz.article).toHaveCount(0);

	await page.getByRole('radio', { name: 'All' }).check();
	await page.getByRole('radio', { name: 'Random cards from the decks' }).check();
	await page.getByRole('checkbox', { name: 'Typed answer' }).uncheck();
	await expect(page).toHaveURL('/quiz?n=all&types=explain');
	// The last question type cannot be unticked.
	await expect(page.getByRole('checkbox', { name: 'Explain aloud' })).toBeDisabled();
	await expect(page.getByText('Keep at least one question type.')).toBeVisible();

	await page.locator('summary').click();
	await page.getByRole('checkbox', { name: /^Kubernetes 핵심 개념/ }).check();
	// A chosen deck brings the decks below it.
	await expect(page.getByRole('checkbox', { name: /^서비스 타입/ })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /^서비스 타입/ })).toBeDisabled();
	await expect(page).toHaveURL(/\/quiz\?deck=[0-9a-f]+&n=all&types=explain$/);
	await page.reload();
	await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
	await expect(page.locator('summary')).toContainText('Kubernetes 핵심 개념');
});

test.describe('in Korean', () => {
	test.use({ locale: 'ko-KR' });

	test('the quiz speaks Korean around the cards', async ({ page }) => {
		await page.goto('/quiz?n=10&types=reverse&seed=7');
		await page.getByRole('button', { name: '퀴즈 시작' }).click();
		await expect(page.getByText('10문제 중 1번')).toBeVisible();
		await expect(page.getByRole('article').getByRole('heading')).toHaveText(/: 어떤 .+일까요\?$/);
		await page.keyboard.press('1');
		await expect(page.getByRole('button', { name: '다음' })).toBeFocused();
	});
});
