import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import type { DBCore, DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '$lib/backup/read';
import { BackupWriter } from '$lib/backup/write';
import { backupExam, backupSentToReview, backupSettings, exportBackup, previewRestore, restoreBackup } from './backup';
import { closeDatabase, database } from './database';
import { getExam, saveExam } from './exam';
import { cardReviewLog, getProgress, recordReview } from './progress';
import { todayTotals, todayTotalsFromRanges } from './deck-totals.testing';
import { sendToReview } from './quiz-review';
import { toProgressRow, toReviewLogRow } from './rows';
import { SENT_KEY, sentToReviewToday } from './sent';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, NEXT_DAY, NOW, openTestDatabase, progressOf, serve, storeRatings } from './testing';

const Y9999 = Date.UTC(9999, 0, 1);

async function freshDevice() {
	await openTestDatabase(new IDBFactory());
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
}

/** The backup this device would export at `now`, as text. */
async function exportText(now = NOW): Promise<string> {
	const head = {
		exportedAt: now,
		settings: await backupSettings(),
		preferences: {},
		sentToReview: await backupSentToReview(now),
		exam: await backupExam()
	};
	const writer = new BackupWriter(head, (texts) => texts.join(''));
	await exportBackup(writer);
	return writer.finish().join('');
}

async function review(cardId: string, at: number) {
	const before = await getProgress(cardId);
	const after = progressOf(cardId, { lastReview: at, due: at + 3 * DAY, reps: (before?.reps ?? 0) + 1 });
	await recordReview(after, logOf(after, before, at));
}

beforeEach(freshDevice);
afterEach(closeDatabase);

describe('a valid backup restores whatever the database holds', () => {
	it('after rows an older version could have written: a review in 9999, odd quiz and list rows', async () => {
		await review('s1', NOW - DAY);
		const good = await readBackup([await exportText()], { now: NOW });

		await freshDevice();
		const db = database();
		const forged = progressOf('s1', { lastReview: Y9999, due: Y9999 + DAY, stability: 1e300 });
		await db.progress.put(toProgressRow(forged, { deckId: 'svc', noteId: 'n1', live: 1 }));
		await storeRatings([toReviewLogRow(logOf(forged, null, Y9999), 'svc')]);
		await db.quizHistory.put({ id: 'odd', anything: [1] } as never);
		await db.settings.put({ key: SENT_KEY, value: 'not a list' });

		expect(await previewRestore(good)).toMatchObject({ cardsUpdated: 1, reviewsAdded: 1 });
		await restoreBackup(good);
		expect(await getProgress('s1')).toMatchObject({ lastReview: NOW - DAY, due: NOW + 2 * DAY, stability: 5 });
		// Nothing stored is deleted: the odd review stays beside the restored one.
		expect((await cardReviewLog('s1')).map((log) => log.review)).toEqual([NOW - DAY, Y9999]);
		expect(await db.quizHistory.get('odd')).toBeDefined();
	});
});

describe('the sent-to-review list travels in the backup', () => {
	it('is exported while its day lasts and restored into another browser', async () => {
		await sendToReview(['s2', 'l0'], NOW, NEXT_DAY);
		const text = await exportText();
		expect(JSON.parse(text).sentToReview).toEqual({ until: NEXT_DAY, cardIds: ['s2', 'l0'] });

		await freshDevice();
		await sendToReview(['s3'], NOW, NEXT_DAY);
		const backup = await readBackup([text], { now: NOW + HOUR });
		expect(await previewRestore(backup)).toMatchObject({ sentAdded: 2 });
		await restoreBackup(backup);
		expect(await sentToReviewToday(NOW + HOUR)).toEqual(['s3', 's2', 'l0']);
		expect(await previewRestore(backup)).toMatchObject({ sentAdded: 0 });
	});

	it('is left out once its study day is over, on export and on restore', async () => {
		await sendToReview(['s2'], NOW, NEXT_DAY);
		const text = await exportText();
		expect(JSON.parse(await exportText(NEXT_DAY + 1)).sentToReview).toBeUndefined();
		await freshDevice();
		const late = await readBackup([text], { now: NEXT_DAY + 1 });
		expect(await previewRestore(late)).toMatchObject({ sentAdded: 0 });
		await restoreBackup(late);
		expect(await database().settings.get(SENT_KEY)).toBeUndefined();
	});

	it('is checked like every other part of the file', async () => {
		await sendToReview(['s2'], NOW, NEXT_DAY);
		const backup = JSON.parse(await exportText());
		backup.sentToReview.until = Y9999;
		await expect(readBackup([JSON.stringify(backup)], { now: NOW })).rejects.toThrow(
			/sentToReview.until: must not be after the day after tomorrow/
		);
		backup.sentToReview = { until: NEXT_DAY, cardIds: ['bad id!'] };
		await expect(readBackup([JSON.stringify(backup)], { now: NOW })).rejects.toThrow(
			/sentToReview.cardIds.item 1: is not a well-formed card id/
		);
	});
});

describe('the interview date travels in the backup', () => {
	const exam = { date: '2025-03-20', target: 0.85, decks: { svc: '2025-03-15' } };

	it('is exported when set, restored into another browser, and left out when off', async () => {
		expect(JSON.parse(await exportText()).exam).toBeUndefined();
		await saveExam(exam);
		const text = await exportText();
		expect(JSON.parse(text).exam).toEqual(exam);
		await freshDevice();
		const backup = await readBackup([text], { now: NOW });
		expect(await previewRestore(backup)).toMatchObject({ settingsChanged: true });
		await restoreBackup(backup);
		expect(await getExam()).toEqual(exam);
	});

	it('is checked like every other part of the file', async () => {
		await saveExam(exam);
		const backup = JSON.parse(await exportText());
		backup.exam.target = 2;
		await expect(readBackup([JSON.stringify(backup)], { now: NOW })).rejects.toThrow(/exam: must be an interview date setting/);
	});
});

describe('older backup files', () => {
	it('a frozen version-1 file, from before the sent-to-review list, still imports whole', async () => {
		const text = readFileSync('tests/fixtures/backups/v1-2025-03.json', 'utf8');
		const backup = await readBackup([text], { now: Date.UTC(2026, 11, 6) });
		expect(await restoreBackup(backup)).toEqual({
			cardsAdded: 2,
			cardsUpdated: 0,
			reviewsAdded: 4,
			reviewsPresent: 0,
			quizAdded: 1,
			sentAdded: 0,
			settingsChanged: true,
			notesAdded: []
		});
		expect((await cardReviewLog('card-a')).map((log) => log.id)).toEqual(['id-1', 'id-2']);
		expect(await database().quizHistory.count()).toBe(1);
	});
});

describe('a restore writes the progress it adds without reading it first', () => {
	it('reads no progress row by key for cards this database has no row of, and keeps the deck totals right', async () => {
		await freshDevice();
		for (const [i, id] of ['s1', 's2', 'e1'].entries()) await review(id, NOW - (3 - i) * HOUR);
		const text = await exportText();
		await freshDevice();
		await review('p1', NOW - HOUR);
		// Progress rows asked for by key, counted below Dexie's other middleware (the deck totals' reads them).
		const keys = { read: 0 };
		const db = database();
		db.close();
		db.use({
			stack: 'dbcore',
			name: 'count-progress-keys',
			level: 0,
			create: (down: DBCore): DBCore => ({
				...down,
				table(name: string): DBCoreTable {
					const table = down.table(name);
					if (name !== 'progress') return table;
					return {
						...table,
						getMany: async (req) => {
							keys.read += req.keys.length;
							return table.getMany(req);
						}
					};
				}
			})
		});
		await db.open();
		const plan = await restoreBackup(await readBackup([text], { now: NOW }));
		expect(plan.cardsAdded).toBe(3);
		expect(keys.read).toBe(0);
		// The totals home reads moved with the added rows: equal to a count of the rows themselves.
		const max = { new: 1000, due: 1000 };
		const totals = await todayTotals(NOW, NEXT_DAY, max);
		expect(totals).toEqual(await todayTotalsFromRanges(NOW, NEXT_DAY, max));
		expect(totals.newAvailable).toBeGreaterThan(0);
		for (const id of ['s1', 's2', 'e1', 'p1']) expect((await getProgress(id))?.reps).toBe(1);
	});
});
