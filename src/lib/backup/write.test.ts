import { describe, expect, it } from 'vitest';
import { toProgressTuple, toReviewLogTuple } from './format';
import { readBackup } from './read';
import { progress, review, T0 } from './testing';
import { BackupWriter } from './write';

describe('BackupWriter', () => {
	it('packs sections every few characters and still writes one valid backup, a row per line', async () => {
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
		expect(JSON.parse(text).counts).toEqual({ progress: 20, reviewLog: 10, quizHistory: 0 });
	});
});
