import { deviceNotes, planDeviceNote, removeDeviceNote, storeDeviceNote, type DeviceNoteInfo, type NoteClash } from '$lib/db';
import { messageOf } from '$lib/errors';
import { previewNote, type NotePreview } from '$lib/import/preview';
import { noteFileName, type NoteRead, type Refusal } from '$lib/import/read-note';
import { MAX_NOTE_MB } from '$lib/notes/size';
import type { NoteDecks, Problem } from '$lib/notes/types';
import { readNoteInWorker } from '$lib/services/note-import';

export type AddStatus = 'idle' | 'reading' | 'preview' | 'adding' | 'added' | 'failed';

/** One note read for adding: its preview, or why it cannot be added. */
export interface NoteItem {
	file: string;
	markdown: string;
	refusal: Refusal | 'duplicate' | null;
	clash: NoteClash | null;
	problems: Problem[];
	warnings: Problem[];
	note: NoteDecks | null;
	preview: NotePreview | null;
}

/** Add notes (settings): read files or pasted text in a worker, preview, then store each note. */
class AddNotesFlow {
	status = $state<AddStatus>('idle');
	/** Raw: a note's cards are many and never edited in place. */
	items = $state.raw<NoteItem[]>([]);
	notes = $state.raw<DeviceNoteInfo[]>([]);
	error = $state('');
	removedFile = $state('');
	readonly blocked = $derived(this.items.some((item) => item.refusal || item.clash || item.problems.length > 0));

	async readFiles(files: File[]) {
		this.start();
		// A file over the limit is refused by its size, never read into memory (it may be 50 MB).
		const limit = MAX_NOTE_MB * 1024 * 1024;
		const sources = await Promise.all(
			files.map(async (file) => ({ file: file.name, bytes: file.size > limit ? null : new Uint8Array(await file.arrayBuffer()) }))
		);
		await this.read(sources);
	}

	async readText(name: string, markdown: string) {
		this.start();
		await this.read([{ file: noteFileName(name), bytes: new TextEncoder().encode(markdown) }]);
	}

	async add() {
		this.status = 'adding';
		try {
			for (const item of this.items) if (item.note) await storeDeviceNote(item.file, item.markdown, item.note);
			this.status = 'added';
			await this.refresh();
		} catch (error) {
			this.error = messageOf(error);
			this.status = 'failed';
		}
	}

	async remove(note: DeviceNoteInfo) {
		this.removedFile = '';
		if (await removeDeviceNote(note.id)) this.removedFile = note.file;
		await this.refresh();
	}

	async refresh() {
		this.notes = await deviceNotes();
	}

	reset() {
		this.status = 'idle';
		this.items = [];
		this.error = '';
		this.removedFile = '';
	}

	private start() {
		this.reset();
		this.status = 'reading';
		// Marks for the benchmark (bench:import): from a choice to its preview.
		performance.mark('tabledeck:notes-chosen');
	}

	/** `bytes` null: a file too big to read. */
	private async read(sources: { file: string; bytes: Uint8Array | null }[]) {
		try {
			const items: NoteItem[] = [];
			for (const source of sources) {
				const read: NoteRead = source.bytes
					? await readNoteInWorker(source.file, source.bytes)
					: { file: source.file, markdown: '', refusal: 'too-big', output: null };
				const item = await toItem(read);
				if (items.some((other) => other.note && item.note && other.note.decks[0].id === item.note.decks[0].id)) {
					items.push({ ...item, refusal: 'duplicate', note: null, preview: null });
				} else items.push(item);
			}
			this.items = items;
			this.status = 'preview';
			performance.mark('tabledeck:notes-preview');
		} catch (error) {
			this.error = messageOf(error);
			this.status = 'failed';
		}
	}
}

async function toItem(read: NoteRead): Promise<NoteItem> {
	const { file, markdown, refusal, output } = read;
	const item: NoteItem = {
		file,
		markdown,
		refusal,
		clash: null,
		problems: output?.problems ?? [],
		warnings: output?.warnings ?? [],
		note: null,
		preview: null
	};
	if (refusal || !output?.json || item.problems.length > 0) return item;
	const note = JSON.parse(output.json) as NoteDecks;
	const plan = await planDeviceNote(note);
	if (plan.clash) return { ...item, clash: plan.clash };
	return { ...item, note, preview: previewNote(note, plan.before) };
}

export const addNotes = new AddNotesFlow();
