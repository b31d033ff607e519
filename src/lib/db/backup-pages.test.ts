import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '$lib/backup/read';
import { asVersion1, backupPagesText, backupText, progress, review, T0 } from '$lib/backup/testing';
import { BackupWriter } from '$lib/backup/write';
import { backupSettings, exportBackup, previewRestore, restoreBackup } from './backup';
import { closeDatabase, database } from './database';
import { decodePage, encodePage, storedRow } from './log-page';
import { addOddRows } from './odd-log';
import { recordReview } from './progress';
import { toReviewLogRow } from './rows';
import { syncDecks } from './sync';
import { DAY, HOUR, k8sNote, logOf, logsNote, NOW, openTestDatabase, progressOf, serve, storedRatings, storeRatings } from './testing';

const CARDS = ['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l0', 'l1', 'l2'];

async function freshDevice() {
	await openTestDatabase(new IDBFactory());
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
}

async function exportText(): Promise<string> {
	const writer = new BackupWriter({ exportedAt: NOW, settings: await backupSettings(), preferences: {} }, (texts) => texts.join(''));
	await exportBackup(writer);
	return writer.finish().join('');
}

const parse = (text: string) => readBackup([text], { now: NOW });

/**
 * 1,300 ratings as this device writes them (numbered in write order), s1's 1,100 over three
 * pages, their ids in no order (a restore that sorted a shard's rows by id would show), and a
 * card's progress from one rating of its own.
 */
async function studied(): Promise<void> {
	const rows = Array.from({ length: 1300 }, (_, i) => {
		const cardId = i < 1100 ? 's1' : CARDS[i % CARDS.length];
		const log = { ...logOf(progressOf(cardId), null, NOW - DAY - i * HOUR), id: `r-${String((i * 7919) % 1300).padStart(4, '0')}` };
		return { ...toReviewLogRow(log, 'svc'), seq: i + 1 };
	});
	await storeRatings(rows);
	const p2 = progressOf('p2', { lastReview: NOW - HOUR, due: NOW + 3 * DAY });
	await recordReview(p2, logOf(p2, null, NOW - HOUR));
}

/** Each stored page: its key and its ratings' ids in stored order. */
async function layout() {
	const values = await database().logPages.toArray();
	return values.map((value) => ({ shard: value.shard, page: value.page, ids: decodePage(value)!.rows.map((row) => row.id) }));
}

/** Everything a restore writes, row for row. */
async function snapshot() {
	const db = database();
	return {
		progress: await db.progress.toArray(),
		ratings: await storedRatings(),
		times: await db.logTimes.toArray(),
		quiz: await db.quizHistory.toArray(),
		// This device's own sync id is made at random.
		settings: (await db.settings.toArray()).filter((row) => row.key !== 'sync.device')
	};
}

beforeEach(freshDevice);
afterEach(closeDatabase);

describe('backup format 2: the log as pages', () => {
	it('exports the stored pages as they are, and restores them into an empty log as they were', async () => {
		await studied();
		const before = await layout();
		const beforeTimes = await database().logTimes.toArray();
		const text = await exportText();
		const file = JSON.parse(text);
		expect([file.version, file.counts.reviewLog, file.counts.logPages]).toEqual([2, 1301, before.length]);
		expect(file.logPages.map(([shard, ratings]: [number, string[][]]) => ({ shard, ids: ratings.map((t) => t[0]) }))).toEqual(
			before.map(({ shard, ids }) => ({ shard, ids }))
		);
		expect(before.filter((page) => page.ids.some((id) => id.startsWith('r-'))).map((page) => page.ids.length)).toContain(500);

		await freshDevice();
		const backup = await parse(text);
		expect(await restoreBackup(backup)).toMatchObject({ reviewsAdded: 1301, reviewsPresent: 0 });
		expect(await layout()).toEqual(before);
		expect(await database().logTimes.toArray()).toEqual(beforeTimes);
		// Each rating in its card's deck here, and nobody's latest: no write-order number.
		const decks: Record<string, string> = { s: 'svc', e: 'ext', p: 'probe', l: 'logs' };
		const ratings = await storedRatings();
		expect(ratings.filter((row) => row.deckId !== (row.cardId === 'l0' ? 'n2' : decks[row.cardId[0]]))).toEqual([]);
		expect(ratings.filter((row) => row.seq !== undefined)).toEqual([]);
	});

	it('restores a version-1 file and the version-2 file of the same data to equal databases, row for row', async () => {
		await studied();
		const text = await exportText();
		await freshDevice();
		const v2 = await parse(text);
		const plan = await previewRestore(v2);
		await restoreBackup(v2);
		const fromPages = await snapshot();
		// The file's tuples, passed on with their deck ids, are the text the log's own encoder writes.
		const values = await database().logPages.toArray();
		expect(values.length).toBeGreaterThan(1);
		for (const value of values) expect(value).toEqual(encodePage(value.shard, value.page, decodePage(value)!.rows));

		await freshDevice();
		const v1 = await parse(asVersion1(text));
		expect(v1.logPages).toBeNull();
		expect(await previewRestore(v1)).toEqual(plan);
		await restoreBackup(v1);
		expect(await snapshot()).toEqual(fromPages);
		expect(fromPages.ratings).toHaveLength(1301);
	});

	it('keeps -0 as the file has it, in a page’s odd rows, in either version', async () => {
		const content = { progress: [progress('x')], reviewLog: [review('z-1', 'x', T0, { durationMs: 4321 }), review('z-2', 'x', T0 - DAY)] };
		const negative = (text: string) => text.replace(',4321,', ',-0,');
		const now = { now: T0 + HOUR };
		const restored = [];
		for (const text of [negative(backupPagesText(content)), negative(backupText(content))]) {
			await freshDevice();
			await restoreBackup(await readBackup([text], now));
			const [value] = await database().logPages.toArray();
			restored.push({ odd: value.odd, rows: (JSON.parse(value.rows) as unknown[]).map((entry) => storedRow(entry)!.id) });
		}
		expect(restored[0]).toEqual(restored[1]);
		expect(restored[0].rows).toEqual(['z-2']);
		expect(Object.is(restored[0].odd![0].durationMs, -0)).toBe(true);
	});

	it('merges into a log that holds ratings: an id already here is neither doubled nor overwritten, odd rows stay', async () => {
		await studied();
		const text = await exportText();
		await freshDevice();
		const odd = await addOddRows('s2', 'svc');
		const file = JSON.parse(text);
		const [id, cardId] = file.logPages[0][1][0];
		const mine = { ...toReviewLogRow(logOf(progressOf(cardId), null, NOW - 2 * HOUR, 1), 'svc'), id };
		await storeRatings([mine]);
		const before = await layout();

		const backup = await parse(text);
		expect(await restoreBackup(backup)).toMatchObject({ reviewsAdded: 1300, reviewsPresent: 1 });
		const ratings = await storedRatings();
		expect(ratings).toHaveLength(1301 + odd.length);
		expect(ratings.find((row) => row.id === id)).toEqual(mine);
		expect(ratings.filter((row) => row.id.startsWith('odd-'))).toHaveLength(odd.length);
		// Merged: every rating already stored stays on its page.
		const after = await layout();
		for (const page of before) {
			const kept = after.find((p) => p.shard === page.shard && p.page === page.page)!.ids;
			expect(page.ids.filter((id) => !kept.includes(id))).toEqual([]);
		}
	});

	it('writes nothing when a page’s write fails half-way, or the counts’ after every page', async () => {
		await studied();
		const backup = await parse(await exportText());
		for (const table of ['logPages', 'logTimes'] as const) {
			await freshDevice();
			const before = await snapshot();
			let writes = 0;
			const fail = () => {
				if (table === 'logTimes' || ++writes === 3) throw new Error('disk full');
			};
			database()[table].hook('creating', fail);
			try {
				await expect(restoreBackup(backup)).rejects.toThrow('disk full');
			} finally {
				database()[table].hook('creating').unsubscribe(fail);
			}
			expect(await snapshot()).toEqual(before);
			expect(await database().logPages.count()).toBe(0);
		}
	});

	it('refuses a page the log could not hold, before anything is written', async () => {
		await studied();
		const text = await exportText();
		await freshDevice();
		const before = await snapshot();
		// s1's ratings renamed to l1: their page names s1's shard, and l1 is in another.
		const renamed = text.replace(/(\["r-\d+",)"s1"/, '$1"l1"');
		await expect(parse(renamed)).rejects.toThrow(/logPages page \d+ row 1, cardId: card l1 is in shard \d+, not in the page's shard \d+/);
		expect(await snapshot()).toEqual(before);
	});
});
