// Issue #18, "Ready by a date": an interview date set in Settings shows readiness on the deck
// page and brings planned cards into the next day's reviews, with a line saying so.
import { expect, test } from '@playwright/test';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { decks } = builtDecks();
const root = decks[0];
const STUDIED = 12;

test('an interview date shows readiness on the deck page and adds the plan’s reviews to the next day', async ({ page }) => {
	await page.clock.install({ time: new Date(2026, 11, 7, 10, 0) });
	// Twelve new cards rated Easy: reviews due in about a week, below 99% recall on the 9th.
	const review = new ReviewPage(page);
	await review.open();
	for (let i = 0; i < STUDIED; i++) await review.rate('Easy');

	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Interview date' });
	await section.getByLabel('Date for every deck').fill('2026-12-09');
	await section.getByLabel('Target recall on the day (%)').fill('99');
	await section.getByRole('button', { name: 'Set interview date' }).click();
	await expect(section.getByRole('status')).toHaveText('Saved.');

	// The cards reviewed today are not brought forward today.
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ due: 0 });
	await expect(page.getByTestId('exam-today')).toHaveCount(0);

	await page.goto(`/decks/${root.id}`);
	const panel = page.getByRole('region', { name: 'Ready by the interview' });
	await expect(panel).toContainText('2026-12-09 — 2 days left.');
	await expect(panel.getByTestId('exam-recall')).toHaveText(/^Predicted recall on that day: \d+(\.\d)?% of the cards\.$/);
	await expect(panel.getByTestId('exam-plan')).toHaveText(
		/^With the plan: \d+(\.\d)?%, taking up to \d+ extra reviews? a day\. Target: 99%\.$/
	);
	await expect(panel).toContainText(/cards are not studied yet and count as not recalled\./);

	// A deck's own date overrides the one for every deck, and emptied it falls back to it.
	const own = panel.getByLabel('Interview date for this deck');
	await own.fill('2026-12-10');
	await expect(panel).toContainText('2026-12-10 — 3 days left.');
	await page.goto('/settings');
	await expect(section.getByRole('listitem')).toHaveText(`${root.path.join(' › ')}: 2026-12-10 Clear`);
	await page.goto(`/decks/${root.id}`);
	await own.fill('');
	await expect(panel).toContainText('2026-12-09 — 2 days left.');

	// The next day: the plan's share of it is due, and home says where those reviews come from.
	await page.clock.fastForward('24:00:00');
	await home.open();
	const line = page.getByTestId('exam-today');
	await expect(line).toHaveText(/^\d+ extra reviews? today (comes|come) from the interview plan\.$/);
	const extra = Number((await line.textContent())!.match(/^\d+/)![0]);
	// The 8th is the last day before the interview: every card below 99% is planned on it.
	expect(extra).toBe(STUDIED);
	await home.expectCounts({ due: extra });

	await review.open();
	await expect(review.progress).toHaveText(new RegExp(`^\\d+ new · 0 learning · ${extra} review left$`));
	// They are real reviews: rated (new cards come in between), one fewer is left.
	for (let i = 0; i < 10 && !(await review.progress.textContent())?.endsWith(`· ${extra - 1} review left`); i++) {
		await review.rate('Good');
	}
	await expect(review.progress).toHaveText(new RegExp(`· ${extra - 1} review left$`));
	await home.open();
	await home.expectCounts({ due: extra - 1 });

	// Cleared, the plan is off.
	await page.goto('/settings');
	await section.getByRole('button', { name: 'Clear' }).click();
	await expect(section.getByRole('status')).toHaveText('Saved.');
	await home.open();
	await home.expectCounts({ due: 0 });
	await expect(page.getByTestId('exam-today')).toHaveCount(0);
});

test('the interview date settings read in Korean', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('tabledeck.locale', 'ko'));
	await page.goto('/settings');
	const section = page.getByRole('region', { name: '면접 날짜' });
	await expect(section.getByLabel('모든 덱의 날짜')).toBeVisible();
	await expect(section.getByLabel('그날의 목표 기억률 (%)')).toHaveValue('90');
});
