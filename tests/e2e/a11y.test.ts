import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { serviceTypesDeckId } from './helpers/pages';

const ready = (page: Page) => expect(page.getByText(/^Loading/)).toHaveCount(0);

const ROUTES: { name: string; open: (page: Page) => Promise<void> }[] = [
	{ name: 'home', open: async (page) => (await page.goto('/'), await expect(page.getByTestId('count-new')).toBeVisible()) },
	{ name: 'review, question', open: async (page) => (await page.goto('/review'), await expect(page.getByRole('article')).toBeVisible()) },
	{
		name: 'review, answer',
		open: async (page) => {
			await page.goto('/review');
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
		}
	},
	{
		name: 'deck',
		open: async (page) => {
			await page.goto(`/decks/${await serviceTypesDeckId(page)}`);
			await expect(page.getByRole('list', { name: 'Cards' })).toBeVisible();
		}
	},
	{
		name: 'search, a card opened',
		open: async (page) => {
			await page.goto('/search');
			await page.getByRole('searchbox', { name: 'Search cards' }).fill('pod');
			await page.getByRole('list', { name: 'Find a card' }).getByRole('button').first().click();
			await expect(page.getByRole('button', { name: /Back to results/ })).toBeVisible();
		}
	},
	{ name: 'search', open: async (page) => (await page.goto('/search'), await ready(page)) },
	{ name: 'quiz', open: async (page) => (await page.goto('/quiz'), await ready(page)) },
	{ name: 'stats', open: async (page) => (await page.goto('/stats'), await ready(page)) },
	{ name: 'settings', open: async (page) => (await page.goto('/settings'), await ready(page)) }
];

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} mode`, () => {
		test.use({ colorScheme });
		for (const route of ROUTES) {
			test(`axe finds nothing serious on ${route.name}`, async ({ page }) => {
				await route.open(page);
				await expect(page.locator('h1')).toBeAttached();
				await expectNoSeriousViolations(page);
			});
		}
	});
}

test('a dark theme chosen in settings applies before the first paint, whatever the system says', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.addInitScript(() => localStorage.setItem('tabledeck.theme', 'dark'));
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 20, 23)');
	await expect(page.getByTestId('count-new')).toBeVisible();
	await expectNoSeriousViolations(page);
});

test('from the keyboard alone: every stop shows its focus, review runs, the answer is announced', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('count-new')).toBeVisible();
	const start = page.getByRole('link', { name: 'Start review' });
	for (let stops = 0; stops < 12 && !(await start.evaluate((el) => el === document.activeElement)); stops++) {
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(() => {
			const style = getComputedStyle(document.activeElement!);
			return `${style.outlineStyle} ${style.outlineWidth}`;
		});
		expect(outline).toBe('solid 3px');
	}
	await expect(start).toBeFocused();
	await page.keyboard.press('Enter');

	const show = page.getByRole('button', { name: 'Show answer' });
	await expect(show).toBeFocused();
	const front = await page.getByRole('article').locator('.front').innerText();
	await page.keyboard.press('Space');
	const answer = page.getByRole('article').locator('[aria-live="polite"]');
	await expect(answer).toContainText('가장 작은 배포 단위');
	await page.keyboard.press('3');
	await expect(page.getByRole('article').locator('.front')).not.toHaveText(front);
	await expect(show).toBeFocused();
});
