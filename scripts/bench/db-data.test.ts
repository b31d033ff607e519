import { afterEach, describe, expect, it } from 'vitest';
import { parseDeckIndex, parseNoteDecks } from '../../src/lib/db/deck-json';
import { closeDatabase, deckCounts, importProgress, syncDecks, todayStats } from '../../src/lib/db';
import { openTestDatabase } from '../../src/lib/db/testing';
import type { ReviewLogEntry } from '../../src/lib/scheduler/types';
import { generateBenchData } from './db-data';

const NOW = Date.UTC(2025, 2, 10, 12);
const options = { cards: 2500, reviews: 4000, seed: 7, now: NOW };

afterEach(closeDatabase);

describe('generateBenchData', () => {
	it('makes valid deck JSON with many decks and exactly the cards and reviews asked for', () => {
		const data = generateBenchData(options);
		const index = parseDeckIndex(data.index);
		const notes = index.notes.map((entry) => parseNoteDecks(data.files.get(entry.json), entry));
		expect(notes.reduce((sum, note) => sum + note.cards.length, 0)).toBe(2500);
		expect(index.decks.length).toBeGreaterThan(100);
		const log = [...data.reviewLogBatches(1000)].flat();
		expect(log).toHaveLength(4000);
		expect(new Set(log.map((row) => row.id)).size).toBe(4000);
		expect(log.every((row) => row.review < NOW)).toBe(true);
	});

	it('ends each card’s log in its stored progress, each row restoring the one before', () => {
		const data = generateBenchData(options);
		const byCard = new Map<string, ReviewLogEntry[]>();
		for (const row of [...data.reviewLogBatches(500)].flat()) byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);
		expect(byCard.size).toBe(data.progress.length);
		for (const progress of data.progress) {
			const rows = byCard.get(progress.cardId)!;
			expect(rows[0].previous).toBeNull();
			expect(rows.at(-1)).toMatchObject({ due: progress.due, stateAfter: progress.state, review: progress.lastReview });
			for (let i = 1; i < rows.length; i++) expect(rows[i].previous).toMatchObject({ due: rows[i - 1].due, reps: i });
		}
	});

	it('is the same for the same seed and differs for another', () => {
		const first = [...generateBenchData(options).reviewLogBatches(4000)][0];
		expect([...generateBenchData(options).reviewLogBatches(4000)][0]).toEqual(first);
		expect([...generateBenchData({ ...options, seed: 8 }).reviewLogBatches(4000)][0]).not.toEqual(first);
	});

	it('loads into the database', async () => {
		const data = generateBenchData({ ...options, cards: 600, reviews: 1500 });
		await openTestDatabase();
		await syncDecks(async (path) => data.files.get(path));
		await importProgress(data.progress);
		for (const batch of data.reviewLogBatches(500)) await importProgress([], batch);
		const root = data.index.notes[0].deckId;
		const counts = (await deckCounts(NOW, NOW + 86_400_000)).get(root)!;
		expect(counts.cards).toBe(600);
		expect(counts.newAvailable).toBeLessThan(600 - data.progress.length + 1);
		expect((await todayStats(0, NOW)).ratings).toBe(1500);
	});
});
