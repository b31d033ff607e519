/**
 * The notes a backup carries, compiled here as when they were added: the same builder, so the
 * same deck and card ids (notes/ids.ts), and the progress in the backup finds its cards again.
 * A note that cannot be added refuses the whole restore (see README, Decisions).
 */
import { BackupError } from '$lib/backup/read';
import type { BackupNote } from '$lib/backup/schema';
import type { NoteDecks } from '$lib/notes/types';
import type { NoteRead } from './read-note';

export interface CompiledNote extends BackupNote {
	note: NoteDecks;
}

const REASONS = {
	'too-big': 'it is bigger than a note may be',
	'not-utf8': 'it is not UTF-8 text',
	'no-tables': 'it has no tables',
	'no-cards': 'its tables make no cards'
} as const;

export async function compileBackupNotes(
	notes: BackupNote[],
	read: (file: string, bytes: Uint8Array) => NoteRead | Promise<NoteRead>
): Promise<CompiledNote[]> {
	const compiled: CompiledNote[] = [];
	const owner = new Map<string, string>();
	for (const { file, markdown } of notes) {
		const result = await read(file, new TextEncoder().encode(markdown));
		const problem = result.output?.problems[0];
		if (result.refusal || problem || !result.output?.json) {
			const why = result.refusal ? REASONS[result.refusal] : `${problem!.line}:${problem!.column}: ${problem!.message}`;
			throw new BackupError('note', `The note ${file} in the backup cannot be added: ${why}`);
		}
		const note = JSON.parse(result.output.json) as NoteDecks;
		for (const deck of note.decks) {
			const other = owner.get(deck.id);
			if (other !== undefined) throw new BackupError('note', `The notes ${other} and ${file} in the backup have decks with the same ids`);
			owner.set(deck.id, file);
		}
		compiled.push({ file, markdown, note });
	}
	return compiled;
}
