import { describe, expect, it } from 'vitest';
import { fromProgressTuple, fromReviewLogTuple } from './format';
import { BackupError, readBackup } from './read';
import { backupText, progress, review, sampleBackup, T0 } from './testing';

const chunks = (text: string, size = 17) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

async function refusal(text: string): Promise<BackupError> {
	try {
		await readBackup(chunks(text));
	} catch (error) {
		if (error instanceof BackupError) return error;
		throw error;
	}
	throw new Error('the backup was accepted');
}

describe('readBackup', () => {
	it('gives back exactly what was written, however the text is cut', async () => {
		const content = sampleBackup();
		const text = backupText(content);
		for (const size of [1, 17, 4096]) {
			const parsed = await readBackup(chunks(text, size));
			expect(parsed.progress.map(fromProgressTuple)).toEqual(content.progress);
			expect(parsed.reviewLog.map(fromReviewLogTuple)).toEqual(content.reviewLog);
			expect(parsed.header.exportedAt).toBe(new Date(T0).toISOString());
			expect(parsed.logIdsAscending).toBe(true);
			expect([parsed.from, parsed.to]).toEqual([T0 - 3 * 86_400_000, T0]);
		}
	});

	it('reads an empty backup', async () => {
		const parsed = await readBackup([backupText({ progress: [], reviewLog: [] })]);
		expect([parsed.progress, parsed.reviewLog, parsed.from]).toEqual([[], [], null]);
	});

	it('accepts the same content pretty-printed, in another order', async () => {
		const parsed = JSON.parse(backupText(sampleBackup()));
		const { progress: rows, ...rest } = parsed;
		const reordered = JSON.stringify({ reviewLog: rest.reviewLog, ...rest, progress: rows }, null, 2);
		expect((await readBackup(chunks(reordered))).reviewLog).toHaveLength(4);
	});

	it('notes when review-log ids are not in ascending order, and still finds duplicates', async () => {
		const content = sampleBackup();
		content.reviewLog.reverse();
		expect((await readBackup([backupText(content)])).logIdsAscending).toBe(false);
		content.reviewLog[1] = { ...content.reviewLog[1], id: content.reviewLog[0].id };
		expect((await refusal(backupText(content))).message).toMatch(/reviewLog has the id id-4 twice/);
	});
});

describe('readBackup refuses', () => {
	const good = backupText(sampleBackup());
	const edit = (change: (backup: Record<string, any>) => void) => {
		const backup = JSON.parse(good);
		change(backup);
		return JSON.stringify(backup);
	};

	it.each([
		['text that is not JSON', 'Dear diary, today I reviewed.', 'json', /Not valid JSON/],
		['a truncated file', good.slice(0, Math.floor(good.length * 0.7)), 'truncated', /ends early/],
		['a file cut between rows', good.slice(0, good.indexOf('\n["id-3"')), 'truncated', /ends early inside "reviewLog"/],
		['other JSON', '{"cards": [1, 2, 3]}', 'format', /not a Tabledeck backup/],
		['a JSON array', '[1, 2]', 'json', /expected "\{"/],
		['another format name', edit((b) => (b.format = 'anki-backup')), 'format', /not a Tabledeck backup/],
		['another version', edit((b) => (b.version = 2)), 'version', /version 2 backup; this app reads version 1/],
		['no version', edit((b) => delete b.version), 'format', /no version/],
		['negative stability', edit((b) => (b.progress[0][2] = -1)), 'invalid', /progress row 1, stability: must not be negative \(found -1\)/],
		['a rating of 5', edit((b) => (b.reviewLog[2][2] = 5)), 'invalid', /reviewLog row 3, rating: must be a rating: 1, 2, 3 or 4 \(found 5\)/],
		['a rating of 0', edit((b) => (b.reviewLog[0][2] = 0)), 'invalid', /reviewLog row 1, rating/],
		['a bad previous state', edit((b) => (b.reviewLog[1][12][8] = 7)), 'invalid', /reviewLog row 2, previous.state: must be a card state/],
		['a review time that is text', edit((b) => (b.reviewLog[1][3] = 'yesterday')), 'invalid', /reviewLog row 2, review: must be a number/],
		['a short row', edit((b) => b.progress[1].pop()), 'invalid', /progress row 2, buriedUntil: must be a number \(found nothing\)/],
		['a malformed card id', edit((b) => (b.progress[0][0] = 'card a; drop')), 'invalid', /progress row 1, cardId: is not a well-formed card id/],
		['a log row for a card it does not list', edit((b) => (b.reviewLog[3][1] = 'card-z')), 'invalid', /reviewLog row 4 \(id id-4\) is for card card-z.*unknown card/],
		['a card listed twice', edit((b) => b.progress.push(b.progress[0])), 'invalid', /progress lists card card-a twice|says 3 progress rows/],
		['rows missing against the counts', edit((b) => b.reviewLog.pop()), 'invalid', /says 4 reviewLog rows, but the file holds 3/],
		['an out-of-range setting', edit((b) => (b.settings.desiredRetention = 1.5)), 'invalid', /settings: holds a scheduler setting/],
		['wrong columns', edit((b) => b.columns.reviewLog.reverse()), 'invalid', /columns.reviewLog: must be id, cardId/]
	])('%s', async (_name, text, kind, message) => {
		const error = await refusal(text);
		expect(error.kind).toBe(kind);
		expect(error.message).toMatch(message);
	});

	it('a difficulty above 10 and a negative duration', async () => {
		const content = { progress: [progress('x', { difficulty: 11 })], reviewLog: [review('r', 'x', T0, { durationMs: -5 })] };
		expect((await refusal(backupText(content))).message).toMatch(/progress row 1, difficulty: must be at most 10/);
	});
});
