import { expect, test } from '@playwright/test';
import { QuizPage } from './quiz-page';

// Seeded, so every run asks the same quiz of the bundled notes (see the checks on its kinds below).
const MIXED = 'n=10&types=mcq,reverse,typed,explain&seed=20250310';

test('a 10-question mixed quiz by keyboard: same quiz after a reload, right results, missed cards in today’s review, history kept', async ({
	page,
	context
}) => {
	// Twenty questions and a review: a long journey on a shared 2-core machine.
	test.slow();
	const quiz = new QuizPage(page);
	await quiz.open(MIXED);
	await quiz.start();

	// A first run, every question skipped, shows what each one expects.
	const prompts: string[] = [];
	for (let i = 0; i < 10; i++) {
		await expect(page.getByText(`Question ${i + 1} of 10`)).toBeVisible();
		prompts.push(await quiz.prompt());
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	const key = await quiz.results();
	expect(key.map((line) => line.outcome)).toEqual(Array(10).fill('Skipped'));
	await expect(quiz.score()).toHaveText('0 / 0');

	// The seed in the URL makes a reload ask the very same quiz. Once the page is loaded, the
	// quiz needs no network: its cards come from IndexedDB.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeEnabled();
	await context.setOffline(true);
	await quiz.start();
	const plan: { outcome: string; given?: string }[] = [];
	const kinds = new Set<string>();
	let overruled = false;
	for (let i = 0; i < 10; i++) {
		await expect(page.getByText(`Question ${i + 1} of 10`)).toBeVisible();
		expect(await quiz.prompt()).toBe(prompts[i]);
		const right = i % 3 !== 1;
		const kind = await quiz.kind();
		kinds.add(kind);
		if (kind === 'choice') {
			await page.keyboard.press(await quiz.optionKey(key[i].expected, right));
			await expect(quiz.article).toContainText(right ? 'Correct' : 'Not quite');
			plan.push({ outcome: right ? 'Right' : 'Wrong' });
		} else if (kind === 'typed') {
			const given = right ? key[i].expected : '모르겠어요';
			await page.keyboard.type(given);
			await page.keyboard.press('Enter');
			await expect(quiz.article).toContainText(right ? 'Correct' : 'Not quite');
			if (!right && !overruled) {
				// The person knows better than the matcher once.
				await quiz.article.getByRole('button', { name: 'I was right' }).click();
				await expect(quiz.article).toContainText('Counted as right, on your word.');
				overruled = true;
				plan.push({ outcome: 'Right', given: `${given} (Counted as right, on your word.)` });
			} else {
				plan.push({ outcome: right ? 'Right' : 'Wrong', given });
			}
		} else {
			await page.keyboard.press('Enter');
			await expect(quiz.article.getByRole('table')).toBeVisible();
			await page.keyboard.press(right ? '3' : '1');
			plan.push({ outcome: right ? 'Right' : 'Wrong', given: right ? 'Got it' : 'Missed it' });
		}
		await page.keyboard.press('Enter');
	}

	expect([...kinds].sort()).toEqual(['choice', 'explain', 'typed']);
	const lines = await quiz.results();
	expect(lines.map((line) => line.outcome)).toEqual(plan.map((p) => p.outcome));
	lines.forEach((line, i) => {
		expect(line.prompt).toBe(prompts[i]);
		expect(line.expected).toBe(key[i].expected);
		expect(line.given).toBe(plan[i].given ?? (plan[i].outcome === 'Right' ? key[i].expected : line.given));
		if (plan[i].outcome === 'Wrong') expect(line.given).not.toBe(key[i].expected);
	});
	const correct = plan.filter((p) => p.outcome === 'Right').length;
	expect(correct).toBeLessThan(10);
	await expect(quiz.score()).toHaveText(`${correct} / 10`);
	await expect(page.getByTestId('quiz-time')).toHaveText(/^\d+:\d\d$/);

	// Missed cards go to today's review, ahead of the note's first new cards.
	const missed = page.getByTestId('missed-cards').locator('.front');
	const missedFronts = (await missed.allInnerTexts()).map((text) => text.trim());
	expect(missedFronts.length).toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Review the missed cards now' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'In today’s review' })).toBeVisible();
	await context.setOffline(false);
	await page.getByRole('link', { name: 'Go to review' }).click();
	await expect(page).toHaveURL(/\/review$/);
	const card = page.getByRole('article');
	await expect(card).toBeVisible();
	const front = (await card.locator('.front').innerText()).trim();
	expect(missedFronts).toContain(front);
	// Without the quiz, review starts with the note's first card.
	expect(front).not.toBe('Pod');

	// Both quizzes are in the history, and stay there after a reload; none reached the review log.
	await page.goto('/quiz');
	const history = page.getByTestId('quiz-history').getByRole('listitem');
	await expect(history).toHaveCount(2);
	await page.reload();
	await expect(history).toHaveCount(2);
	await expect(history.first()).toContainText(`${correct} / 10`);
	await expect(history.nth(1)).toContainText('0 / 0');
	await page.goto('/');
	await expect(page.getByTestId('count-done')).toHaveText('0');
});
