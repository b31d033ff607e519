import { expect, type Locator, type Page } from '@playwright/test';

export type Kind = 'choice' | 'typed' | 'explain';

/** What the results page says about one question. */
export interface ResultLine {
	outcome: string;
	prompt: string;
	given: string;
	expected: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The quiz page as a person uses it (English UI). */
export class QuizPage {
	readonly article: Locator;
	readonly options: Locator;

	constructor(readonly page: Page) {
		this.article = page.getByRole('article');
		this.options = this.article.getByRole('group', { name: 'Options' }).getByRole('button');
	}

	async open(query: string) {
		await this.page.goto(`/quiz?${query}`);
		await expect(this.page.getByRole('button', { name: 'Start quiz' })).toBeEnabled();
	}

	/** Starts by keyboard and waits for the first question. */
	async start() {
		await this.page.getByRole('button', { name: 'Start quiz' }).focus();
		await this.page.keyboard.press('Enter');
		await expect(this.article).toBeVisible();
	}

	async progress(): Promise<string> {
		return (await this.page.getByText(/^Question \d+ of \d+$/).textContent()) ?? '';
	}

	async prompt(): Promise<string> {
		return squash((await this.article.getByRole('heading').textContent()) ?? '');
	}

	async kind(): Promise<Kind> {
		await expect(this.article.getByRole('heading')).toBeVisible();
		if (await this.article.getByRole('textbox').count()) return 'typed';
		if (await this.article.getByRole('button', { name: 'Show model answer' }).count()) return 'explain';
		await expect(this.options.first()).toBeVisible();
		return 'choice';
	}

	/** The key (1–4) of the option that reads `text`, or of another one. */
	async optionKey(text: string, right: boolean): Promise<string> {
		const names = (await this.options.allTextContents()).map((name) => squash(name.replace(/^\s*\d/, '')));
		const at = names.findIndex((name) => (name === squash(text)) === right);
		expect(at, `options ${names.join(' | ')} for ${text}`).toBeGreaterThanOrEqual(0);
		return String(at + 1);
	}

	async results(): Promise<ResultLine[]> {
		await expect(this.page.getByRole('heading', { name: 'Results' })).toBeVisible();
		const items = this.page.locator('ol.answers > li');
		const lines: ResultLine[] = [];
		for (const item of await items.all()) {
			const [head, given, expected] = (await item.locator('p').allInnerTexts()).map(squash);
			const outcome = head.split(' ')[0];
			lines.push({
				outcome,
				prompt: head.slice(outcome.length + 1),
				given: given.replace(/^Your answer: /, ''),
				expected: expected.replace(/^Expected: /, '')
			});
		}
		return lines;
	}

	score(): Locator {
		return this.page.getByTestId('quiz-score');
	}
}

/** A typed answer with a particle after its first word (`클러스터를 내부에서만 접근`): "거의 맞음" (issue #16). */
export function withParticle(answer: string): string {
	const [first, ...rest] = answer.split(' ');
	return [`${first}를`, ...rest].join(' ');
}

/**
 * Answers the typed question on screen "almost", on the Korean UI: the answer of the card in
 * `cards` whose front is the prompt, with a particle added. Returns what was typed.
 */
export async function answerAlmost(page: Page, cards: readonly { frontText: string; backText: string }[]): Promise<string> {
	const article = page.getByRole('article');
	const prompt = (await article.getByRole('heading').innerText()).trim();
	const card = cards.find((c) => c.frontText === prompt);
	expect(card, prompt).toBeDefined();
	const given = withParticle(card!.backText);
	await article.getByRole('textbox', { name: '내 답' }).fill(given);
	await article.getByRole('button', { name: '확인' }).tap();
	await expect(article.getByText('거의 맞음', { exact: true })).toBeVisible();
	await expect(article.getByText('정답으로 칠까요, 오답으로 둘까요?', { exact: false })).toBeVisible();
	return given;
}
