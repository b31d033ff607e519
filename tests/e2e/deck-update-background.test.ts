import { expect, test, type Page } from '@playwright/test';
import type { DeckIndex, NoteDecks } from '../../src/lib/notes/types';
import { expectNoSeriousViolations } from './helpers/axe';
import { builtDecks, HomePage, ReviewPage } from './helpers/review';

const { deck, cardsOf } = builtDecks();
const pod = deck('Kubernetes 핵심 개념', 'Pod');
const NOTES = 40;
const CARDS_PER_NOTE = 1000;

// The app must fetch the routed decks itself, not a service worker's cached copy.
test.use({ serviceWorkers: 'block' });

/** A generated note of `cards` cards in one table: enough of them make an update that takes seconds. */
function extraNote(n: number, cards: number): NoteDecks {
	const file = `extra-${n}.md`;
	const [root, table] = [`extra-${n}`, `extra-${n}-table`];
	return {
		schema: 1,
		file,
		hash: `extra-${n}-hash`,
		decks: [
			{ id: root, title: `Extra ${n}`, parentId: null, path: [`Extra ${n}`], file, cardCount: cards, hash: `${root}-h` },
			{ id: table, title: 'Table', parentId: root, path: [`Extra ${n}`, 'Table'], file, cardCount: cards, hash: `${table}-h` }
		],
		cards: Array.from({ length: cards }, (_, i) => ({
			id: `x${n}-${i}`,
			deckId: table,
			front: `Question ${n}.${i}`,
			back: `Answer ${n}.${i}`,
			frontText: `Question ${n}.${i}`,
			backText: `Answer ${n}.${i}`,
			source: { file, line: i + 3 },
			tableId: table,
			rowKey: `Question ${n}.${i}`,
			column: 'Answer',
			direction: 'forward' as const
		}))
	};
}

/**
 * From now on the site lists NOTES more notes beside the bundled one: the next start writes them.
 * The last note's file is sent only once `held` settles, so the update cannot end before.
 */
async function publishExtraNotes(page: Page, held: Promise<void> = Promise.resolve()) {
	const notes = Array.from({ length: NOTES }, (_, n) => extraNote(n, CARDS_PER_NOTE));
	const files = new Map(notes.map((note) => [`${note.decks[0].id}.json`, note]));
	const response = await page.request.get('/decks/index.json');
	const index = (await response.json()) as DeckIndex;
	const listed: DeckIndex = {
		...index,
		notes: [
			...index.notes,
			...notes.map((note) => ({
				file: note.file,
				json: `${note.decks[0].id}.json`,
				deckId: note.decks[0].id,
				cardCount: CARDS_PER_NOTE,
				hash: note.hash
			}))
		],
		decks: [...index.decks, ...notes.flatMap((note) => note.decks)]
	};
	const last = `${notes[NOTES - 1].decks[0].id}.json`;
	await page.route('**/decks/*.json', async (route) => {
		const name = new URL(route.request().url()).pathname.split('/').pop()!;
		if (name === 'index.json') return route.fulfill({ json: listed });
		const note = files.get(name);
		if (name === last) await held;
		return note ? route.fulfill({ json: note }) : route.continue();
	});
}

test('review goes on while a deck update writes 40,000 cards, which shows its progress and finishes', async ({ page }) => {
	test.setTimeout(180_000);
	const review = new ReviewPage(page);
	await review.open(pod);
	const [first, second, third] = cardsOf(pod);
	await review.expectQuestion(first.frontText);
	await review.rate('Good');

	// Packed in pages, 40,000 cards write in about a second, sooner than two ratings can be
	// sure to land: the update is held at its last file until they are in, then written.
	let release = () => {};
	await publishExtraNotes(page, new Promise((resolve) => (release = resolve)));
	await page.reload();
	const updating = page.getByRole('status').filter({ hasText: /Updating the decks: [\d,]+ of 40,000 cards/ });
	await expect(updating).toBeVisible();
	await review.expectQuestion(second.frontText);
	await review.rate('Good');
	await review.expectQuestion(third.frontText);
	await review.rate('Good');
	// Both ratings were saved while the update still ran.
	await expect(updating).toBeVisible();
	release();

	await expect(updating).toBeHidden({ timeout: 150_000 });
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 3 });
	await expect(page.getByRole('link', { name: `Open Extra ${NOTES - 1}`, exact: true })).toBeVisible();
});

test('a first visit shows the update from its download on, starts once notes are stored, and keeps its rating', async ({ page }) => {
	test.setTimeout(180_000);
	// Held at its last file, the update is downloading for as long as the test needs: packed in
	// pages, the notes after the first would be written too soon to see the line beside a card.
	let release = () => {};
	await publishExtraNotes(page, new Promise((resolve) => (release = resolve)));
	const review = new ReviewPage(page);
	await page.goto('/review?deck=' + pod.id);
	const loading = page.getByRole('status').filter({ hasText: /Updating the decks: 0 of [\d,]+ cards/ });
	await expect(loading).toBeVisible();
	await expectNoSeriousViolations(page);
	release();
	await review.expectQuestion(cardsOf(pod)[0].frontText);
	await review.rate('Good');
	await expect(page.getByRole('status').filter({ hasText: /Updating the decks/ })).toBeHidden({ timeout: 150_000 });
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 1 });
	await expect(page.getByRole('link', { name: `Open Extra ${NOTES - 1}`, exact: true })).toBeVisible();
});
