import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '$lib/backup/read';
import { DEFAULT_PARAMETERS } from '$lib/scheduler/fsrs';
import { BackupWriter } from '$lib/backup/write';
import { backupSettings, byShard, exportBackup, previewRestore, restoreBackup } from './backup';
import { toReviewLogTuple } from '$lib/backup/format';
import { asVersion1 } from '$lib/backup/testing';
import { shardOf } from './log-page';
import { backupReminderDue, dismissBackupReminder, markBackedUp } from './reminder';
import { closeDatabase, database } from './database';
import { cardReviewLog, getProgress, recordReview, resetProgress } from './progress';
import { addQuizResult } from './quiz';
import { getSettings, saveSettings } from './settings';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, NOW, openTestDatabase, progressOf, serve, storedRatings } from './testing';

async function exportText(): Promise<string> {
	const writer = new BackupWriter({ exportedAt: NOW, settings: await backupSettings(), preferences: {} }, (texts) => texts.join(''));
	await exportBackup(writer);
	return writer.finish().join('');
}

const parse = async (text: string) => readBackup([text], { now: NOW });

/** A fresh browser: empty database, decks synced. */
async function freshDevice() {
	await openTestDatabase(new IDBFactory());
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
}

async function everything() {
	const db = database();
	const strip = <T extends object>(rows: T[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	return {
		progress: strip(await db.progress.toArray()),
		// Write order (seq) numbers this browser's own ratings; a backup does not carry it (see SCHEMA_V3).
		reviewLog: strip((await storedRatings()).map(({ seq: _seq, ...row }) => row)),
		quiz: await db.quizHistory.toArray(),
		settings: await getSettings()
	};
}

async function review(cardId: string, at: number, rating: 1 | 2 | 3 | 4 = 3) {
	const before = await getProgress(cardId);
	const after = progressOf(cardId, { lastReview: at, due: at + 3 * DAY, reps: (before?.reps ?? 0) + 1 });
	const log = logOf(after, before, at, rating);
	await recordReview(after, log);
	return log;
}

function quizResult(id: string, at = NOW) {
	const answer = (cardId: string, outcome: 'correct' | 'wrong') => ({
		questionId: `q-${cardId}`,
		type: 'mcq' as const,
		prompt: cardId,
		given: 'x',
		expected: 'x',
		outcome,
		overruled: false,
		cardIds: [cardId]
	});
	return { id, at, deckIds: ['svc'], score: 1, total: 2, durationMs: 9000, answers: [answer('s1', 'correct'), answer('s2', 'wrong')] };
}

beforeEach(freshDevice);
afterEach(closeDatabase);

describe('backup export and restore', () => {
	it('reports how far export and restore have got, up to every row they move', async () => {
		await review('s1', NOW - 2 * DAY);
		await review('s1', NOW - DAY, 1);
		await review('p2', NOW - HOUR);
		const exported: [number, number][] = [];
		const writer = new BackupWriter({ exportedAt: NOW, settings: {}, preferences: {} }, (texts) => texts.join(''));
		await exportBackup(writer, (done, total) => exported.push([done, total]));
		// Two progress rows, then the three reviews as the log is stored (a page at a time), up to all of them.
		const climbs = (steps: [number, number][]) => steps.every(([done, total], i) => total === 5 && (i === 0 || done > steps[i - 1][0]));
		expect(exported[0]).toEqual([2, 5]);
		expect(exported.at(-1)).toEqual([5, 5]);
		expect(climbs(exported)).toBe(true);

		await freshDevice();
		const restored: [number, number][] = [];
		await restoreBackup(await parse(writer.finish().join('')), (done, total) => restored.push([done, total]));
		expect(restored[0]).toEqual([2, 5]);
		expect(restored.at(-1)).toEqual([5, 5]);
		expect(climbs(restored)).toBe(true);
	});

	it('brings everything back into an empty browser', async () => {
		await review('s1', NOW - 2 * DAY);
		await review('s1', NOW - DAY, 1);
		await review('p2', NOW - HOUR);
		await review('l2', NOW - HOUR);
		await resetProgress('l2'); // no progress row, but its log stays
		await addQuizResult(quizResult('q1'));
		// The person's own FSRS parameters travel with the other settings.
		await saveSettings({
			newPerDay: 7,
			learningSteps: ['2m', '1h'],
			w: DEFAULT_PARAMETERS.map((v) => Math.round(v * 1.05 * 10_000) / 10_000)
		});
		const before = await everything();
		const text = await exportText();

		await freshDevice();
		const backup = await parse(text);
		expect(backup.progress.map((t) => t[0]).sort()).toEqual(['l2', 'p2', 's1']);
		const plan = await previewRestore(backup);
		expect(plan).toEqual({
			cardsAdded: 2,
			cardsUpdated: 0,
			reviewsAdded: 4,
			reviewsPresent: 0,
			quizAdded: 1,
			sentAdded: 0,
			settingsChanged: true,
			notesAdded: []
		});
		expect(await everything()).not.toEqual(before);
		expect(await restoreBackup(backup)).toEqual(plan);
		expect(await everything()).toEqual(before);
	});

	it('changes nothing when the same backup is restored twice', async () => {
		await review('s1', NOW - DAY);
		const backup = await parse(await exportText());
		await restoreBackup(backup);
		const once = await everything();
		expect(await previewRestore(backup)).toEqual({
			cardsAdded: 0,
			cardsUpdated: 0,
			reviewsAdded: 0,
			reviewsPresent: 1,
			quizAdded: 0,
			sentAdded: 0,
			settingsChanged: false,
			notesAdded: []
		});
		await restoreBackup(backup);
		expect(await everything()).toEqual(once);
	});

	it('merges two devices: reviews add up, each card follows its latest review', async () => {
		const shared = await review('s1', NOW - 3 * DAY);
		const sharedText = await exportText();
		// Device A reviews s1 and s2 later.
		const a1 = await review('s1', NOW - DAY);
		const a2 = await review('s2', NOW - 2 * DAY);
		const fromA = await parse(await exportText());

		// Device B starts from the shared backup, then reviews s1 (last) and s2 (earlier than A).
		await freshDevice();
		await restoreBackup(await parse(sharedText));
		const b1 = await review('s1', NOW - HOUR);
		const b2 = await review('s2', NOW - 5 * DAY);
		expect(await previewRestore(fromA)).toMatchObject({ cardsAdded: 0, cardsUpdated: 1, reviewsAdded: 2, reviewsPresent: 1 });
		await restoreBackup(fromA);

		expect((await cardReviewLog('s1')).map((l) => l.id)).toEqual([shared.id, a1.id, b1.id]);
		expect((await cardReviewLog('s2')).map((l) => l.id)).toEqual([b2.id, a2.id]);
		expect((await getProgress('s1'))?.lastReview).toBe(NOW - HOUR); // B's own, later
		expect((await getProgress('s2'))?.lastReview).toBe(NOW - 2 * DAY); // A's, later
	});

	it('keeps progress of cards that are not in the notes, hidden, until they come back', async () => {
		await openTestDatabase(new IDBFactory());
		await syncDecks(serve([logsNote()]).fetchJson);
		await review('l1', NOW - DAY);
		// As version 1: a version-2 page names its cards' shard, which another card id would not match.
		const text = asVersion1(await exportText()).replaceAll('"l1"', '"gone-card"');
		await freshDevice();
		await restoreBackup(await parse(text));
		const row = await database().progress.where('cardId').equals('gone-card').first();
		expect(row).toMatchObject({ deckId: '', live: 0, active: 0 });
		expect(await cardReviewLog('gone-card')).toHaveLength(1);
	});

	it('applies nothing when any write fails', async () => {
		await review('s1', NOW - DAY);
		const backup = await parse(await exportText());
		await freshDevice();
		const before = await everything();
		// The log's write fails after the progress rows were put, in the same transaction.
		const fail = () => {
			throw new Error('disk full');
		};
		database().logPages.hook('creating', fail);
		try {
			await expect(restoreBackup(backup)).rejects.toThrow('disk full');
		} finally {
			database().logPages.hook('creating').unsubscribe(fail);
		}
		expect(await everything()).toEqual(before);
	});
});

describe('backup reminder', () => {
	it('shows after 7 study days with reviews since the last backup or dismissal', async () => {
		for (let day = 9; day >= 1; day--) await review(day % 2 ? 's1' : 's2', NOW - day * DAY);
		expect(await backupReminderDue(NOW, 4)).toBe(true);
		await markBackedUp(NOW - 3 * DAY - HOUR);
		expect(await backupReminderDue(NOW, 4)).toBe(false);
		await markBackedUp(0);
		await dismissBackupReminder(NOW - 6 * DAY - HOUR);
		expect(await backupReminderDue(NOW, 4)).toBe(false);
		await review('p2', NOW - HOUR); // the 7th study day since the dismissal
		expect(await backupReminderDue(NOW, 4)).toBe(true);
		await dismissBackupReminder(NOW);
		expect(await backupReminderDue(NOW, 4)).toBe(false);
	});
});

describe('byShard (the restore’s batches)', () => {
	it('groups the rows to add by shard, never splitting one, ids ascending within it, each row once', () => {
		expect.hasAssertions();
		const log = Array.from({ length: 300 }, (_, i) => {
			const tuple = toReviewLogTuple(logOf(progressOf(`card-${i % 37}`), null, NOW + i * HOUR, 3));
			tuple[0] = `id-${String((i * 7919) % 300).padStart(3, '0')}`;
			return tuple;
		});
		const indexes = log.map((_, i) => i).filter((i) => i % 5 !== 0);
		const placeOf = (cardId: string) => ({ deckId: `deck-of-${cardId}`, noteId: 'n', live: 1 as const });
		const batches = [...byShard(log, indexes, placeOf, 20)];
		const rows = batches.flat();
		expect(rows.map((row) => row.id).sort()).toEqual(indexes.map((i) => log[i][0]).sort());
		expect(rows.every((row) => row.deckId === `deck-of-${row.cardId}`)).toBe(true);
		const shardsOf = batches.map((batch) => new Set(batch.map((row) => shardOf(row.cardId))));
		for (let b = 1; b < batches.length; b++)
			for (const shard of shardsOf[b])
				expect(
					shardsOf.slice(0, b).some((seen) => seen.has(shard)),
					`shard ${shard} split`
				).toBe(false);
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.slice(0, -1).every((batch) => batch.length >= 20)).toBe(true);
		for (const batch of batches) {
			const keys = batch.map((row) => [shardOf(row.cardId), row.id] as const);
			expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
		}
	});
});
