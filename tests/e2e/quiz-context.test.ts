// Issue #16 item 10: each question says which note and table it comes from, and a quiz shorter than asked says why.
import { expect, test } from '@playwright/test';
import { builtDecks } from './helpers/review';
import { QuizPage } from './quiz-page';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');

test('a quiz of a small deck says it is shorter than asked and shows the note and table with each question', async ({ page }) => {
	const quiz = new QuizPage(page);
	await quiz.open(`deck=${pod.id}&n=50&types=typed`);
	await quiz.start();
	const made = cardsOf(pod).length;
	expect(made).toBeLessThan(50);
	await expect(page.getByText(/^Only \d+ questions? could be made from these decks\.$/)).toBeVisible();
	await expect(page.getByTestId('quiz-context')).toHaveText(`${pod.path[0]} › ${pod.title}`);
	expect(pod.path[0]).toBe('인프라 / 모니터링');
});
