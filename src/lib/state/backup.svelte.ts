import {
	ankiText,
	backupSettings,
	exportBackup,
	markBackedUp,
	previewRestore,
	restoreBackup,
	reviewLogCsv,
	type RestorePlan
} from '$lib/db';
// Straight from its module: only this flow exports the sent-to-review list.
import { backupExam, backupNotes, backupSentToReview } from '$lib/db/backup';
import { NoteClashError } from '$lib/db/device-notes';
import { compileBackupNotes, type CompiledNote } from '$lib/import/backup-notes';
import { readNoteInWorker } from '$lib/services/note-import';
import { messageOf } from '$lib/errors';
import { forgetKeptCounts } from '$lib/services/home';
import { app } from './app.svelte';
import { preferences } from './preferences.svelte';
import { datedName, downloadBlob, fileText, yieldToPage } from '$lib/backup/files';
import { BackupError, readBackup, type BackupErrorKind, type BadRow, type ParsedBackup } from '$lib/backup/read';
import { BackupWriter } from '$lib/backup/write';

export type BackupStatus = 'idle' | 'exporting' | 'reading' | 'preview' | 'restoring' | 'restored' | 'refused' | 'failed';

const pack = (texts: string[]) => new Blob(texts);

/**
 * Export, and import in two steps: read and check the file, show what it would change,
 * then restore on confirmation. The parsed file is a plain field, not runes state: a
 * million rows must not become a deep proxy.
 */
class BackupFlow {
	status = $state<BackupStatus>('idle');
	fileName = $state('');
	plan = $state<RestorePlan | null>(null);
	summary = $state<{ exportedAt: string; from: number | null; to: number | null } | null>(null);
	error = $state<{ kind: BackupErrorKind | 'failed'; detail: string; at: BadRow | null } | null>(null);
	exported = $state<{ name: string; size: number } | null>(null);
	/** Percent done of the step under way (export, reading the file, restore); null between steps. */
	percent = $state<number | null>(null);
	private parsed: ParsedBackup | null = null;
	/** The backup's notes as the builder made them here: the restore stores them. */
	private notes: CompiledNote[] = [];

	/** Updates `percent` when the whole number changes: a restore reports a hundred times, reading a file thousands. */
	private readonly progress = (done: number, total: number) => {
		const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
		if (percent !== this.percent) this.percent = percent;
	};

	private begin(status: BackupStatus) {
		this.status = status;
		this.percent = 0;
	}

	private end(status: BackupStatus) {
		this.status = status;
		this.percent = null;
	}

	async exportBackup(now = Date.now()) {
		this.begin('exporting');
		this.error = null;
		try {
			const head = {
				exportedAt: now,
				settings: await backupSettings(),
				preferences: { theme: preferences.theme, locale: preferences.localeChoice },
				sentToReview: await backupSentToReview(now),
				exam: await backupExam(),
				notes: await backupNotes()
			};
			const writer = new BackupWriter(head, pack);
			await exportBackup(writer, this.progress);
			const blob = new Blob(writer.finish(), { type: 'application/json' });
			const name = datedName('tabledeck-backup', 'json', now);
			downloadBlob(blob, name);
			await markBackedUp(now);
			this.exported = { name, size: blob.size };
			this.end('idle');
		} catch (error) {
			this.fail('failed', error);
		}
	}

	async exportText(kind: 'csv' | 'anki', now = Date.now()) {
		this.error = null;
		try {
			const parts = kind === 'csv' ? await reviewLogCsv((text) => new Blob([text])) : await ankiText((text) => new Blob([text]));
			const name = kind === 'csv' ? datedName('tabledeck-reviews', 'csv', now) : datedName('tabledeck-anki', 'txt', now);
			downloadBlob(new Blob(parts, { type: kind === 'csv' ? 'text/csv' : 'text/plain' }), name);
		} catch (error) {
			this.fail('failed', error);
		}
	}

	async read(file: File, now = Date.now()) {
		this.reset();
		this.begin('reading');
		this.fileName = file.name;
		try {
			// Marks for the benchmarks (bench:stats reads them), as db/backup.ts's.
			performance.mark('tabledeck:backup-read');
			const parsed = await readBackup(fileText(file, this.progress), { now, pause: yieldToPage });
			performance.mark('tabledeck:backup-checked');
			const notes = await compileBackupNotes(parsed.notes, readNoteInWorker);
			this.plan = await previewRestore(parsed, notes);
			performance.mark('tabledeck:backup-previewed');
			this.parsed = parsed;
			this.notes = notes;
			this.summary = { exportedAt: parsed.header.exportedAt, from: parsed.from, to: parsed.to };
			this.end('preview');
		} catch (error) {
			this.fail(error instanceof BackupError ? error.kind : error instanceof NoteClashError ? 'note' : 'failed', error);
		}
	}

	async restore() {
		const parsed = this.parsed;
		if (!parsed || this.status !== 'preview') return;
		this.begin('restoring');
		try {
			this.plan = await restoreBackup(parsed, this.progress, this.notes);
			performance.mark('tabledeck:restore-committed');
			// The restored log may hold ratings of today from another device.
			forgetKeptCounts();
			(await import('$lib/services/exam')).forgetPlannedToday();
			const { theme, locale } = parsed.header.preferences;
			if (theme) preferences.setTheme(theme);
			if (locale) preferences.setLocale(locale);
			await app.reloadSettings();
			this.parsed = null;
			this.notes = [];
			this.end('restored');
			performance.mark('tabledeck:restore-shown');
		} catch (error) {
			this.fail('failed', error);
		}
	}

	reset() {
		this.parsed = null;
		this.notes = [];
		this.plan = null;
		this.summary = null;
		this.error = null;
		this.end('idle');
	}

	private fail(kind: BackupErrorKind | 'failed', error: unknown) {
		this.parsed = null;
		this.notes = [];
		const at = error instanceof BackupError ? error.at : null;
		this.error = { kind, detail: messageOf(error), at };
		this.end(kind === 'failed' ? 'failed' : 'refused');
	}
}

export const backupFlow = new BackupFlow();
