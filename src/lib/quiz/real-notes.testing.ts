// The notes the property tests run over: the bundled decks, and the shared corpus of other
// people's notes when this machine has it (it is not copied into the project).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Card, Deck, DeckIndex, NoteDecks } from '../notes/types';

export const CORPUS = '/work/shared/corpus';
export const hasCorpus = () => existsSync(CORPUS);

export function readDecks(dir: string): { cards: Card[]; decks: Deck[] } {
	const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as DeckIndex;
	const notes = index.notes.map((note) => JSON.parse(readFileSync(join(dir, note.json), 'utf8')) as NoteDecks);
	return { cards: notes.flatMap((note) => note.cards), decks: notes.flatMap((note) => note.decks) };
}

export const bundledDecks = () => readDecks(new URL('../../../static/decks/', import.meta.url).pathname);

/** Builds the corpus into a temporary folder, reads it, and removes the folder. */
export function corpusDecks(): { cards: Card[]; decks: Deck[] } {
	const tmp = mkdtempSync(join(tmpdir(), 'tabledeck-corpus-'));
	try {
		const out = join(tmp, 'decks');
		const root = new URL('../../../', import.meta.url).pathname;
		const built = spawnSync(process.execPath, ['scripts/run.js', 'scripts/build-decks.ts', '--notes', CORPUS, '--out', out], {
			cwd: root,
			encoding: 'utf8'
		});
		expect(built.status, built.stderr).toBe(0);
		return readDecks(out);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}
