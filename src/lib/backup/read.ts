/**
 * Reads a backup file as it streams in, checks all of it, and keeps its rows compact (as the
 * file's arrays) until they are written. Nothing here touches the database: a file either
 * comes out whole and valid, or a BackupError says what is wrong with it.
 */
import * as v from 'valibot';
import type { QuizResult } from '$lib/db';
import {
	BACKUP_FORMAT,
	BACKUP_VERSIONS,
	FORMAT_DEPTH,
	MAX_NOTES,
	MAX_ROWS,
	MAX_VALUE_CHARS,
	PROGRESS_COLUMNS,
	REVIEW_LOG_COLUMNS,
	ROW_SECTIONS,
	type LogPageTuple,
	type ProgressTuple,
	type ReviewLogTuple,
	type RowSection
} from './format';
import { fnv1a } from '$lib/hash';
import { JsonLimitError, JsonSyntaxError } from './json-errors';
import { ObjectStream } from './json-stream';
import { progressRowProblem, quizProblem, reviewProblem, type Problem } from './meaning';
import { pageOk, pageShapeProblem, shardProblem } from './page-check';
import { progressRowOk, reviewRowOk } from './row-check';
import { RowTally } from './row-tally';
import { describeIssue, noteRow, rowSchemas, type BackupHeader, type BackupNote } from './schema';

/**
 * - json: not JSON, or cut off (`truncated`)
 * - format: JSON, but not a Tabledeck backup; version: a backup of another version
 * - invalid: an impossible value, a duplicate, a card id no progress row names, wrong counts
 * - limit: nested deeper, or a value or section bigger, than any backup is
 * - note: a note it carries cannot be added here (import/backup-notes.ts, db/device-notes.ts)
 */
export type BackupErrorKind = 'json' | 'truncated' | 'format' | 'version' | 'invalid' | 'limit' | 'note';

/**
 * Where the first bad row is: its section and its number (from 1), for a message in the person's
 * language. In logPages, `page` too (from 1), and `row` is the rating's place in it (0: the page itself).
 */
export interface BadRow {
	section: RowSection;
	row: number;
	page?: number;
}

export class BackupError extends Error {
	override name = 'BackupError';
	constructor(
		readonly kind: BackupErrorKind,
		message: string,
		readonly at: BadRow | null = null
	) {
		super(message);
	}
}

export interface ParsedBackup {
	header: BackupHeader;
	progress: ProgressTuple[];
	/** Every rating: in a version-2 file, the pages' ratings one page after another. */
	reviewLog: ReviewLogTuple[];
	/** A version-2 file's pages, in file order: `count` ratings of `reviewLog` each, all of cards in `shard`. Null in version 1. */
	logPages: LogPageRef[] | null;
	quizHistory: QuizResult[];
	/** The notes added in the app that made it (empty in files from before them). */
	notes: BackupNote[];
	/** The review log is in ascending id order (as exports write it), with no id twice. */
	logIdsAscending: boolean;
	/** The first and last review time (ms); null without reviews. */
	from: number | null;
	to: number | null;
	/** The `now` its times were checked against (ms). */
	checkedAt: number;
}

export interface LogPageRef {
	shard: number;
	count: number;
}

/** Streamed like the row sections (a note may be megabytes), but not counted in `counts`. */
const NOTES = 'notes';

/** Sections whose rows ./row-check knows, so the stream may hand them over unscanned (ObjectStream's fast path). */
const FAST_SECTIONS: ReadonlySet<string> = new Set(['progress', 'reviewLog', 'logPages']);

/** Header members kept; any other member is read (within the limits) and dropped. */
const MEMBERS = new Set(['format', 'version', 'exportedAt', 'counts', 'columns', 'settings', 'preferences', 'sentToReview', 'exam']);

function sectionChecks(now: number) {
	const schemas = rowSchemas(now);
	return {
		header: schemas.header,
		progress: { schema: v.array(schemas.progressRow), columns: PROGRESS_COLUMNS, meaning: progressRowProblem, ok: progressRowOk(now) },
		reviewLog: { schema: v.array(schemas.reviewLogRow), columns: REVIEW_LOG_COLUMNS, meaning: reviewProblem, ok: reviewRowOk(now) },
		quizHistory: { schema: v.array(schemas.quizRow), columns: null, meaning: quizProblem, ok: null }
	} as const;
}

class BackupReader {
	readonly members: Record<string, unknown> = {};
	readonly rows = { progress: [] as unknown[], reviewLog: [] as unknown[], quizHistory: [] as unknown[] };
	/** logPages' pages; their ratings go to rows.reviewLog. */
	readonly pages: LogPageRef[] = [];
	/** Ratings read as reviewLog rows (version 1), not in pages. */
	private logRows = 0;
	readonly notes: BackupNote[] = [];
	/** A row problem found before the file said it is a backup: reported only if it is one. */
	private deferred: BackupError | null = null;
	private readonly checks: ReturnType<typeof sectionChecks>;
	/** Gathered from checked rows only: once a row is bad, finish() throws before it looks here. */
	private readonly tally = new RowTally();

	constructor(readonly now: number) {
		this.checks = sectionChecks(now);
	}

	value(key: string, value: unknown) {
		if (MEMBERS.has(key)) this.members[key] = value;
		if (key === 'format' && value !== BACKUP_FORMAT) throw notBackup();
		if (key === 'version' && !BACKUP_VERSIONS.includes(value as number)) {
			throw new BackupError(
				'version',
				`This is a version ${JSON.stringify(value)} backup; this app reads versions ${BACKUP_VERSIONS.join(' and ')}`
			);
		}
	}

	elements(key: string, elements: unknown[]) {
		if (key === NOTES) return this.noteElements(elements);
		if (key === 'logPages') return this.pageElements(elements);
		if (!(ROW_SECTIONS as readonly string[]).includes(key)) return;
		const section = key as Exclude<RowSection, 'logPages'>;
		const target = this.rows[section];
		if (target.length + elements.length > MAX_ROWS[section]) {
			throw new BackupError(
				'limit',
				`${section} holds more than ${MAX_ROWS[section].toLocaleString('en')} rows: more than any backup this app makes`
			);
		}
		if (this.deferred === null) {
			const error = this.problem(section, elements, target.length);
			if (error && this.members.format === BACKUP_FORMAT) throw error;
			this.deferred = error;
			if (!error) this.count(section, elements);
		}
		for (const element of elements) target.push(element);
		if (section === 'reviewLog') this.logRows += elements.length;
	}

	/** The stream's fast path (FAST_SECTIONS): rows taken only if every one of them passes. */
	batch(key: string, elements: unknown[]): boolean {
		if (key === 'logPages') return this.pageBatch(elements);
		const section = key as 'progress' | 'reviewLog';
		const target = this.rows[section];
		const ok = this.checks[section].ok;
		if (target.length + elements.length > MAX_ROWS[section]) return false;
		for (let i = 0; i < elements.length; i++) if (!ok(elements[i])) return false;
		if (this.deferred === null) this.count(section, elements);
		for (let i = 0; i < elements.length; i++) target.push(elements[i]);
		if (section === 'reviewLog') this.logRows += elements.length;
		return true;
	}

	/** logPages' fast path: pages taken only if every one of them, and every rating in them, passes. */
	private pageBatch(elements: unknown[]): boolean {
		const ok = this.checks.reviewLog.ok;
		let ratings = 0;
		for (let i = 0; i < elements.length; i++) {
			const page = elements[i];
			if (!pageOk(page, ok)) return false;
			ratings += page[1].length;
		}
		if (this.overLimit(elements.length, ratings)) return false;
		this.takePages(elements as LogPageTuple[], this.deferred === null);
		return true;
	}

	/** logPages' careful path: a problem words its page and rating, as `elements` does its rows. */
	private pageElements(elements: unknown[]) {
		const ratings = elements.reduce((sum: number, page) => sum + (Array.isArray(page) && Array.isArray(page[1]) ? page[1].length : 0), 0);
		if (this.overLimit(elements.length, ratings)) {
			throw new BackupError(
				'limit',
				`logPages holds more than ${MAX_ROWS.reviewLog.toLocaleString('en')} ratings: more than any backup this app makes`
			);
		}
		let counted = false;
		if (this.deferred === null) {
			const error = this.pageProblem(elements);
			if (error && this.members.format === BACKUP_FORMAT) throw error;
			this.deferred = error;
			counted = !error;
		}
		this.takePages(elements.filter((page) => pageShapeProblem(page, '') === null) as LogPageTuple[], counted);
	}

	private overLimit(pages: number, ratings: number): boolean {
		return this.pages.length + pages > MAX_ROWS.logPages || this.rows.reviewLog.length + ratings > MAX_ROWS.reviewLog;
	}

	private takePages(pages: LogPageTuple[], count: boolean) {
		const target = this.rows.reviewLog;
		for (const [shard, ratings] of pages) {
			if (count) this.count('reviewLog', ratings);
			for (let i = 0; i < ratings.length; i++) target.push(ratings[i]);
			this.pages.push({ shard, count: ratings.length });
		}
	}

	/** The first problem in pages whose first is page `this.pages.length + 1`, or null. */
	private pageProblem(elements: unknown[]): BackupError | null {
		const ok = this.checks.reviewLog.ok;
		for (let i = 0; i < elements.length; i++) {
			const page = elements[i];
			if (pageOk(page, ok)) continue;
			const number = this.pages.length + i + 1;
			const where = `logPages page ${number}`;
			const shape = pageShapeProblem(page, where);
			if (shape) return new BackupError('invalid', shape, pageAt(number, 0));
			const [, ratings] = page as LogPageTuple;
			const rated = this.rowProblem('reviewLog', ratings, (row) => [`${where} row ${row}`, pageAt(number, row)]);
			if (rated) return rated;
			const shard = shardProblem(page as LogPageTuple);
			if (shard) return new BackupError('invalid', `${where} row ${shard.index + 1}, ${shard.message}`, pageAt(number, shard.index + 1));
		}
		return null;
	}

	private count(section: Exclude<RowSection, 'logPages'>, rows: unknown[]) {
		if (section === 'progress') this.tally.progress(rows as ProgressTuple[]);
		else if (section === 'reviewLog') this.tally.reviewLog(rows as ReviewLogTuple[]);
	}

	private noteElements(elements: unknown[]) {
		if (this.notes.length + elements.length > MAX_NOTES) {
			throw new BackupError('limit', `notes holds more than ${MAX_NOTES} notes: more than any backup this app makes`);
		}
		const result = v.safeParse(v.array(noteRow), elements, { abortEarly: true });
		if (!result.success) {
			const issue = result.issues[0];
			const path = (issue.path ?? []).map((item) => item.key);
			throw new BackupError('invalid', describeIssue(`notes item ${this.notes.length + Number(path[0]) + 1}`, null, issue, path.slice(1)));
		}
		this.notes.push(...result.output);
	}

	/** The first problem in a batch of rows whose first is row `before + 1`, or null. */
	private problem(section: Exclude<RowSection, 'logPages'>, elements: unknown[], before: number): BackupError | null {
		return this.rowProblem(section, elements, (row) => [`${section} row ${before + row}`, { section, row: before + row }]);
	}

	/** The first problem in `elements`, its place named by `place` (the row from 1 in `elements`), or null. */
	private rowProblem(
		section: Exclude<RowSection, 'logPages'>,
		elements: unknown[],
		place: (row: number) => [where: string, at: BadRow]
	): BackupError | null {
		const { schema, columns, meaning, ok } = this.checks[section];
		// Valibot and ./meaning word the first problem; most batches have none, and ./row-check says so faster.
		if (ok && elements.every(ok)) return null;
		const result = v.safeParse(schema, elements, { abortEarly: true });
		if (!result.success) {
			const issue = result.issues[0];
			const path = (issue.path ?? []).map((item) => item.key);
			const [where, at] = place(Number(path[0]) + 1);
			return new BackupError('invalid', describeIssue(where, columns, issue, path.slice(1)), at);
		}
		const check = meaning as (row: unknown) => Problem | null;
		for (let i = 0; i < elements.length; i++) {
			const found = check(elements[i]);
			if (found) {
				const [column, message, value] = found;
				const [where, at] = place(i + 1);
				return new BackupError('invalid', describeIssue(`${where}, ${column}`, null, { message, input: value }, []), at);
			}
		}
		return null;
	}

	/** Where rating `index` (from 0) of the pages' ratings is: its page and its row there. */
	private pagePlace(index: number): [where: string, at: BadRow] {
		let page = 0;
		let before = 0;
		while (before + this.pages[page].count <= index) before += this.pages[page++].count;
		return [`logPages page ${page + 1} row ${index - before + 1}`, pageAt(page + 1, index - before + 1)];
	}

	finish(): ParsedBackup {
		if (this.members.format !== BACKUP_FORMAT) throw notBackup();
		if (this.members.version === undefined) throw new BackupError('format', 'The backup has no version number');
		if (this.deferred) throw this.deferred;
		const checked = v.safeParse(this.checks.header, this.members, { abortEarly: true });
		if (!checked.success) {
			const issue = checked.issues[0];
			throw new BackupError(
				'invalid',
				describeIssue(
					'The header',
					null,
					issue,
					(issue.path ?? []).map((p) => p.key)
				)
			);
		}
		const progress = this.rows.progress as ProgressTuple[];
		const reviewLog = this.rows.reviewLog as ReviewLogTuple[];
		const quizHistory = this.rows.quizHistory as QuizResult[];
		const version = checked.output.version;
		const paged = version === 2;
		if (paged ? this.logRows > 0 : this.pages.length > 0) {
			throw new BackupError('invalid', `A version ${version} backup holds its review log in ${paged ? 'logPages' : 'reviewLog'} alone`);
		}
		const counts: Record<string, number | undefined> = checked.output.counts;
		const held = { progress: progress.length, reviewLog: reviewLog.length, quizHistory: quizHistory.length };
		for (const [section, rows] of Object.entries(paged ? { ...held, logPages: this.pages.length } : held)) {
			if (counts[section] !== rows) {
				throw new BackupError(
					'invalid',
					`The header says ${counts[section] ?? 'no'} ${section} rows, but the file holds ${rows}: it is incomplete or was edited`
				);
			}
		}
		const { tally } = this;
		if (tally.duplicateCard !== null) throw new BackupError('invalid', `progress lists card ${tally.duplicateCard} twice`);
		// Rows before firstUnsure named cards already listed; -1: every row did.
		for (let i = tally.firstUnsure === -1 ? reviewLog.length : tally.firstUnsure; i < reviewLog.length; i++) {
			const [id, cardId] = reviewLog[i];
			if (!tally.cards.has(cardId)) {
				const [where, at] = paged ? this.pagePlace(i) : [`reviewLog row ${i + 1}`, { section: 'reviewLog', row: i + 1 } as const];
				throw new BackupError(
					'invalid',
					`${where} (id ${id}) is for card ${cardId}, which the backup's progress does not list: an unknown card`,
					at
				);
			}
		}
		const ascending = tally.ascending;
		if (!ascending)
			duplicateCheck(
				reviewLog.map((row) => row[0]),
				paged ? 'logPages' : 'reviewLog'
			);
		duplicateCheck(
			quizHistory.map((row) => row.id),
			'quizHistory'
		);
		return {
			header: checked.output,
			progress,
			reviewLog,
			quizHistory,
			notes: this.notes,
			logPages: paged ? this.pages : null,
			logIdsAscending: ascending,
			from: reviewLog.length ? tally.from : null,
			to: reviewLog.length ? tally.to : null,
			checkedAt: this.now
		};
	}
}

const pageAt = (page: number, row: number): BadRow => ({ section: 'logPages', page, row });

function notBackup() {
	return new BackupError('format', `This JSON file is not a Tabledeck backup (its "format" is not "${BACKUP_FORMAT}")`);
}

function duplicateCheck(ids: string[], section: string) {
	const repeated = firstRepeated(ids);
	if (repeated !== undefined) throw new BackupError('invalid', `${section} has the id ${repeated} twice`);
}

/**
 * The first id of `ids` that an earlier one equals, if any. An open-addressing table of row
 * numbers keyed by FNV-1a of the id's UTF-16 units: for 1M ratings 0.14–0.19 s in Node where a
 * Set<string> took 0.33–0.39 s (and 0.69 s of the check in Chromium, plus its garbage).
 */
export function firstRepeated(ids: readonly string[]): string | undefined {
	let size = 2;
	while (size < ids.length * 2) size *= 2;
	const mask = size - 1;
	const slots = new Int32Array(size).fill(-1);
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i];
		for (let slot = fnv1a(id) & mask; ; slot = (slot + 1) & mask) {
			const at = slots[slot];
			if (at === -1) {
				slots[slot] = i;
				break;
			}
			if (ids[at] === id) return id;
		}
	}
	return undefined;
}

export interface ReadOptions {
	/** Times are checked against it: reviews up to a day ahead, due dates up to 100 years. */
	now: number;
	/** Awaited between chunks, so that a page stays responsive while a big file is read. */
	pause?: () => Promise<void>;
}

/** Reads and checks a whole backup from its text, chunk by chunk. */
export async function readBackup(chunks: AsyncIterable<string> | Iterable<string>, { now, pause }: ReadOptions): Promise<ParsedBackup> {
	const reader = new BackupReader(now);
	const limits = { maxDepth: FORMAT_DEPTH, maxValueChars: MAX_VALUE_CHARS };
	const stream = new ObjectStream(new Set([...ROW_SECTIONS, NOTES]), reader, limits, FAST_SECTIONS);
	try {
		for await (const chunk of chunks) {
			stream.feed(chunk);
			if (pause) await pause();
		}
		stream.end();
	} catch (error) {
		if (error instanceof JsonLimitError) throw new BackupError('limit', error.message);
		if (error instanceof JsonSyntaxError) {
			throw new BackupError(/ends early/.test(error.message) ? 'truncated' : 'json', error.message);
		}
		throw error;
	}
	return reader.finish();
}
