import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './helpers/pwa';

const NOTE = readFileSync('tests/fixtures/notes/import/http-basics.md', 'utf8');

test('a .md file shared to the installed app reaches the Add notes preview through the service worker', async ({ page }) => {
	await page.goto('/settings');
	await waitForServiceWorker(page);
	const manifest = await (await page.request.get('/manifest.webmanifest')).json();
	expect(manifest.share_target).toEqual({
		action: '/share-target',
		method: 'POST',
		enctype: 'multipart/form-data',
		params: { title: 'title', text: 'text', files: [{ name: 'notes', accept: ['text/markdown', '.md', 'text/plain'] }] }
	});
	const preview = page.getByRole('region', { name: 'Preview of http-basics.md' });

	// A multipart POST to the action, answered by the worker (there is no server): a redirect.
	const type = await page.evaluate(async (text) => {
		const form = new FormData();
		form.append('notes', new File([text], 'http-basics.md', { type: 'text/markdown' }));
		return (await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' })).type;
	}, NOTE);
	expect(type).toBe('opaqueredirect');
	await page.goto('/settings?shared#add-notes');
	await expect(preview).toContainText('13 cards');
	await expect(preview).toContainText('Code: 200 → OK');
	// Taken once: opening the same address again finds nothing waiting.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Notes added on this device' })).toBeVisible();
	await expect(preview).toHaveCount(0);

	// As Android sends it: a navigation that POSTs the form, and the page it is sent on to.
	await page.evaluate((text) => {
		const form = Object.assign(document.createElement('form'), { method: 'post', enctype: 'multipart/form-data', action: '/share-target' });
		const input = Object.assign(document.createElement('input'), { type: 'file', name: 'notes' });
		const files = new DataTransfer();
		files.items.add(new File([text], 'http-basics.md', { type: 'text/markdown' }));
		input.files = files.files;
		form.append(input);
		document.body.append(form);
		form.submit();
	}, NOTE);
	await page.waitForURL('**/settings?shared#add-notes');
	await expect(preview).toContainText('13 cards');

	// Text shared without a file (a note app sharing its text) becomes a note named by its title.
	await page.evaluate(async (text) => {
		const form = new FormData();
		form.append('title', 'my note');
		form.append('text', text);
		await fetch('/share-target', { method: 'POST', body: form, redirect: 'manual' });
	}, NOTE);
	// The page is at the share's address already: load it again.
	await page.reload();
	await expect(page.getByRole('region', { name: 'Preview of my note.md' })).toContainText('13 cards');
});
