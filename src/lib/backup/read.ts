/**
 * Reads a backup file as it streams in, checks all of it, and keeps its rows compact (as the
 * file's arrays) until they are written. Nothing here touches the database: a file either
 * comes out whole and valid, or a BackupError says what is wrong with it.
 */
import * as v from 'valibot';
import type { QuizResult } from '$lib/db';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	PROGRESS_COLUMNS,
	REVIEW_LOG_COLUMNS,
	ROW_SECTIONS,
	type ProgressTuple,
	type ReviewLogTuple,
	type RowSection
} from './format';
import { JsonSyntaxError, ObjectStream } from './json-stream';
import { describeIssue, header, progressRow, quizRow, reviewLogRow, type BackupHeader } from './schema';

/**
 * - json: not JSON, or cut off (`truncated`)
 * - format: JSON, but not a Tabledeck backup; version: a backup of another version
 * - invalid: an impossible value, a duplicate, a card id no progress row names, wrong counts
 */
export type BackupErrorKind = 'json' | 'truncated' | 'format' | 'version' | 'invalid';

export class BackupError extends Error {
	override name = 'BackupError';
	constructor(
		readonly kind: BackupErrorKind,
		message: string
	) {
		super(message);
	}
}

export interface ParsedBackup {
	header: BackupHeader;
	progress: ProgressTuple[];
	reviewLog: ReviewLogTuple[];
	quizHistory: QuizResult[];
	/** The review log is in ascending id order (as exports write it), with no id twice. */
	logIdsAscending: boolean;
	/** The first and last review time (ms); null without reviews. */
	from: number | null;
	to: number | null;
}

const SCHEMAS = {
	progress: { schema: v.array(progressRow), columns: PROGRESS_COLUMNS },
	reviewLog: { schema: v.array(reviewLogRow), columns: REVIEW_LOG_COLUMNS },
	quizHistory: { schema: v.array(quizRow), columns: null }
} as const;

class BackupReader {
	readonly members: Record<string, unknown> = {};
	readonly rows = { progress: [] as unknown[], reviewLog: [] as unknown[], quizHistory: [] as unknown[] };
	/** A row problem found before the file said it is a backup: reported only if it is one. */
	private deferred: BackupError | null = null;

	value(key: string, value: unknown) {
		this.members[key] = value;
		if (key === 'format' && value !== BACKUP_FORMAT) throw notBackup();
		if (key === 'version' && value !== BACKUP_VERSION) {
			throw new BackupError('version', `This is a version ${JSON.stringify(value)} backup; this app reads version ${BACKUP_VERSION}`);
		}
	}

	elements(key: string, elements: unknown[]) {
		if (!(ROW_SECTIONS as readonly string[]).includes(key)) return;
		const section = key as RowSection;
		const target = this.rows[section];
		if (this.deferred === null) {
			const { schema, columns } = SCHEMAS[section];
			const result = v.safeParse(schema, elements, { abortEarly: true });
			if (!result.success) {
				const issue = result.issues[0];
				const path = (issue.path ?? []).map((item) => item.key);
				const where = `${section} row ${target.length + Number(path[0]) + 1}`;
				const error = new BackupError('invalid', describeIssue(where, columns, issue, path.slice(1)));
				if (this.members.format === BACKUP_FORMAT) throw error;
				this.deferred = error;
			}
		}
		for (const element of elements) target.push(element);
	}

	finish(): ParsedBackup {
		if (this.members.format !== BACKUP_FORMAT) throw notBackup();
		if (this.members.version === undefined) throw new BackupError('format', 'The backup has no version number');
		if (this.deferred) throw this.deferred;
		const checked = v.safeParse(header, this.members, { abortEarly: true });
		if (!checked.success) {
			const issue = checked.issues[0];
			throw new BackupError('invalid', describeIssue('The header', null, issue, (issue.path ?? []).map((p) => p.key)));
		}
		const progress = this.rows.progress as ProgressTuple[];
		const reviewLog = this.rows.reviewLog as ReviewLogTuple[];
		const quizHistory = this.rows.quizHistory as QuizResult[];
		const counts = checked.output.counts;
		for (const section of ROW_SECTIONS) {
			if (counts[section] !== this.rows[section].length) {
				throw new BackupError('invalid', `The header says ${counts[section]} ${section} rows, but the file holds ${this.rows[section].length}: it is incomplete or was edited`);
			}
		}
		const cards = new Set<string>();
		for (const row of progress) {
			if (cards.has(row[0])) throw new BackupError('invalid', `progress lists card ${row[0]} twice`);
			cards.add(row[0]);
		}
		let ascending = true;
		let from = Infinity;
		let to = -Infinity;
		for (let i = 0; i < reviewLog.length; i++) {
			const [id, cardId, , review] = reviewLog[i];
			if (!cards.has(cardId)) {
				throw new BackupError('invalid', `reviewLog row ${i + 1} (id ${id}) is for card ${cardId}, which the backup's progress does not list: an unknown card`);
			}
			if (i > 0 && !(id > reviewLog[i - 1][0])) ascending = false;
			if (review < from) from = review;
			if (review > to) to = review;
		}
		if (!ascending) duplicateCheck(reviewLog.map((row) => row[0]), 'reviewLog');
		duplicateCheck(quizHistory.map((row) => row.id), 'quizHistory');
		return {
			header: checked.output,
			progress,
			reviewLog,
			quizHistory,
			logIdsAscending: ascending,
			from: reviewLog.length ? from : null,
			to: reviewLog.length ? to : null
		};
	}
}

function notBackup() {
	return new BackupError('format', `This JSON file is not a Tabledeck backup (its "format" is not "${BACKUP_FORMAT}")`);
}

function duplicateCheck(ids: string[], section: string) {
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) throw new BackupError('invalid', `${section} has the id ${id} twice`);
		seen.add(id);
	}
}

/** Reads and checks a whole backup from its text, chunk by chunk. */
export async function readBackup(chunks: AsyncIterable<string> | Iterable<string>): Promise<ParsedBackup> {
	const reader = new BackupReader();
	const stream = new ObjectStream(new Set(ROW_SECTIONS), reader);
	try {
		for await (const chunk of chunks) stream.feed(chunk);
		stream.end();
	} catch (error) {
		if (error instanceof JsonSyntaxError) {
			throw new BackupError(/ends early/.test(error.message) ? 'truncated' : 'json', error.message);
		}
		throw error;
	}
	return reader.finish();
}
