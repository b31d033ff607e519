import { expect, test } from '@playwright/test';
import { builtDecks, DeckPage } from './helpers/review';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
const [first, second] = cardsOf(pod);

test('the deck page’s search box narrows its cards by words and by state', async ({ page }) => {
	const deckPage = new DeckPage(page);
	await deckPage.open(pod);
	const box = page.getByRole('searchbox', { name: `Search in ${pod.title}` });
	await expect(page.getByRole('main').getByRole('status')).toHaveText(`${cardsOf(pod).length} cards`);

	await box.fill(first.frontText.toUpperCase());
	const matching = cardsOf(pod).filter((c) =>
		`${c.frontText} ${c.backText} ${c.rowKey}`.toLowerCase().includes(first.frontText.toLowerCase())
	);
	await expect(page.getByRole('listitem')).toHaveCount(matching.length);
	await expect(deckPage.card(first.frontText)).toBeVisible();

	await box.fill('');
	await deckPage.act(second.frontText, 'Suspend');
	await page.getByRole('combobox', { name: 'State' }).selectOption('suspended');
	await expect(page.getByRole('main').getByRole('status')).toHaveText('1 card');
	await expect(page.getByRole('listitem')).toHaveCount(1);
	await deckPage.expectState(second.frontText, 'Suspended');
});
