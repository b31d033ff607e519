import { expect, type Page } from '@playwright/test';

/**
 * Records every sign that injected code ran or was attempted: dialogs (alert), `window.pwned`
 * (set by the attack fixtures) and Content-Security-Policy violations. A violation means the
 * policy had to stop something the page tried, or that the app itself breaks its own policy.
 */
export async function watchForScripts(page: Page) {
	const dialogs: string[] = [];
	const violations: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	return {
		async expectNoneRan() {
			expect(dialogs, 'dialogs opened').toEqual([]);
			expect(violations, 'CSP violations').toEqual([]);
			expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
		}
	};
}
