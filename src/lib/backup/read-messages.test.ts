import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import { DEFAULT_SETTINGS } from '$lib/scheduler/types';
import { PROGRESS_COLUMNS, REVIEW_LOG_COLUMNS, toProgressTuple, toReviewLogTuple, type RowSection } from './format';
import { progressRowProblem, reviewProblem, type Problem } from './meaning';
import { BackupError, readBackup } from './read';
import { describeIssue, rowSchemas } from './schema';
import { progress, review, T0 } from './testing';
import { BackupWriter } from './write';

const NOW = T0 + 3_600_000;
const DAY = 86_400_000;
const CARDS = Array.from({ length: 50 }, (_, i) => progress(`card-${i}`));
const REVIEWS = Array.from({ length: 400 }, (_, i) => review(`id-${String(i).padStart(4, '0')}`, `card-${i % 50}`, T0 - (i + 1) * 60_000));

/**
 * The message the valibot path words for row `n` (from 1) of `section`: the first issue of the
 * valibot tuple, else ./meaning's problem. This is what the reader said before the fast path.
 */
function valibotMessage(section: 'progress' | 'reviewLog', row: unknown, n: number): string | null {
	const schemas = rowSchemas(NOW);
	const [schema, columns, meaning] =
		section === 'progress'
			? [schemas.progressRow, PROGRESS_COLUMNS, progressRowProblem as (row: unknown) => Problem | null]
			: [schemas.reviewLogRow, REVIEW_LOG_COLUMNS, reviewProblem as (row: unknown) => Problem | null];
	const result = v.safeParse(schema, row, { abortEarly: true });
	if (!result.success) {
		const issue = result.issues[0];
		return describeIssue(
			`${section} row ${n}`,
			columns,
			issue,
			(issue.path ?? []).map((item) => item.key)
		);
	}
	const found = meaning(row);
	return found && describeIssue(`${section} row ${n}, ${found[0]}`, null, { message: found[1], input: found[2] }, []);
}

/** A backup as the app writes it, with `bad` in place of row `at` (from 0) of `section`. */
function fileWith(section: RowSection, at: number, bad: unknown): string {
	const writer = new BackupWriter({ exportedAt: T0, settings: { ...DEFAULT_SETTINGS }, preferences: {} }, (texts) => texts.join(''));
	const progressRows: unknown[] = CARDS.map(toProgressTuple);
	const logRows: unknown[] = REVIEWS.map(toReviewLogTuple);
	(section === 'progress' ? progressRows : logRows)[at] = bad;
	writer.rows('progress', progressRows);
	writer.rows('reviewLog', logRows);
	return writer.finish().join('');
}

async function refusal(chunks: string[]): Promise<BackupError | null> {
	try {
		await readBackup(chunks, { now: NOW });
		return null;
	} catch (error) {
		if (error instanceof BackupError) return error;
		throw error;
	}
}

/** A bad value for one column of a row (or of its `previous`), from a seeded stream. */
function badRows(seed: number, section: 'progress' | 'reviewLog', count: number): unknown[][] {
	const rng = mulberry32(seed);
	const values: unknown[] = [
		null,
		'x',
		-1,
		0.5,
		5,
		11,
		36_501,
		1e12,
		Date.UTC(1999, 0, 1),
		NOW + 2 * DAY,
		NOW + 40_000 * DAY,
		[],
		{},
		true,
		'a b'
	];
	const good = section === 'progress' ? CARDS.map(toProgressTuple) : REVIEWS.map(toReviewLogTuple);
	const rows: unknown[][] = [];
	while (rows.length < count) {
		const row: unknown[] = structuredClone(good[Math.floor(rng() * good.length)]);
		const previous = row[12];
		const target = Array.isArray(previous) && rng() < 0.4 ? previous : row;
		const what = rng();
		if (what < 0.05) target.pop();
		else if (what < 0.1) target.push(0);
		else target[Math.floor(rng() * target.length)] = values[Math.floor(rng() * values.length)];
		if (valibotMessage(section, row, 1) !== null) rows.push(row);
	}
	return rows;
}

describe('a bad row read by the fast path', () => {
	for (const section of ['progress', 'reviewLog'] as const) {
		it(`gets the valibot path's exact message, row and field (${section}, 300 generated rows, seeded)`, async () => {
			const rng = mulberry32(section === 'progress' ? 7 : 8);
			const rows = section === 'progress' ? CARDS.length : REVIEWS.length;
			const mismatches: unknown[] = [];
			for (const bad of badRows(section === 'progress' ? 1 : 2, section, 300)) {
				const at = Math.floor(rng() * rows);
				const text = fileWith(section, at, bad);
				// Chunks of a few KB: most rows come through the fast path, some across a chunk's end.
				const size = 1000 + Math.floor(rng() * 8000);
				const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
				const error = await refusal(chunks);
				const expected = { kind: 'invalid', message: valibotMessage(section, bad, at + 1), at: { section, row: at + 1 } };
				const found = error && { kind: error.kind, message: error.message, at: error.at };
				if (JSON.stringify(found) !== JSON.stringify(expected)) mismatches.push({ bad, found, expected });
			}
			expect(mismatches.slice(0, 3)).toEqual([]);
		});
	}

	it('and the same file read whole, by the scanner alone (no row breaks), gives the same refusal', async () => {
		const mismatches: unknown[] = [];
		for (const bad of badRows(3, 'reviewLog', 100)) {
			const text = fileWith('reviewLog', 123, bad);
			const compact = JSON.stringify(JSON.parse(text));
			const [fast, careful] = await Promise.all([refusal([text]), refusal([compact])]);
			if (fast?.message !== careful?.message || fast?.message === undefined)
				mismatches.push({ bad, fast: fast?.message, careful: careful?.message });
		}
		expect(mismatches.slice(0, 3)).toEqual([]);
	});
});

describe('the checks across rows, gathered as the rows arrive', () => {
	const chunked = (text: string, size: number) =>
		Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
	const parsedFile = () => JSON.parse(fileWith('progress', 0, toProgressTuple(CARDS[0])));

	it('find an unknown card even when the review log comes before the progress', async () => {
		const backup = parsedFile();
		backup.reviewLog[200][1] = 'card-zz';
		const { reviewLog, ...rest } = backup;
		const reordered = JSON.stringify({ reviewLog, ...rest }).replace(/\],\[/g, '],\n[');
		for (const size of [500, 5000, 1e7]) {
			const error = await refusal(chunked(reordered, size));
			expect(error?.message).toMatch(/^reviewLog row 201 \(id id-0200\) is for card card-zz, .*an unknown card$/);
		}
	});

	it('name the first card listed twice, and see ids out of order across batches', async () => {
		const backup = parsedFile();
		backup.progress[40][0] = 'card-3';
		expect((await refusal(chunked(JSON.stringify(backup).replace(/\],\[/g, '],\n['), 700)))?.message).toBe(
			'progress lists card card-3 twice'
		);
		const text = fileWith('reviewLog', 399, toReviewLogTuple({ ...REVIEWS[399], id: 'id-0398' }));
		expect((await refusal(chunked(text, 3000)))?.message).toBe('reviewLog has the id id-0398 twice');
		const swapped = fileWith('reviewLog', 399, toReviewLogTuple({ ...REVIEWS[399], id: 'id-0000a' }));
		const parsed = await readBackup(chunked(swapped, 3000), { now: NOW });
		expect([parsed.logIdsAscending, parsed.from, parsed.to]).toEqual([false, T0 - 400 * 60_000, T0 - 60_000]);
	});
});
