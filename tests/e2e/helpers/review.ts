/**
 * Page helpers for the daily-review tests: what a person does on the home, review and deck
 * pages, in their words. Card texts come from the served build's deck JSON, so the tests
 * follow the bundled notes instead of copying them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Card, Deck, DeckIndex, NoteDecks } from '../../../src/lib/notes/types';

export type RatingName = 'Again' | 'Hard' | 'Good' | 'Easy';
export const RATING_KEYS: Record<RatingName, string> = { Again: '1', Hard: '2', Good: '3', Easy: '4' };

/** The decks and cards of a build folder (default: the one `npm start` serves), in note order. */
export function builtDecks(folder = 'build') {
	const index = JSON.parse(readFileSync(`${folder}/decks/index.json`, 'utf8')) as DeckIndex;
	const notes = index.notes.map((n) => JSON.parse(readFileSync(`${folder}/decks/${n.json}`, 'utf8')) as NoteDecks);
	const decks: Deck[] = notes.flatMap((n) => n.decks);
	const cards: Card[] = notes.flatMap((n) => n.cards);
	const deck = (...path: string[]) => {
		const found = decks.find((d) => d.path.join(' › ').endsWith(path.join(' › ')));
		if (!found) throw new Error(`No deck ${path.join(' › ')}`);
		return found;
	};
	return { decks, cards, deck, cardsOf: (d: Deck) => cards.filter((c) => c.deckId === d.id) };
}

/**
 * Builds the bundled notes, with `card`'s answer changed to `newAnswer`, into `outDecks`: what
 * a push of edited notes publishes. The notes are copied into `tmp` first; decks/ stays as it is.
 */
export function rebuildDecksWithAnswer(tmp: string, card: Card, newAnswer: string, outDecks: string): void {
	cpSync('decks', join(tmp, 'notes'), { recursive: true });
	const note = join(tmp, 'notes', card.source.file);
	const text = readFileSync(note, 'utf8');
	writeFileSync(note, text.replace(`| ${card.backText} |`, `| ${newAnswer} |`));
	expect(readFileSync(note, 'utf8')).not.toBe(text);
	execFileSync(process.execPath, ['scripts/run.js', 'scripts/build-decks.ts', '--notes', join(tmp, 'notes'), '--out', outDecks]);
}

export class HomePage {
	/** `base`: another server's origin; the configured baseURL otherwise. */
	constructor(
		readonly page: Page,
		readonly base = ''
	) {}

	async open() {
		await this.page.goto(`${this.base}/`);
		await expect(this.count('due')).toBeVisible();
	}

	count(name: 'due' | 'learning' | 'new' | 'done' | 'streak'): Locator {
		return this.page.getByTestId(`count-${name}`);
	}

	async expectCounts(expected: Partial<Record<'due' | 'learning' | 'new' | 'done', number>>) {
		for (const [name, value] of Object.entries(expected)) {
			await expect(this.count(name as 'due'), name).toHaveText(String(value));
		}
	}

	/** Opens the tree down to the last title's parent, and returns that deck's line (title, counts, study link). */
	async deckRow(...path: string[]): Promise<Locator> {
		for (const title of path.slice(0, -1)) {
			const toggle = this.page.getByRole('button', { name: title, exact: true });
			if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
		}
		const link = this.page.getByRole('link', { name: `Open ${path.at(-1)}`, exact: true });
		return this.page.locator('.row').filter({ has: link });
	}

	async studyDeck(...path: string[]) {
		await this.deckRow(...path);
		await this.page.getByRole('link', { name: `Study ${path.at(-1)}`, exact: true }).click();
	}
}

/**
 * The review page shows the next card before the rating is written; a test that leaves the
 * page next (page.goto) waits for this, or it could abort the write.
 */
export async function expectRatingsSaved(page: Page): Promise<void> {
	await expect(page.locator('[data-unsaved-ratings]')).toHaveAttribute('data-unsaved-ratings', '0');
}

export class ReviewPage {
	readonly card: Locator;
	readonly question: Locator;
	readonly answer: Locator;
	readonly progress: Locator;
	readonly summary: Locator;

	constructor(
		readonly page: Page,
		readonly base = ''
	) {
		this.card = page.getByRole('article');
		this.question = this.card.getByTestId('question');
		this.answer = this.card.getByTestId('answer');
		this.progress = page.getByText(/new · \d+ learning · \d+ review left$/);
		this.summary = page.getByRole('region', { name: 'Session complete' });
	}

	async open(deck?: Deck) {
		await this.page.goto(`${this.base}/review${deck ? `?deck=${deck.id}` : ''}`);
		await expect(this.card.or(this.summary)).toBeVisible();
	}

	ratingButton(name: RatingName): Locator {
		return this.page.getByRole('button', { name: new RegExp(`^${name}\\b`) });
	}

	/** Waits until `front` is the question shown, its answer still hidden. */
	async expectQuestion(front: string) {
		await expect(this.question).toHaveText(front);
		await expect(this.page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	}

	async showAnswer(how: 'Space' | 'Enter' | 'click' | 'tap card' = 'Space') {
		// A person presses keys at a card they see: not while the page still loads.
		await expect(this.page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		if (how === 'click') await this.page.getByRole('button', { name: 'Show answer' }).click();
		else if (how === 'tap card') await this.question.click();
		else await this.page.keyboard.press(how);
		await expect(this.ratingButton('Good')).toBeVisible();
	}

	/** Rates the card shown (revealing it first) and waits until the next card or the summary is up. */
	async rate(rating: RatingName, how: 'key' | 'click' | 'Space' | 'Enter' = 'key') {
		if (!(await this.ratingButton('Good').isVisible())) await this.showAnswer();
		if (how === 'click') await this.ratingButton(rating).click();
		else await this.page.keyboard.press(how === 'key' ? RATING_KEYS[rating] : how);
		await expect(this.page.getByRole('button', { name: 'Show answer' }).or(this.summary)).toBeVisible();
		await expectRatingsSaved(this.page);
	}

	async undo(how: 'u' | 'Control+z' | 'click' = 'u') {
		if (how === 'click') await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
		else await this.page.keyboard.press(how);
	}
}

export class DeckPage {
	constructor(
		readonly page: Page,
		readonly base = ''
	) {}

	async open(deck: Deck) {
		await this.page.goto(`${this.base}/decks/${deck.id}`);
		await expect(this.page.getByRole('heading', { level: 1, name: deck.title })).toBeVisible();
	}

	/** The list item of the card whose question is `front`. */
	card(front: string): Locator {
		return this.page
			.getByRole('listitem')
			.filter({ has: this.page.locator(`[id^="front-"]`, { hasText: new RegExp(`^${escape(front)}$`) }) });
	}

	/** Checks what the card's list item says under each name ("State", "Due", "Stability"). */
	async expectFacts(front: string, facts: Record<string, string | RegExp>) {
		for (const [name, value] of Object.entries(facts)) {
			const term = this.page.getByRole('term').filter({ hasText: name });
			await expect(this.card(front).locator('div', { has: term }).getByRole('definition')).toHaveText(value);
		}
	}

	async expectState(front: string, state: string) {
		await this.expectFacts(front, { State: state });
	}

	async act(front: string, action: 'Suspend' | 'Unsuspend' | 'Bury until tomorrow' | 'Unbury' | 'Reset progress') {
		await this.card(front).getByRole('button', { name: action }).click();
	}

	/** Asks to reset the card's progress, then confirms or cancels in the dialog. */
	async reset(front: string, answer: 'Reset progress' | 'Cancel') {
		await this.act(front, 'Reset progress');
		const dialog = this.page.getByRole('dialog');
		await expect(dialog).toContainText(`Reset all progress on “${front}”?`);
		await dialog.getByRole('button', { name: answer }).click();
		await expect(dialog).toBeHidden();
	}
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * scripts/serve.js on a free port, serving `folder`; `port` reuses one, so a second build
 * is served on the first one's origin (same IndexedDB).
 */
export async function serveFolder(folder: string, port = 0): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, SERVE_DIR: folder, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = await new Promise<string>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /http:\/\/localhost:(\d+)/.exec(chunk.toString());
			if (match) resolve(match[0]);
		});
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill();
		});
	return { url, port: Number(new URL(url).port), stop };
}
