import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { doneToday, reviewCards } from './stats-helpers';

async function exportBackup(page: Page): Promise<{ name: string; text: string }> {
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const file = await download;
	return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function clearSiteData(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(page.url()).origin, storageTypes: 'all' });
}

test('a backup survives clearing site data: export, clear, import, restore', async ({ page }) => {
	await reviewCards(page, 2);
	expect(await doneToday(page)).toBe('2');
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('7');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const backup = await exportBackup(page);
	expect(backup.name).toMatch(/^tabledeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
	expect(JSON.parse(backup.text)).toMatchObject({ format: 'tabledeck-backup', version: 2, counts: { progress: 2, reviewLog: 2 } });

	await clearSiteData(page);
	expect(await doneToday(page)).toBe('0');

	await page.goto('/settings');
	await page
		.getByLabel('Import backup')
		.setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	const preview = page.getByRole('region', { name: `Restore from ${backup.name}?` });
	await expect(preview).toContainText('Adds 2 reviews (0 already here).');
	await expect(preview).toContainText('Adds progress for 2 cards');
	await expect(preview).toContainText('Replaces your scheduling settings');
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText('Restored: 2 reviews added, 2 cards updated.');
	await expect(page.getByLabel('New cards per day')).toHaveValue('7');
	expect(await doneToday(page)).toBe('2');

	// The same backup again changes nothing.
	await page.goto('/settings');
	await page
		.getByLabel('Import backup')
		.setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
	await expect(page.getByRole('region', { name: /Restore from/ })).toContainText('Nothing to change');
});

test('a corrupted backup is refused with a message, and nothing changes', async ({ page }) => {
	await reviewCards(page, 1);
	const backup = await exportBackup(page);
	const broken = [
		['cut-off.json', backup.text.slice(0, Math.floor(backup.text.length / 2)), /cut off/],
		[
			'rating.json',
			backup.text.replace(/("logPages":\[\n\[\d+,\[\["[^"]+","[^"]+",)\d/, '$19'),
			/rating: must be a rating: 1, 2, 3 or 4 \(found 9\)/
		],
		['notes.txt', 'just some notes', /not a valid JSON file/],
		[
			'9999.json',
			backup.text.replace(/("logPages":\[\n\[\d+,\[\["[^"]+","[^"]+",\d,)\d+/, '$1253370764800000'),
			/It holds values that cannot be right\.[^]*The first wrong row is row 1 of page 1 of the review log \(logPages\)\.[^]*logPages page 1 row 1, review: must not be after tomorrow/
		],
		[
			'deep.json',
			backup.text.replace('"progress":[', '"progress":[' + '['.repeat(100_000)),
			/bigger or more deeply nested than any Tabledeck backup\.[^]*Nesting deeper than 6 levels/
		]
	] as const;
	for (const [name, text, message] of broken) {
		await page.getByLabel('Import backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('This file was not imported, and nothing was changed.');
		await expect(alert).toContainText(message);
		await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);
	}
	expect(await doneToday(page)).toBe('1');
});

test('the review log and the cards export for other tools', async ({ page }) => {
	await reviewCards(page, 1);
	await page.goto('/settings');
	const csv = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export review log (CSV)' }).click();
	const csvText = await readFile(await (await csv).path(), 'utf8');
	const lines = csvText.trim().split('\r\n');
	expect(lines[0]).toBe('card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms');
	expect(lines[1]).toMatch(/^[0-9a-f]{16},.+,\d{4}-\d\d-\d\dT[\d:.]+Z,3,new,0,0,\d+$/);
	const anki = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export cards for Anki' }).click();
	const ankiLines = (await readFile(await (await anki).path(), 'utf8')).split('\n');
	expect(ankiLines.slice(0, 2)).toEqual(['#separator:tab', '#html:true']);
	expect(ankiLines.filter((line) => line && !line.startsWith('#')).every((line) => line.split('\t').length === 5)).toBe(true);
});

test('a backup from before the sent-to-review list (a frozen version-1 file) still restores', async ({ page }) => {
	await page.goto('/settings');
	const name = 'v1-2025-03.json';
	await page.getByLabel('Import backup').setInputFiles(`tests/fixtures/backups/${name}`);
	const preview = page.getByRole('region', { name: `Restore from ${name}?` });
	await expect(preview).toContainText('Adds 4 reviews (0 already here).');
	await expect(preview).toContainText('Adds 1 quiz results.');
	await page.getByRole('button', { name: 'Restore' }).click();
	// The file's preferences come with it: the page now speaks Korean.
	await expect(page.getByRole('status').filter({ hasText: '복원 완료' })).toHaveText('복원 완료: 복습 기록 4개 추가, 카드 2장 갱신.');
});
