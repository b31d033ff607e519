import { describe, expect, it } from 'vitest';
import { fromProgressTuple, fromReviewLogTuple } from './format';
import { firstRepeated, readBackup } from './read';
import { backupText, chunks, edited, progress, refusal, review, sampleBackup, T0 } from './testing';

/** Read an hour after the sample backup was made. */
const AT = { now: T0 + 3_600_000 };

describe('readBackup', () => {
	it('gives back exactly what was written, however the text is cut', async () => {
		const content = sampleBackup();
		const text = backupText(content);
		for (const size of [1, 17, 4096]) {
			const parsed = await readBackup(chunks(text, size), AT);
			expect(parsed.progress.map(fromProgressTuple)).toEqual(content.progress);
			expect(parsed.reviewLog.map(fromReviewLogTuple)).toEqual(content.reviewLog);
			expect(parsed.header.exportedAt).toBe(new Date(T0).toISOString());
			expect(parsed.logIdsAscending).toBe(true);
			expect([parsed.from, parsed.to]).toEqual([T0 - 3 * 86_400_000, T0]);
		}
	});

	it('reads an empty backup', async () => {
		const parsed = await readBackup([backupText({ progress: [], reviewLog: [] })], AT);
		expect([parsed.progress, parsed.reviewLog, parsed.from]).toEqual([[], [], null]);
	});

	it('accepts the same content pretty-printed, in another order', async () => {
		const parsed = JSON.parse(backupText(sampleBackup()));
		const { progress: rows, ...rest } = parsed;
		const reordered = JSON.stringify({ reviewLog: rest.reviewLog, ...rest, progress: rows }, null, 2);
		expect((await readBackup(chunks(reordered), AT)).reviewLog).toHaveLength(4);
	});

	it('notes when review-log ids are not in ascending order, and still finds duplicates', async () => {
		const content = sampleBackup();
		content.reviewLog.reverse();
		expect((await readBackup([backupText(content)], AT)).logIdsAscending).toBe(false);
		content.reviewLog[1] = { ...content.reviewLog[1], id: content.reviewLog[0].id };
		expect((await refusal(backupText(content))).message).toMatch(/reviewLog has the id id-4 twice/);
	});
});

describe('readBackup refuses', () => {
	const good = backupText(sampleBackup());
	const edit = (change: (backup: Record<string, any>) => void) => edited(good, change);

	it.each([
		['text that is not JSON', 'Dear diary, today I reviewed.', 'json', /Not valid JSON/],
		['a truncated file', good.slice(0, Math.floor(good.length * 0.7)), 'truncated', /ends early/],
		['a file cut between rows', good.slice(0, good.indexOf('\n["id-3"')), 'truncated', /ends early inside "reviewLog"/],
		['other JSON', '{"cards": [1, 2, 3]}', 'format', /not a Tabledeck backup/],
		['a JSON array', '[1, 2]', 'json', /expected "\{"/],
		['another format name', edit((b) => (b.format = 'anki-backup')), 'format', /not a Tabledeck backup/],
		['another version', edit((b) => (b.version = 3)), 'version', /version 3 backup; this app reads versions 1 and 2/],
		[
			'a version-1 log in a version-2 file',
			edit((b) => (b.version = 2)),
			'invalid',
			/version 2 backup holds its review log in logPages alone/
		],
		['no version', edit((b) => delete b.version), 'format', /no version/],
		['negative stability', edit((b) => (b.progress[0][2] = -1)), 'invalid', /progress row 1, stability: must not be negative \(found -1\)/],
		[
			'a rating of 5',
			edit((b) => (b.reviewLog[2][2] = 5)),
			'invalid',
			/reviewLog row 3, rating: must be a rating: 1, 2, 3 or 4 \(found 5\)/
		],
		['a rating of 0', edit((b) => (b.reviewLog[0][2] = 0)), 'invalid', /reviewLog row 1, rating/],
		['a bad previous state', edit((b) => (b.reviewLog[1][12][8] = 7)), 'invalid', /reviewLog row 2, previous.state: must be a card state/],
		['a review time that is text', edit((b) => (b.reviewLog[1][3] = 'yesterday')), 'invalid', /reviewLog row 2, review: must be a number/],
		['a short row', edit((b) => b.progress[1].pop()), 'invalid', /progress row 2, buriedUntil: must be a number \(found nothing\)/],
		[
			'a malformed card id',
			edit((b) => (b.progress[0][0] = 'card a; drop')),
			'invalid',
			/progress row 1, cardId: is not a well-formed card id/
		],
		[
			'a log row for a card it does not list',
			edit((b) => (b.reviewLog[3][1] = 'card-z')),
			'invalid',
			/reviewLog row 4 \(id id-4\) is for card card-z.*unknown card/
		],
		[
			'a card listed twice',
			edit((b) => b.progress.push(b.progress[0])),
			'invalid',
			/progress lists card card-a twice|says 3 progress rows/
		],
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

describe('readBackup refuses values that cannot be right', () => {
	const YEAR = 365.25 * 86_400_000;
	const DAY = 86_400_000;
	const quiz = (fields: Record<string, unknown> = {}) => ({
		id: 'quiz-1',
		at: T0 - DAY,
		deckIds: ['d1'],
		score: 1,
		total: 1,
		durationMs: 5000,
		answers: [
			{ questionId: 'q1', type: 'mcq', prompt: 'Pod', given: 'a', expected: 'a', outcome: 'correct', overruled: false, cardIds: ['card-a'] }
		],
		...fields
	});
	const edit = (change: (backup: Record<string, any>) => void) => {
		const backup = JSON.parse(backupText(sampleBackup()));
		backup.quizHistory = [quiz()];
		change(backup);
		backup.counts = { progress: backup.progress.length, reviewLog: backup.reviewLog.length, quizHistory: backup.quizHistory.length };
		return JSON.stringify(backup);
	};

	it('accepts the sample as it is, with a quiz result', async () => {
		expect((await readBackup([edit(() => {})], AT)).quizHistory).toEqual([quiz()]);
	});

	it('accepts a card sent to review just before a last review from a clock an hour ahead', async () => {
		const text = edit((b) => (b.progress[0][1] = b.progress[0][10] - 3_600_000));
		expect((await readBackup([text], AT)).progress).toHaveLength(3);
	});

	it.each([
		[
			'a review in year 9999',
			(b: any) => (b.reviewLog[0][3] = Date.UTC(9999, 0, 1)),
			/reviewLog row 1, review: must not be after tomorrow \(found 253370764800000\)/
		],
		['a review two days ahead', (b: any) => (b.reviewLog[1][3] = T0 + 3 * DAY), /reviewLog row 2, review: must not be after tomorrow/],
		[
			'a review before 2000',
			(b: any) => (b.reviewLog[2][3] = Date.UTC(1999, 11, 31)),
			/reviewLog row 3, review: must be a time after 2000-01-01/
		],
		[
			'a last review in 9999',
			(b: any) => (b.progress[1][10] = Date.UTC(9999, 0, 1)),
			/progress row 2, lastReview: must not be after tomorrow/
		],
		[
			'a due date 101 years ahead',
			(b: any) => (b.progress[0][1] = T0 + 101 * YEAR),
			/progress row 1, due: must not be after 100 years from now/
		],
		[
			'a due date of 0 for a reviewed card',
			(b: any) => (b.progress[0][1] = 0),
			/progress row 1, due: must be a time: only a new card has none/
		],
		[
			'a due date before the last review',
			(b: any) => (b.progress[0][1] = b.progress[0][10] - 2 * DAY),
			/progress row 1, due: is before the last review/
		],
		['a bury until 1970', (b: any) => (b.progress[0][12] = 1000), /progress row 1, buriedUntil: must be a time after 2000-01-01, or 0/],
		['stability 1e300', (b: any) => (b.progress[0][2] = 1e300), /progress row 1, stability: must be at most 36500/],
		[
			'stability below FSRS minimum',
			(b: any) => (b.progress[0][2] = 0.0001),
			/progress row 1, stability: and difficulty must both be 0 \(never rated\) or at least 0.001 and 1/
		],
		['difficulty 0 with a stability', (b: any) => (b.progress[1][3] = 0), /progress row 2, stability: and difficulty/],
		['negative lapses', (b: any) => (b.progress[0][8] = -1), /progress row 1, lapses: must not be negative/],
		['more lapses than reps', (b: any) => (b.progress[0][8] = 9), /progress row 1, lapses: cannot exceed reps \(2\)/],
		['fractional reps', (b: any) => (b.progress[0][7] = 2.5), /progress row 1, reps: must be a whole number/],
		['a state of 4', (b: any) => (b.progress[0][9] = 4), /progress row 1, state: must be a card state/],
		['a rating of 7', (b: any) => (b.reviewLog[1][2] = 7), /reviewLog row 2, rating: must be a rating/],
		[
			'a review whose due date precedes it',
			(b: any) => (b.reviewLog[1][8] = b.reviewLog[1][3] - 1),
			/reviewLog row 2, due: is before the review itself/
		],
		['a review leaving a card new', (b: any) => (b.reviewLog[1][5] = 0), /reviewLog row 2, stateAfter: cannot be new/],
		[
			'a review whose state before is not its previous state',
			(b: any) => (b.reviewLog[1][4] = 1),
			/reviewLog row 2, stateBefore: must be the previous state's \(2\)/
		],
		[
			'a first review of a card that was not new',
			(b: any) => (b.reviewLog[0][4] = 2),
			/reviewLog row 1, stateBefore: must be 0 \(new\) when there is no previous state/
		],
		[
			'an impossible previous state',
			(b: any) => (b.reviewLog[1][12][1] = 1e300),
			/reviewLog row 2, previous.stability: must be at most 36500/
		],
		[
			'a previous due before its last review',
			(b: any) => (b.reviewLog[1][12][0] = Date.UTC(2001, 0, 1)),
			/reviewLog row 2, previous.due: is before the last review/
		],
		['a quiz result of any shape', (b: any) => (b.quizHistory[0] = { id: 'x', anything: [1, 2] }), /quizHistory row 1/],
		['a quiz result with an extra field', (b: any) => (b.quizHistory[0] = quiz({ script: '<x>' })), /quizHistory row 1, script/],
		['a quiz answer with an extra field', (b: any) => (b.quizHistory[0].answers[0].html = '<x>'), /quizHistory row 1, answers.item 1.html/],
		['a quiz in year 9999', (b: any) => (b.quizHistory[0].at = Date.UTC(9999, 0, 1)), /quizHistory row 1, at: must not be after tomorrow/],
		[
			'a quiz scoring more than its total',
			(b: any) => (b.quizHistory[0] = quiz({ score: 3 })),
			/quizHistory row 1, score: cannot exceed the total \(1\)/
		],
		[
			'a quiz counting more answers than it holds',
			(b: any) => (b.quizHistory[0] = quiz({ score: 0, total: 2 })),
			/quizHistory row 1, total: cannot exceed the 1 answers/
		],
		[
			'a quiz answer of an unknown type',
			(b: any) => (b.quizHistory[0].answers[0].type = 'essay'),
			/quizHistory row 1, answers.item 1.type: must be a question type/
		],
		['a negative quiz duration', (b: any) => (b.quizHistory[0].durationMs = -1), /quizHistory row 1, durationMs: must not be negative/],
		[
			'a backup made in 9999',
			(b: any) => (b.exportedAt = '9999-01-01T00:00:00.000Z'),
			/The header, exportedAt: must be a time between 2000 and tomorrow/
		]
	])('%s', async (_name, change, message) => {
		const error = await refusal(edit(change));
		expect(error.kind).toBe('invalid');
		expect(error.message).toMatch(message);
		// The section and row again, apart, for a message in the person's language.
		const [, section, row] = /^(\w+) row (\d+)/.exec(error.message) ?? [null, null, null];
		expect(error.at).toEqual(section ? { section, row: Number(row) } : null);
	});
});

describe('readBackup stays bounded whatever the file holds', () => {
	const head = '{"format":"tabledeck-backup","version":1,';

	it('refuses 100,000 nested lists at once, as too deep', async () => {
		const error = await refusal(head + '"progress":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
		expect([error.kind, error.message]).toEqual([
			'limit',
			expect.stringMatching(/^Nesting deeper than 6 levels at character \d+: a backup never nests that deep$/)
		]);
	});

	it('refuses a giant string while it streams in, without reading the rest', async () => {
		let chunks = 0;
		async function* endless() {
			yield head + '"reviewLog":[["';
			for (;;) {
				chunks++;
				yield 'x'.repeat(1 << 20);
			}
		}
		const error = await readBackup(endless(), AT).catch((e: unknown) => e);
		expect(error).toMatchObject({ kind: 'limit', message: expect.stringMatching(/a value in "reviewLog" is longer than 16 MB/) });
		// 16 MB of it, and not a chunk more.
		expect(chunks).toBe(16);
	});

	it('refuses a section with more rows than any backup, as soon as it passes the limit', async () => {
		// In one chunk, so that the count is checked before the first row is.
		const text = head + '"quizHistory":[' + '0,'.repeat(100_000) + '0]}';
		const error = await refusal(text, text.length);
		expect([error.kind, error.message]).toEqual(['limit', 'quizHistory holds more than 100,000 rows: more than any backup this app makes']);
	});

	it('gives the page a turn between chunks', async () => {
		const text = backupText(sampleBackup());
		let pauses = 0;
		await readBackup(chunks(text, 100), { ...AT, pause: async () => void pauses++ });
		expect(pauses).toBe(Math.ceil(text.length / 100));
	});
});

describe('firstRepeated', () => {
	it('finds the first id an earlier one equals, whatever the table holds', () => {
		expect(firstRepeated([])).toBeUndefined();
		expect(firstRepeated(['a'])).toBeUndefined();
		const many = Array.from({ length: 20_000 }, (_, i) => `id-${i}`);
		expect(firstRepeated(many)).toBeUndefined();
		expect(firstRepeated([...many, 'id-7', 'id-3'])).toBe('id-7');
		expect(firstRepeated(['x', 'y', 'y', 'x'])).toBe('y');
		// Strings FNV-1a cannot tell apart in a small table, and empty and long ones.
		const table = ['', 'a', 'b', 'ab', 'ba', 'é', 'e\u0301', 'x'.repeat(10_000)];
		expect(firstRepeated(table)).toBeUndefined();
		expect(firstRepeated([...table, 'e\u0301'])).toBe('e\u0301');
	});
});
