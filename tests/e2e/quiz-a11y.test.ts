import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { QuizPage } from './quiz-page';

test.use({ viewport: { width: 360, height: 640 } });

/** axe finds nothing, the page does not scroll sideways, and every control is a comfortable tap target. */
async function expectComfortable(page: Page, where: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
		where
	).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), where).toBeLessThanOrEqual(
		0
	);
	const small = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('main button, main .button, main label:has(input), main summary, main input:not([type])')]
			.filter((el) => el.offsetParent !== null)
			.map((el) => ({ el: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`, height: el.getBoundingClientRect().height }))
			.filter(({ height }) => height < 47.5)
	);
	expect(small, where).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every quiz screen is accessible and fits a phone (${colorScheme})`, async ({ page }) => {
		// axe takes seconds a screen on a small machine.
		test.slow();
		await page.emulateMedia({ colorScheme });
		const quiz = new QuizPage(page);
		await quiz.open('n=10&types=mcq,reverse,typed,explain&seed=20250310');
		await page.locator('summary').click();
		await expectComfortable(page, 'setup');

		await quiz.start();
		// Each kind of question is checked once answered: its feedback shows all it showed before, and more.
		const seen = new Set<string>();
		for (let i = 0; i < 10; i++) {
			await expect(page.getByText(`Question ${i + 1} of 10`)).toBeVisible();
			const kind = await quiz.kind();
			if (kind === 'choice') await page.keyboard.press('2');
			else if (kind === 'typed') {
				await page.keyboard.type('전혀 다른 답');
				await page.keyboard.press('Enter');
			} else {
				await page.keyboard.press('Enter');
				await expect(quiz.article.getByRole('table')).toBeVisible();
				await page.keyboard.press('2');
			}
			await expect(page.getByRole('button', { name: /^(Next|See results)$/ })).toBeFocused();
			if (!seen.has(kind)) await expectComfortable(page, `${kind} feedback`);
			seen.add(kind);
			await page.keyboard.press('Enter');
		}
		await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
		await expectComfortable(page, 'results');
	});
}
