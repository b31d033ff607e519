import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	PREVIOUS_COLUMNS,
	PROGRESS_COLUMNS,
	REVIEW_LOG_COLUMNS,
	type LogPageTuple,
	type RowSection
} from './format';
import type { ExamSettings } from '$lib/scheduler/exam-settings';
import type { BackupNote, SentToReview } from './schema';

export interface BackupHead {
	exportedAt: number;
	settings: Record<string, unknown>;
	preferences: Record<string, string>;
	/** Today's sent-to-review list; left out of the file when null or absent. */
	sentToReview?: SentToReview | null;
	/** The interview date setting; left out when no date is set. */
	exam?: ExamSettings | null;
	/** The notes added in the app; left out when there are none. */
	notes?: BackupNote[];
}

const SECTION_ORDER: readonly RowSection[] = ['progress', 'reviewLog', 'logPages', 'quizHistory'];
/** Strings are packed (e.g. into a Blob) once a section holds this many characters. */
const PACK_AT = 8_000_000;

/**
 * Builds a backup as parts for a Blob, batch by batch and section by section in any order,
 * so that a million review-log rows never become one giant string: every few megabytes a
 * section's strings go through `pack` (in the browser, into a Blob). Every row gets its own line:
 * the reader hands the text between row breaks (",\n") to JSON.parse without scanning it.
 * The log goes in as pages (`pages`: a version-2 file, as the app exports) or as rows
 * (`rows('reviewLog', …)`: a version-1 file, for tests and benchmarks), never both.
 */
export class BackupWriter<P = string> {
	private readonly head: BackupHead;
	private readonly sections = new Map<RowSection, { packed: P[]; texts: string[]; size: number; rows: number }>();
	/** The ratings the pages hold. */
	private ratings = 0;

	constructor(
		head: BackupHead,
		private readonly pack: (texts: string[]) => P,
		private readonly packAt = PACK_AT
	) {
		this.head = head;
		for (const name of SECTION_ORDER) this.sections.set(name, { packed: [], texts: [], size: 0, rows: 0 });
	}

	/** The header object without its closing brace: sections follow it. */
	private header(version: number): string {
		const head = this.head;
		const header = {
			format: BACKUP_FORMAT,
			version,
			exportedAt: new Date(head.exportedAt).toISOString(),
			columns: { progress: PROGRESS_COLUMNS, reviewLog: REVIEW_LOG_COLUMNS, previous: PREVIOUS_COLUMNS },
			settings: head.settings,
			preferences: head.preferences,
			...(head.sentToReview ? { sentToReview: head.sentToReview } : {}),
			...(head.exam ? { exam: head.exam } : {}),
			...(head.notes?.length ? { notes: head.notes } : {})
		};
		return JSON.stringify(header).slice(0, -1);
	}

	/** Pages of the log, each a line. */
	pages(pages: readonly LogPageTuple[]): void {
		this.add('logPages', pages);
		for (const [, ratings] of pages) this.ratings += ratings.length;
	}

	rows(name: Exclude<RowSection, 'logPages'>, rows: readonly unknown[]): void {
		this.add(name, rows);
	}

	private add(name: RowSection, rows: readonly unknown[]): void {
		const section = this.sections.get(name)!;
		if (rows.length === 0) return;
		const text = rows.map((row) => JSON.stringify(row)).join(',\n');
		section.texts.push(section.rows === 0 ? `\n${text}` : `,\n${text}`);
		section.rows += rows.length;
		section.size += text.length;
		if (section.size >= this.packAt) {
			section.packed.push(this.pack(section.texts));
			section.texts = [];
			section.size = 0;
		}
	}

	count(name: RowSection): number {
		return this.sections.get(name)!.rows;
	}

	/** The whole file; the row counts go last, so that a reader can check nothing is missing. */
	finish(): (string | P)[] {
		const asRows = this.count('reviewLog') > 0;
		if (asRows && this.count('logPages') > 0) throw new Error('A backup holds its review log as rows or as pages, not both');
		const names = SECTION_ORDER.filter((name) => name !== (asRows ? 'logPages' : 'reviewLog'));
		const parts: (string | P)[] = [this.header(asRows ? 1 : BACKUP_VERSION)];
		const counts: Record<string, number> = {};
		for (const name of names) {
			const section = this.sections.get(name)!;
			parts.push(`,\n${JSON.stringify(name)}:[`, ...section.packed, ...section.texts, section.rows ? '\n]' : ']');
			counts[name] = section.rows;
			if (name === 'logPages') counts.reviewLog = this.ratings;
		}
		parts.push(`,\n"counts":${JSON.stringify(counts)}}\n`);
		return parts;
	}
}
