import { expect, test } from '@playwright/test';
import { serviceTypesDeckId } from './helpers/pages';
import { waitForServiceWorker } from './helpers/pwa';
import { watchForScripts } from './helpers/security';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the web app manifest makes it installable, with its icons and a "Start review" shortcut', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(href!)).json();
	expect(manifest).toMatchObject({
		name: 'Tabledeck',
		short_name: 'Tabledeck',
		display: 'standalone',
		start_url: '/',
		theme_color: '#1f4e79',
		background_color: '#f6f7f9',
		shortcuts: [{ name: 'Start review', url: '/review' }]
	});
	expect(manifest.description).toContain('Works offline');
	const icons: { src: string; sizes: string; purpose?: string }[] = manifest.icons;
	expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
	for (const icon of icons) {
		const size = Number(icon.sizes.split('x')[0]);
		expect(pngSize(await (await request.get(`/${icon.src.replace(/^\//, '')}`)).body())).toEqual([size, size]);
	}

	await waitForServiceWorker(page);
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Test browsers run incognito, where Chromium never offers to install anything.
	expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
});

test('every page runs under a Content-Security-Policy without inline scripts or eval, and breaks none of it', async ({ page }) => {
	const scripts = await watchForScripts(page);
	await page.goto('/');
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
	expect(scriptSrc).toMatch(/^ ?script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);

	const deckId = await serviceTypesDeckId(page);
	for (const path of ['/', '/review', `/decks/${deckId}`, '/quiz', '/stats', '/settings']) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeAttached();
		await expect(page.getByText(/^Loading/)).toHaveCount(0);
	}
	await page.goto('/review');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await scripts.expectNoneRan();

	// The policy is really in force: injected inline code and eval are refused, not run.
	const refused = await page.evaluate(
		() =>
			new Promise<string[]>((resolve) => {
				const seen: string[] = [];
				document.addEventListener('securitypolicyviolation', (event) => {
					seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
					if (seen.length === 2) resolve(seen.sort());
				});
				const script = document.createElement('script');
				script.textContent = 'window.pwned = "inline"';
				document.head.append(script);
				// A string of code: the very thing the policy forbids.
				setTimeout('window.pwned = "eval"');
			})
	);
	expect(refused).toEqual(['script-src eval', 'script-src-elem inline']);
	expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
});
