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
import { forgetKeptCounts } from '$lib/services/home';
import { app } from '$lib/state/app.svelte';
import { preferences } from '$lib/state/preferences.svelte';
import { datedName, downloadBlob, fileText } from './files';
import { BackupError, readBackup, type BackupErrorKind, type ParsedBackup } from './read';
import { BackupWriter } from './write';

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
	error = $state<{ kind: BackupErrorKind | 'failed'; detail: string } | null>(null);
	exported = $state<{ name: string; size: number } | null>(null);
	private parsed: ParsedBackup | null = null;

	async exportBackup(now = Date.now()) {
		this.status = 'exporting';
		this.error = null;
		try {
			const head = { exportedAt: now, settings: await backupSettings(), preferences: { theme: preferences.theme, locale: preferences.localeChoice } };
			const writer = new BackupWriter(head, pack);
			await exportBackup(writer);
			const blob = new Blob(writer.finish(), { type: 'application/json' });
			const name = datedName('tabledeck-backup', 'json', now);
			downloadBlob(blob, name);
			await markBackedUp(now);
			this.exported = { name, size: blob.size };
			this.status = 'idle';
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

	async read(file: File) {
		this.reset();
		this.status = 'reading';
		this.fileName = file.name;
		try {
			const parsed = await readBackup(fileText(file));
			this.plan = await previewRestore(parsed);
			this.parsed = parsed;
			this.summary = { exportedAt: parsed.header.exportedAt, from: parsed.from, to: parsed.to };
			this.status = 'preview';
		} catch (error) {
			this.fail(error instanceof BackupError ? error.kind : 'failed', error);
		}
	}

	async restore() {
		const parsed = this.parsed;
		if (!parsed || this.status !== 'preview') return;
		this.status = 'restoring';
		try {
			this.plan = await restoreBackup(parsed);
			// The restored log may hold ratings of today from another device.
			forgetKeptCounts();
			const { theme, locale } = parsed.header.preferences;
			if (theme) preferences.setTheme(theme);
			if (locale) preferences.setLocale(locale);
			await app.updateSettings({});
			this.parsed = null;
			this.status = 'restored';
		} catch (error) {
			this.fail('failed', error);
		}
	}

	reset() {
		this.parsed = null;
		this.plan = null;
		this.summary = null;
		this.error = null;
		this.status = 'idle';
	}

	private fail(kind: BackupErrorKind | 'failed', error: unknown) {
		this.parsed = null;
		this.error = { kind, detail: error instanceof Error ? error.message : String(error) };
		this.status = kind === 'failed' ? 'failed' : 'refused';
	}
}

export const backupFlow = new BackupFlow();
