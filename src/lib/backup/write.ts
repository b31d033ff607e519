import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	PREVIOUS_COLUMNS,
	PROGRESS_COLUMNS,
	REVIEW_LOG_COLUMNS,
	type RowSection
} from './format';

export interface BackupHead {
	exportedAt: number;
	counts: Record<RowSection, number>;
	settings: Record<string, unknown>;
	preferences: Record<string, string>;
}

/**
 * Builds a backup as a list of string parts for a Blob, batch by batch, so that a million
 * review-log rows never become one giant string. Sections must be written in the order
 * begun; every row goes on its own line.
 */
export class BackupWriter {
	readonly parts: string[] = [];
	private open: RowSection | null = null;
	private rowsInSection = 0;

	constructor(head: BackupHead) {
		const header = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: new Date(head.exportedAt).toISOString(),
			counts: head.counts,
			columns: { progress: PROGRESS_COLUMNS, reviewLog: REVIEW_LOG_COLUMNS, previous: PREVIOUS_COLUMNS },
			settings: head.settings,
			preferences: head.preferences
		};
		// The header object without its closing brace: sections follow it.
		this.parts.push(JSON.stringify(header).slice(0, -1));
	}

	section(name: RowSection): void {
		this.closeSection();
		this.parts.push(`,\n${JSON.stringify(name)}:[`);
		this.open = name;
		this.rowsInSection = 0;
	}

	rows(rows: readonly unknown[]): void {
		if (this.open === null) throw new Error('rows() before section()');
		if (rows.length === 0) return;
		const lines = rows.map((row) => JSON.stringify(row)).join(',\n');
		this.parts.push(this.rowsInSection === 0 ? `\n${lines}` : `,\n${lines}`);
		this.rowsInSection += rows.length;
	}

	finish(): string[] {
		this.closeSection();
		this.parts.push('}\n');
		return this.parts;
	}

	private closeSection() {
		if (this.open !== null) this.parts.push(this.rowsInSection === 0 ? ']' : '\n]');
		this.open = null;
	}
}
