import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtDecks, DeckPage, HomePage, ReviewPage } from './helpers/review';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
const PHONE = { width: 360, height: 640 };
test.use({ viewport: PHONE });

type Scheme = 'light' | 'dark';

/**
 * axe finds nothing (in dark mode only colour contrast differs, so only that is checked), the
 * page does not scroll sideways, and every control is a 48 px tap target.
 */
async function expectUsableOnAPhone(page: Page, scheme: Scheme, what: string) {
	// The pages' own content; the layout around it (header, navigation) is checked with its own pages.
	const axe = new AxeBuilder({ page }).include('main').include('dialog[open]');
	const { violations } = await (scheme === 'dark' ? axe.withRules(['color-contrast']) : axe).analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		what
	).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(PHONE.width);
	const small = await page.evaluate(() =>
		[...document.querySelectorAll('main button, main a, dialog button')]
			.filter((element) => element.checkVisibility())
			.map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
			.filter(({ box }) => box.width < 48 || box.height < 48)
			.map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`)
	);
	expect(small, `${what}: controls smaller than 48 px`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme at 360 px`, () => {
		test.beforeEach(async ({ page }) => {
			// axe takes seconds a page on a busy 2-core machine.
			test.slow();
			await page.emulateMedia({ colorScheme: scheme });
		});

		test('home and a card, question and answer, are accessible; focus follows the controls', async ({ page }) => {
			const home = new HomePage(page);
			await home.open();
			await home.deckRow('인프라 / 모니터링', 'Kubernetes 핵심 개념', 'Pod');
			await expectUsableOnAPhone(page, scheme, 'home with the tree open');

			const review = new ReviewPage(page);
			await review.open(pod);
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
			await expectUsableOnAPhone(page, scheme, 'question');
			await review.showAnswer('Space');
			await expect(review.ratingButton('Good')).toBeFocused();
			await expectUsableOnAPhone(page, scheme, 'answer');
			await page.getByLabel('Card actions').click();
			await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeVisible();
			await expectUsableOnAPhone(page, scheme, 'card actions');
		});

		test('the summary, the deck page and its reset dialog are accessible', async ({ page }) => {
			const review = new ReviewPage(page);
			await review.open(pod);
			for (let i = 0; i < cardsOf(pod).length; i++) await review.rate('Easy');
			await expect(page.getByRole('heading', { name: 'Session complete' })).toBeFocused();
			await expectUsableOnAPhone(page, scheme, 'summary');

			const deckPage = new DeckPage(page);
			await deckPage.open(pod);
			await deckPage.card(cardsOf(pod)[0].frontText).getByText('History').click();
			await expect(deckPage.card(cardsOf(pod)[0].frontText).getByRole('table')).toBeVisible();
			await expectUsableOnAPhone(page, scheme, 'deck page with a card’s history open');
			await deckPage.act(cardsOf(pod)[0].frontText, 'Reset progress');
			await expect(page.getByRole('dialog')).toBeVisible();
			await expectUsableOnAPhone(page, scheme, 'reset dialog');
		});
	});
}

test('the storage message is accessible too', async ({ page }) => {
	await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
	await page.goto('/');
	await expect(page.getByRole('alert')).toBeVisible();
	await expectUsableOnAPhone(page, 'light', 'storage unavailable');
});
