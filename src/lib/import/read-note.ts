/**
 * One note picked or pasted in the app → what the builder makes of it, or why it cannot be
 * added. Runs in a Web Worker (compile.worker.ts); pure, so it is tested in Node.
 */
import { compileNoteOutput, type NoteOutput } from '$lib/notes/build';
import { MAX_NOTE_MB } from '$lib/notes/size';

/** Why a note cannot be added at all (its own problems, with their places, are in `output`). */
export type Refusal = 'too-big' | 'not-utf8' | 'no-tables' | 'no-cards';

export interface NoteRead {
	file: string;
	/** The text as added (empty when refused before decoding). */
	markdown: string;
	refusal: Refusal | null;
	/** Null when refused before the builder ran. */
	output: NoteOutput | null;
}

export function readNote(file: string, bytes: Uint8Array): NoteRead {
	if (bytes.length > MAX_NOTE_MB * 1024 * 1024) return { file, markdown: '', refusal: 'too-big', output: null };
	let markdown: string;
	try {
		markdown = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { file, markdown: '', refusal: 'not-utf8', output: null };
	}
	const output = compileNoteOutput({ file, bytes });
	let refusal: Refusal | null = null;
	if (output.problems.length === 0 && output.json === null) refusal = output.report.length === 0 ? 'no-tables' : 'no-cards';
	return { file, markdown, refusal, output };
}

/** A name for pasted text: what the person typed, ending in `.md`, without folders. */
export function noteFileName(name: string): string {
	const base = name.trim().replace(/^.*[/\\]/, '') || 'pasted';
	return /\.(md|markdown)$/i.test(base) ? base : `${base}.md`;
}
