import { describe, expect, it } from 'vitest';
import { shardOf } from '$lib/db/log-page';
import { fromReviewLogTuple } from './format';
import { readBackup } from './read';
import { asVersion1, backupPagesText, chunks, edited, progress, refusal, review, sampleBackup, T0 } from './testing';

const AT = { now: T0 + 3_600_000 };
const DAY = 86_400_000;

/** 30 cards, 1,200 ratings: card-0's shard holds more than a page. */
function bigBackup() {
	const cards = Array.from({ length: 30 }, (_, i) => progress(`card-${i}`));
	const reviewLog = Array.from({ length: 1200 }, (_, i) =>
		review(`id-${String((i * 7919) % 1200).padStart(4, '0')}`, i < 600 ? 'card-0' : `card-${i % 30}`, T0 - (i + 1) * 60_000)
	);
	return { progress: cards, reviewLog };
}

describe('readBackup, version 2 (the log as pages)', () => {
	it('gives back every rating and every page as written, however the text is cut', async () => {
		const content = bigBackup();
		const text = backupPagesText(content);
		const file = JSON.parse(text);
		expect([file.version, file.counts.reviewLog, file.counts.logPages]).toEqual([2, 1200, file.logPages.length]);
		for (const size of [1, 17, 4096, text.length]) {
			const parsed = await readBackup(chunks(text, size), AT);
			expect(parsed.reviewLog.map(fromReviewLogTuple)).toEqual(
				file.logPages.flatMap(([, ratings]: [number, unknown[]]) => ratings).map((t: never) => fromReviewLogTuple(t))
			);
			expect(parsed.logPages).toEqual(file.logPages.map(([shard, ratings]: [number, unknown[]]) => ({ shard, count: ratings.length })));
			expect(parsed.logPages!.every(({ count }) => count <= 500)).toBe(true);
			expect(new Set(parsed.reviewLog.map((t) => t[0])).size).toBe(1200);
		}
		// The version-1 file of the same data reads to the same ratings, and no pages.
		const v1 = await readBackup([asVersion1(text)], AT);
		expect(v1.reviewLog).toEqual((await readBackup([text], AT)).reviewLog);
		expect(v1.logPages).toBeNull();
	});

	it('reads a backup with no ratings', async () => {
		const parsed = await readBackup([backupPagesText({ progress: [progress('a')], reviewLog: [] })], AT);
		expect([parsed.reviewLog, parsed.logPages, parsed.from]).toEqual([[], [], null]);
	});

	it('words a bad rating as version 1 does, naming its page and its row there', async () => {
		expect.hasAssertions();
		const good = JSON.parse(backupPagesText(bigBackup()));
		const changes: [number, unknown][] = [
			[2, 5],
			[3, T0 + 9 * DAY],
			[3, 'yesterday'],
			[1, 'card a'],
			[4, 1],
			[5, 0],
			[8, T0 - 400 * DAY],
			[9, 0],
			[11, -1],
			[12, [1]],
			[13, null]
		];
		for (const [column, value] of changes) {
			const v2 = structuredClone(good);
			const [page, row] = [v2.logPages.length - 1, 1];
			v2.logPages[page][1][row][column] = value;
			const inPages = await refusal(JSON.stringify(v2));
			const asRows = await refusal(asVersion1(JSON.stringify(v2)));
			const before = v2.logPages.slice(0, page).reduce((sum: number, [, ratings]: [number, unknown[]]) => sum + ratings.length, 0);
			expect(inPages.message).toBe(asRows.message.replace(`reviewLog row ${before + row + 1}`, `logPages page ${page + 1} row ${row + 1}`));
			expect(inPages.at).toEqual({ section: 'logPages', page: page + 1, row: row + 1 });
		}
	});

	describe('refuses', () => {
		const good = backupPagesText(bigBackup());
		const edit = (change: (backup: Record<string, any>) => void) => edited(good, change);
		const otherShard = (cardId: string) => {
			for (let i = 0; ; i++) if (shardOf(`card-${i}`) !== shardOf(cardId)) return `card-${i}`;
		};

		it.each([
			[
				'a page that is not a pair',
				edit((b) => (b.logPages[1] = [b.logPages[1][0]])),
				/logPages page 2: must be a list of a shard and its ratings \(found a list of 1\)/
			],
			[
				'a shard that is no shard',
				edit((b) => (b.logPages[0][0] = 1024)),
				/logPages page 1, shard: must be a whole number from 0 to 1023 \(found 1024\)/
			],
			[
				'a page with no ratings',
				edit((b) => (b.logPages[0][1] = [])),
				/logPages page 1, ratings: must be a list of 1 to 500 ratings \(found \[\]\)/
			],
			[
				'a page of more than 500 ratings',
				edit((b) => b.logPages[0][1].push(b.logPages[1][1].pop())),
				/logPages page 1, ratings: must be a list of 1 to 500 ratings \(found a list of 501\)/
			],
			[
				'a rating of a card in another shard',
				edit((b) => (b.logPages[2][1][3][1] = otherShard(b.logPages[2][1][3][1]))),
				/logPages page 3 row 4, cardId: card card-\d+ is in shard \d+, not in the page's shard \d+/
			],
			[
				'a rating of a card the backup does not list',
				edit((b) => (b.progress.splice(0, 1), (b.counts.progress -= 1))),
				/logPages page \d+ row \d+ \(id id-\d+\) is for card card-0.*unknown card/
			],
			['an id twice', edit((b) => (b.logPages.at(-1)[1][0][0] = b.logPages[0][1][0][0])), /logPages has the id id-\d+ twice/],
			['a page missing against the counts', edit((b) => (b.counts.logPages += 1)), /says \d+ logPages rows, but the file holds/],
			['no count of pages', edit((b) => delete b.counts.logPages), /says no logPages rows/],
			['ratings missing against the counts', edit((b) => (b.counts.reviewLog = 1199)), /says 1199 reviewLog rows, but the file holds 1200/],
			['pages in a version-1 file', edit((b) => (b.version = 1)), /A version 1 backup holds its review log in reviewLog alone/],
			[
				'rows beside pages',
				edit((b) => (b.reviewLog = [b.logPages[0][1].pop()])),
				/A version 2 backup holds its review log in logPages alone/
			]
		])('%s', async (_name, text, message) => {
			const error = await refusal(text);
			expect(error.kind).toBe('invalid');
			expect(error.message).toMatch(message);
		});

		it('more ratings than any backup, as soon as they pass the limit', async () => {
			const page = `[0,[${'0,'.repeat(499)}0]]`;
			const text = `{"format":"tabledeck-backup","version":2,"logPages":[${`${page},`.repeat(4000)}${page}]}`;
			const error = await refusal(text, text.length);
			expect([error.kind, error.message]).toEqual([
				'limit',
				'logPages holds more than 2,000,000 ratings: more than any backup this app makes'
			]);
		});

		it('a bad page, however the text is cut, with the same message', async () => {
			const text = edit((b) => (b.logPages[1][1][2][2] = 7));
			const messages = new Set<string>();
			for (const size of [5, 333, 4096, text.length]) messages.add((await refusal(text, size)).message);
			expect([...messages]).toEqual([expect.stringMatching(/^logPages page 2 row 3, rating: must be a rating: 1, 2, 3 or 4 \(found 7\)$/)]);
		});
	});

	it('keeps the sample backup readable both ways', async () => {
		const content = sampleBackup();
		const parsed = await readBackup([backupPagesText(content)], AT);
		expect(parsed.reviewLog.map(fromReviewLogTuple).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(content.reviewLog);
	});
});
