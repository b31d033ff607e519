import { describe, expect, it } from 'vitest';
import { compileNoteOutput, type NoteSource } from '../src/lib/notes/build';
import { parseMarkdown } from '../src/lib/notes/markdown';
import { FIXTURES, OWNER_NOTES, source } from '../src/lib/notes/testing';
import { diffNote, readNotes } from './compare-builders';
import { parseWithMicromark } from './micromark-parse';
import { randomNote } from './random-notes.testing';

/** Every difference between the two parse stages' builds of a note: none, is the claim. */
const differences = (note: NoteSource) => diffNote(compileNoteOutput(note, parseWithMicromark), compileNoteOutput(note, parseMarkdown));

describe('the @lezer/markdown parse stage builds what micromark built (issue #17)', () => {
	it('on the bundled notes and every fixture note: cards, decks, errors, warnings and report', () => {
		const notes = [...readNotes(OWNER_NOTES), ...readNotes(FIXTURES)];
		expect(notes.length).toBeGreaterThan(8);
		for (const note of notes) expect(differences(note), note.file).toEqual([]);
	});

	// micromark takes ~30 ms a note: a few hundred here; `npm run decks:compare -- --random 3000` runs more.
	it('on 150 seeded random notes of every construct, 50 of them also with Windows line endings', { timeout: 60_000 }, () => {
		for (let seed = 1; seed <= 150; seed++) {
			for (const eol of seed <= 50 ? ['\n', '\r\n'] : ['\n']) {
				expect(differences(source(randomNote(seed).replaceAll('\n', eol))), `seed ${seed}`).toEqual([]);
			}
		}
	});
});
