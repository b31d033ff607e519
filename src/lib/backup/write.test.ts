import { describe, expect, it } from 'vitest';
import { toProgressTuple, toReviewLogTuple } from './format';
import { shardOf } from '$lib/db/log-page';
import { readBackup } from './read';
import { progress, review, T0 } from './testing';
import { BackupWriter } from './write';

describe('BackupWriter', () => {
	it('packs sections every few characters and still writes one valid backup (version 1: the log as rows), a row per line', async () => {
		const packed: string[][] = [];
		const writer = new BackupWriter(
			{ exportedAt: T0, settings: {}, preferences: {} },
			(texts) => (packed.push(texts), texts.join('')),
			100
		);
		const cards = Array.from({ length: 20 }, (_, i) => progress(`c${i}`));
		// Sections may be filled in any order and in several batches.
		writer.rows(
			'reviewLog',
			cards.slice(0, 10).map((p, i) => toReviewLogTuple(review(`r${i}`, p.cardId, T0)))
		);
		writer.rows('progress', cards.slice(0, 5).map(toProgressTuple));
		writer.rows('progress', cards.slice(5).map(toProgressTuple));
		const text = writer.finish().join('');
		expect(packed).toHaveLength(3); // every batch went past 100 characters
		expect(text.split('\n').filter((line) => line.startsWith('["c'))).toHaveLength(20);
		const backup = await readBackup([text], { now: T0 });
		expect([backup.progress.length, backup.reviewLog.length, backup.quizHistory.length]).toEqual([20, 10, 0]);
		expect(JSON.parse(text)).toMatchObject({ version: 1, counts: { progress: 20, reviewLog: 10, quizHistory: 0 } });
	});

	it('writes the log as pages in a version-2 file, a page a line, and never rows and pages at once', async () => {
		const cards = Array.from({ length: 4 }, (_, i) => progress(`c${i}`));
		const ratings = cards.map((p, i) => toReviewLogTuple(review(`r${i}`, p.cardId, T0)));
		const writer = new BackupWriter({ exportedAt: T0, settings: {}, preferences: {} }, (texts) => texts.join(''), 100);
		writer.rows('progress', cards.map(toProgressTuple));
		writer.pages(ratings.map((rating) => [shardOf(rating[1]), [rating]]));
		const text = writer.finish().join('');
		const file = JSON.parse(text);
		expect([file.version, file.counts, 'reviewLog' in file]).toEqual([
			2,
			{ progress: 4, logPages: 4, reviewLog: 4, quizHistory: 0 },
			false
		]);
		expect(text.split('\n').filter((line) => /^\[\d+,\[\["r\d"/.test(line))).toHaveLength(4);
		expect((await readBackup([text], { now: T0 })).logPages).toHaveLength(4);

		writer.rows('reviewLog', ratings);
		expect(() => writer.finish()).toThrow(/as rows or as pages, not both/);
	});
});
