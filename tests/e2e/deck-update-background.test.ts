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

/** From now on the site lists NOTES more notes beside the bundled one: the next start writes them. */
async function publishExtraNotes(page: Page) {
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
	await page.route('**/decks/*.json', (route) => {
		const name = new URL(route.request().url()).pathname.split('/').pop()!;
		if (name === 'index.json') return route.fulfill({ json: listed });
		const note = files.get(name);
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

	await publishExtraNotes(page);
	await page.reload();
	const updating = page.getByRole('status').filter({ hasText: /Updating the decks: [\d,]+ of 40,000 cards/ });
	await expect(updating).toBeVisible();
	await review.expectQuestion(second.frontText);
	await review.rate('Good');
	await review.expectQuestion(third.frontText);
	await review.rate('Good');
	// Both ratings were saved while the update still ran.
	await expect(updating).toBeVisible();

	await expect(updating).toBeHidden({ timeout: 150_000 });
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 3 });
	await expect(page.getByRole('link', { name: `Open Extra ${NOTES - 1}`, exact: true })).toBeVisible();
});

test('a first visit starts once the first note is stored, while the other notes load with their progress shown', async ({ page }) => {
	test.setTimeout(180_000);
	await publishExtraNotes(page);
	const review = new ReviewPage(page);
	await review.open(pod);
	const loading = page.getByRole('status').filter({ hasText: /Updating the decks: [\d,]+ of [\d,]+ cards/ });
	await review.expectQuestion(cardsOf(pod)[0].frontText);
	await expect(loading).toBeVisible();
	await expectNoSeriousViolations(page);
	await review.rate('Good');
	await expect(loading).toBeHidden({ timeout: 150_000 });
	const home = new HomePage(page);
	await home.open();
	await home.expectCounts({ done: 1 });
	await expect(page.getByRole('link', { name: `Open Extra ${NOTES - 1}`, exact: true })).toBeVisible();
});
