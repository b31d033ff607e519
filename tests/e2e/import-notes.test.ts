import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers/pwa';
import { DeckPage, HomePage, ReviewPage } from './helpers/review';

const NOTE = readFileSync('tests/fixtures/notes/import/http-basics.md', 'utf8');
const ROOT = 'HTTP basics';

/** Settings → Add notes, as a person uses it. */
class AddNotesPanel {
	constructor(readonly page: Page) {}

	async open() {
		await this.page.goto('/settings');
		await expect(this.page.getByRole('heading', { name: 'Notes added on this device' })).toBeVisible();
	}

	async choose(name: string, text: string | Buffer) {
		await this.page.getByLabel('Choose .md files').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
	}

	async paste(name: string, text: string) {
		await this.page.getByText('Or paste markdown').click();
		await this.page.getByLabel('Markdown', { exact: true }).fill(text);
		await this.page.getByLabel('File name').fill(name);
		await this.page.getByRole('button', { name: 'Preview' }).click();
	}

	preview(file: string) {
		return this.page.getByRole('region', { name: `Preview of ${file}` });
	}

	async add() {
		await this.page.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(this.page.getByRole('status').filter({ hasText: /^Added/ })).toBeVisible();
	}
}

test('a note added by file chooser: preview, add, review, offline reload, re-import keeping progress, remove', async ({
	page,
	context
}) => {
	test.slow();
	const panel = new AddNotesPanel(page);
	await panel.open();
	// Installed (everything precached) before anything else, as offline.test.ts does.
	await waitForServiceWorker(page);
	await panel.choose('http-basics.md', NOTE);
	const preview = panel.preview('http-basics.md');
	await expect(preview).toContainText('13 cards');
	await expect(preview).toContainText('HTTP basics › Status codes (line 7): 8 cards');
	await expect(preview).toContainText('Code: 200 → OK');
	await expect(preview).toContainText('…and 5 more');
	await panel.add();
	await expect(page.getByRole('listitem').filter({ hasText: 'http-basics.md · 13 cards' })).toBeVisible();

	const home = new HomePage(page);
	await home.open();
	await expect(await home.deckRow(ROOT)).toContainText('added on this device');
	await home.studyDeck(ROOT);
	const review = new ReviewPage(page);
	await review.expectQuestion('Code: 200');
	await review.rate('Good');

	// Offline after a reload: the note's decks and the rating are in IndexedDB.
	await context.setOffline(true);
	await page.goto('/');
	await page.reload();
	await expect(await home.deckRow(ROOT)).toContainText('added on this device');
	await home.expectCounts({ done: 1 });
	await context.setOffline(false);

	// Edited: one answer changed, one row added. The reviewed card keeps its progress.
	const edited = NOTE.replace('| 200 | OK |', '| 200 | OK (success) |').replace(
		'| 404 | Not Found |',
		'| 404 | Not Found |\n| 418 | I am a teapot |'
	);
	await panel.open();
	await panel.choose('http-basics.md', edited);
	await expect(preview).toContainText('This note is already here');
	await expect(preview.getByTestId('card-changes')).toHaveText('2 new, 2 changed, 0 removed cards.');
	await preview.getByText('Changed (2)').click();
	await expect(preview).toContainText('Code: 200 → OK (success)');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await panel.add();
	const deck = new DeckPage(page);
	await page.goto('/');
	await page.getByRole('link', { name: `Open ${ROOT}`, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: ROOT })).toBeVisible();
	await expect(deck.card('Code: 200').getByText('OK (success)')).toBeVisible();
	await deck.expectState('Code: 200', 'Learning');

	// Removed: its decks go; the note can be added again later with its progress.
	await panel.open();
	await page.getByRole('button', { name: 'Remove http-basics.md' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Removed http-basics.md' })).toBeVisible();
	await home.open();
	await expect(page.getByRole('link', { name: `Open ${ROOT}`, exact: true })).toHaveCount(0);
});

test('a note added by paste, and bad input refused with a reason and nothing saved', async ({ page }) => {
	const panel = new AddNotesPanel(page);
	await panel.open();
	await panel.paste('pasted http', NOTE);
	await expect(panel.preview('pasted http.md')).toContainText('13 cards');
	await panel.add();
	await expect(page.getByRole('listitem').filter({ hasText: 'pasted http.md · 13 cards' })).toBeVisible();

	const refusals: [string, string | Buffer, RegExp][] = [
		['infra-monitoring.md', NOTE, /same ids as the built-in note infra-monitoring\.md/],
		['prose.md', '# Prose\n\nNo tables.\n', /has no tables/],
		['latin1.md', Buffer.from([0x7c, 0x20, 0xe9, 0x0a]), /not UTF-8/],
		['big.md', Buffer.alloc(3 * 1024 * 1024, 'a'), /larger than 2 MB/]
	];
	for (const [name, text, reason] of refusals) {
		await panel.choose(name, text);
		await expect(panel.preview(name).getByRole('alert')).toHaveText(reason);
		await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
	}
	await panel.choose('broken.md', `# Deep\n\n${'>'.repeat(5000)} x\n\n${NOTE}`);
	await expect(panel.preview('broken.md').getByRole('alert')).toContainText('broken.md:');
	await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	await expect(page.getByRole('listitem').filter({ hasText: /\.md · \d+ cards/ })).toHaveCount(1);
});
