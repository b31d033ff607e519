import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteDecks } from '$lib/notes/types';
import { mulberry32, randomInt, type Rng } from '$lib/quiz/rng';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardStateKind } from '$lib/scheduler/types';
import { importProgress } from './bulk';
import { deckCounts } from './counts';
import { closeDatabase, database } from './database';
import { tally } from './deck-totals';
import { toShardRows } from './deck-totals-pack';
import { countReads, logReads, outsideLog } from './deck-totals.testing';
import { buryUntil, getProgress, recordReview, resetProgress, setSuspended } from './progress';
import { syncDecks } from './sync';
import { homeRead } from './home-read';
import { saveExam } from './exam';
import { sendToReview } from './quiz-review';
import { DEFAULT_EXAM } from '$lib/scheduler/exam-settings';
import { noteDeckCounts } from './totals';
import { DAY, HOUR, logOf, makeNote, MINUTE, NOW, openTestDatabase, progressOf, serve, type DeckSpec } from './testing';

beforeEach(async () => {
	await openTestDatabase();
});
afterEach(closeDatabase);

/** The notes' root lines as home reads them (homeRead), with the default limits. */
const rootDeckCounts = async (now: number, next: number) => (await homeRead(now, next - DAY, next, () => ({ new: 20, due: 200 }))).roots;

const STATES: CardStateKind[] = [NEW, LEARNING, REVIEW, RELEARNING];
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randomInt(rng, xs.length)];
const someTime = (rng: Rng) => Math.round(NOW + (rng() - 0.5) * 4 * DAY);

/** Notes of random trees: each deck below an earlier one of its note, 0–5 cards each. */
function randomNotes(rng: Rng, version: number): NoteDecks[] {
	return Array.from({ length: 1 + randomInt(rng, 4) }, (_, n) => {
		const specs: DeckSpec[] = [];
		const decks = 1 + randomInt(rng, 7);
		for (let d = 0; d < decks; d++) {
			const id = d === 0 ? `note${n}` : `note${n}-d${d}`;
			const cards = Array.from({ length: randomInt(rng, 6) }, (_, c) => `${id}-c${c}`);
			specs.push({ id, parentId: d === 0 ? undefined : specs[randomInt(rng, d)].id, cards });
		}
		return makeNote(`note${n}.md`, `h${n}-${version}`, specs);
	});
}

/** A random collection: decks, then progress of every kind the app writes, then a deck update that moves some cards out. */
async function randomCollection(rng: Rng): Promise<void> {
	const first = randomNotes(rng, 1);
	await syncDecks(serve(first).fetchJson);
	const cards = first.flatMap((note) => note.cards.map((card) => card.id));
	if (cards.length === 0) return;
	const some = (n: number) => Array.from({ length: n }, () => pick(rng, cards));
	await importProgress(
		[...new Set(some(cards.length))].map((id) =>
			progressOf(id, { state: pick(rng, STATES), due: someTime(rng), suspended: rng() < 0.1 ? 1 : 0 })
		)
	);
	for (const id of some(5)) {
		const next = progressOf(id, { state: pick(rng, STATES.slice(1)), due: someTime(rng) });
		await recordReview(next, logOf(next, await getProgress(id), NOW - MINUTE));
	}
	for (const id of some(3)) await setSuspended(id, rng() < 0.7, NOW);
	for (const id of some(4)) await buryUntil(id, NOW + HOUR, NOW);
	for (const id of some(2)) await resetProgress(id, NOW);
	// The next version of the notes: some notes and decks gone, the cards of the rest kept.
	if (rng() < 0.5) await syncDecks(serve(first.filter(() => rng() < 0.7)).fetchJson);
}

describe('the notes’ root lines', () => {
	it('count each note as deckCounts counts its root, and an opened note’s decks as deckCounts does', async () => {
		const rng = mulberry32(20_261_208);
		// So the comparison is not of zeros: how many root lines had cards due, learning, or new cards held back.
		const seen = { due: 0, learning: 0, held: 0 };
		for (let i = 0; i < 25; i++) {
			await database().delete();
			await openTestDatabase();
			await randomCollection(rng);
			// On the 15-minute grid, and off it.
			for (const next of [NOW + 16 * HOUR, NOW + 4 * HOUR + 7 * MINUTE]) {
				const expected = await deckCounts(NOW, next);
				const roots = await rootDeckCounts(NOW, next);
				const rootIds = await database()
					.decks.filter((deck) => deck.parentId === null)
					.primaryKeys();
				expect(roots.map((root) => root.deck.id).sort(), `collection ${i}: a line per note`).toEqual(rootIds.sort());
				for (const root of roots) {
					expect(root.counts, `collection ${i}, note ${root.deck.id}`).toEqual(expected.get(root.deck.id));
					seen.due += root.counts.due > 0 ? 1 : 0;
					seen.learning += root.counts.learning > 0 ? 1 : 0;
					seen.held += root.counts.newAvailable < root.counts.cards ? 1 : 0;
					const opened = await noteDeckCounts(root.deck.id, NOW, next);
					expect(opened.decks[0].id).toBe(root.deck.id);
					for (const deck of opened.decks)
						expect(opened.counts.get(deck.id), `collection ${i}, deck ${deck.id}`).toEqual(expected.get(deck.id));
					expect(root.hasSubDecks, `collection ${i}, note ${root.deck.id}`).toBe(
						opened.decks.some((deck) => deck.cardCount > 0 && deck.parentId !== null)
					);
				}
			}
		}
		expect(Math.min(seen.due, seen.learning, seen.held)).toBeGreaterThan(10);
	}, 60_000);

	it('read note rows, root deck rows, the totals rows and the buried rows; an opened note reads only its own decks', async () => {
		const big = (n: number): DeckSpec[] => [
			{ id: `big${n}` },
			{ id: `big${n}-a`, parentId: `big${n}`, cards: Array.from({ length: 100 }, (_, i) => `big${n}-a${i}`) },
			{ id: `big${n}-b`, parentId: `big${n}`, cards: Array.from({ length: 50 }, (_, i) => `big${n}-b${i}`) },
			{ id: `big${n}-c`, parentId: `big${n}-b`, cards: Array.from({ length: 50 }, (_, i) => `big${n}-c${i}`) }
		];
		const notes = [0, 1, 2].map((n) => makeNote(`big${n}.md`, `h${n}`, big(n)));
		await syncDecks(serve(notes).fetchJson);
		const rng = mulberry32(9);
		const cards = notes.flatMap((note) => note.cards.map((card) => card.id)).filter(() => rng() < 0.8);
		await importProgress(
			cards.map((id) => progressOf(id, { state: pick(rng, STATES), due: someTime(rng), buriedUntil: rng() < 0.1 ? NOW + HOUR : 0 }))
		);
		const buried = (await database().progress.toArray()).filter((row) => row.buriedUntil > NOW).length;
		expect(buried).toBeGreaterThan(0);
		const next = Math.ceil(NOW / DAY) * DAY;
		// The rows holding the decks' totals, and the one saying they are complete.
		const totalsRows = 1 + toShardRows(tally(await database().progress.toArray()).values()).length;

		const roots = await countReads(() => rootDeckCounts(NOW, next));
		// The settings rows home asks for (sent cards, the interview date) are not there yet, nor any rating.
		expect(outsideLog(roots.rows)).toEqual({ settings: 0, notes: 3, decks: 3, deckTotals: totalsRows, progress: buried });
		expect(outsideLog(roots.keys)).toEqual({});
		expect(logReads(roots)).toBe(0);

		// Cards sent to today's review, an interview date, and more ratings today than the limits:
		// home reads the two settings rows, the directory row of the sent cards' note (no card
		// page: it needs their places, not their text), and the day's counts from the log (at
		// most a record per rating of the day, however log-store keeps them).
		const fresh = notes.flatMap((note) => note.cards.map((card) => card.id)).filter((id) => !cards.includes(id));
		await sendToReview(fresh.slice(0, 2), NOW, next);
		await saveExam({ ...DEFAULT_EXAM, date: '2099-01-01' });
		const today = (state: CardStateKind, i: number) => logOf(progressOf(cards[i]), progressOf(cards[i], { state }), NOW - i * MINUTE);
		await importProgress(
			[],
			[...Array.from({ length: 30 }, (_, i) => today(NEW, i)), ...Array.from({ length: 30 }, (_, i) => today(REVIEW, i))]
		);
		const home = await countReads(() => homeRead(NOW, NOW - HOUR, next, (sent) => ({ new: 5 + sent, due: 10 })));
		expect(outsideLog(home.rows)).toEqual({ settings: 2, cardNotes: 1, notes: 3, decks: 3, deckTotals: totalsRows, progress: buried });
		// A sent card's note is found by one key of the directories' card-id index.
		expect(outsideLog(home.keys)).toEqual({ cardNotes: 2 });
		expect(logReads(home)).toBeLessThanOrEqual(60);

		const opened = await countReads(() => noteDeckCounts('big1', NOW, next));
		expect(Object.fromEntries(opened.rows)).toEqual({ decks: 4, deckTotals: totalsRows, progress: buried });
		expect(Object.fromEntries(opened.keys)).toEqual({});
	});
});
