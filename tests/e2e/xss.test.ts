import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { watchForScripts } from './helpers/security';
import { TestSite } from './helpers/site';

// Decks built by the real deck builder from tests/fixtures/notes/xss/attacks.md, whose cells
// hold <img onerror>, <script>, <svg onload>, <iframe srcdoc>, javascript: links and <style>.
let site: TestSite;
let deckId: string;
test.beforeAll(async () => {
	site = await TestSite.start();
	site.buildDecks('tests/fixtures/notes/xss');
	const index = JSON.parse(readFileSync(join(site.root, 'decks/index.json'), 'utf8'));
	deckId = index.decks.find((deck: { title: string }) => deck.title === 'Cells').id;
});
test.afterAll(async () => {
	await site.dispose();
});

const ATTACKS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', `<svg onload="window.pwned='svg'"></svg>`];

test('note cells that look like HTML show as text on the deck page and run nothing', async ({ page }) => {
	const scripts = await watchForScripts(page);
	await page.goto(site.url(`/decks/${deckId}`));
	const cards = page.getByRole('list', { name: 'Cards' });
	// 7 rows forward; backwards only the 4 whose cell does not hold its key's words (`<img … onerror` → img-onerror
	// asks nothing: the clue gives the answer away); and "공격 7가지?".
	await expect(cards.getByRole('listitem')).toHaveCount(12);
	for (const attack of ATTACKS) await expect(cards.getByText(attack, { exact: true }).first()).toBeVisible();
	await expect(cards.getByText('<img src=x onerror=alert(2)>', { exact: true }).first()).toBeVisible();
	await expect(cards.locator('img, script, svg, iframe, style, [onerror], [onload]')).toHaveCount(0);
	await expect(cards.getByRole('link')).toHaveCount(0);
	await expect(page.locator('body')).toBeVisible();
	await scripts.expectNoneRan();
});

test('a card with an attack as its front shows it as text in review, and its answer too', async ({ page }) => {
	const scripts = await watchForScripts(page);
	await page.goto(site.url(`/review?deck=${deckId}`));
	const card = page.getByRole('article');
	for (let i = 0; i < 14; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await expect(card.locator('img, script, svg, iframe, style')).toHaveCount(0);
		if ((await card.innerText()).includes('<img src=x onerror=alert(1)>')) break;
		await page.getByRole('button', { name: /^Easy/ }).click();
	}
	await expect(card.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
	await scripts.expectNoneRan();
});
