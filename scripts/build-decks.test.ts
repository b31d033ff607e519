import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { compileNotes } from '../src/lib/notes/build';
import { brokenRules, FIXTURES } from '../src/lib/notes/testing';
import type { DeckIndex, NoteDecks } from '../src/lib/notes/types';
import { buildDecks, readNotes, writeAtomically } from './build-decks';
import { MARKER_TEXT, OUTPUT_MARKER } from './out-folder';

const MARKER = { [OUTPUT_MARKER]: Buffer.from(MARKER_TEXT).toString('base64') };

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const VALID = join(FIXTURES, 'valid');
const BROKEN = join(FIXTURES, 'broken');
const CORPUS = '/work/shared/corpus';
const PROBLEM_LINE = /^.+:\d+:\d+: \S/;

const temps: string[] = [];
afterEach(() => {
	for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed after the test. */
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-'));
	temps.push(dir);
	return dir;
}

/** Every file and folder under a folder, files with their bytes, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	return Object.fromEntries(
		entries.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return [path.slice(dir.length + 1), entry.isFile() ? readFileSync(path, 'base64') : '<folder>'];
		})
	);
}

/** An output folder from an earlier build (marked as the builder's), with a file the next build would not write. */
function oldOutput(): { out: string; before: Record<string, string> } {
	const out = join(tempDir(), 'decks');
	mkdirSync(out);
	writeFileSync(join(out, OUTPUT_MARKER), MARKER_TEXT);
	writeFileSync(join(out, 'index.json'), '{"schema":1,"notes":[],"decks":[]}');
	writeFileSync(join(out, 'stale.json'), '{"old":true}');
	return { out, before: snapshot(out) };
}

function quietLog() {
	const lines: string[] = [];
	const log = { warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } as unknown as Console;
	return { log, lines };
}

describe('readNotes', () => {
	it('reads every .md file below the folder, with paths relative to it and / separators, in order', async () => {
		const notes = tempDir();
		mkdirSync(join(notes, 'k8s', 'deep'), { recursive: true });
		writeFileSync(join(notes, 'b.md'), 'b');
		writeFileSync(join(notes, 'k8s', 'deep', 'pods.md'), 'p');
		writeFileSync(join(notes, 'k8s', 'UPPER.MD'), 'u');
		writeFileSync(join(notes, 'notes.txt'), 'not a note');
		const sources = await readNotes(notes);
		expect(sources.map((s) => [s.file, Buffer.from(s.bytes).toString()])).toEqual([
			['b.md', 'b'],
			['k8s/UPPER.MD', 'u'],
			['k8s/deep/pods.md', 'p']
		]);
	});
});

describe('writeAtomically', () => {
	it('replaces the whole folder, leaving nothing of the old one and no temporary folders', async () => {
		const { out } = oldOutput();
		await writeAtomically(out, new Map([['index.json', '{"new":true}']]));
		expect(snapshot(out)).toEqual({ ...MARKER, 'index.json': Buffer.from('{"new":true}').toString('base64') });
		expect(readdirSync(dirname(out))).toEqual(['decks']);
	});

	it('leaves the old folder exactly as it was when a file cannot be written', async () => {
		const { out, before } = oldOutput();
		await expect(
			writeAtomically(
				out,
				new Map([
					['index.json', '{}'],
					['no/such/folder.json', '{}']
				])
			)
		).rejects.toThrow();
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(dirname(out))).toEqual(['decks']);
	});

	// Regression: `out/` put the temporary folder inside the folder being replaced, and the swap failed.
	it('accepts a folder written with a trailing slash', async () => {
		const { out } = oldOutput();
		await writeAtomically(`${out}/`, new Map([['index.json', '{}']]));
		expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.json']);
		expect(readdirSync(dirname(out))).toEqual(['decks']);
	});
});

describe('buildDecks', () => {
	it('writes what the notes compile to, byte-identical on every build', async () => {
		const first = join(tempDir(), 'decks');
		const second = join(tempDir(), 'decks');
		const result = await buildDecks(VALID, first, quietLog().log);
		await buildDecks(VALID, second, quietLog().log);
		expect(result.ok).toBe(true);
		const expected = compileNotes(await readNotes(VALID)).files!;
		expect(snapshot(first)).toEqual({
			...MARKER,
			...Object.fromEntries([...expected].map(([name, text]) => [name, Buffer.from(text).toString('base64')]))
		});
		expect(snapshot(second)).toEqual(snapshot(first));
	});

	it('logs each warning as "warning: path:line:col: message"', async () => {
		const { log, lines } = quietLog();
		await buildDecks(VALID, join(tempDir(), 'decks'), log);
		expect(lines.length).toBeGreaterThan(5);
		for (const line of lines) expect(line).toMatch(/^warning: .+\/valid\/.+\.md:\d+:\d+: \S/);
		expect(lines).toContainEqual(expect.stringMatching(/skipped\.md:23:1: table skipped: a grid of numbers makes no cards$/));
	});

	it('on any error logs every problem and leaves the old output exactly as it was', async () => {
		const { out, before } = oldOutput();
		const { log, lines } = quietLog();
		const result = await buildDecks(BROKEN, out, log);
		expect(result.ok).toBe(false);
		expect(result.problems).toHaveLength(5);
		const errors = lines.filter((line) => !line.startsWith('warning: '));
		expect(errors.map((line) => line.slice(BROKEN.length + 1))).toEqual([
			'latin1.md:1:6: invalid UTF-8 byte 0xE9',
			'latin1.md:5:6: invalid UTF-8 byte 0xE9',
			'problems.md:3:1: unknown tabledeck directive "reverse" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'problems.md:16:1: unknown tabledeck directive "kye=2" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'problems.md:14:1: duplicate key "하나" in one table (first at line 12); add <!-- tabledeck: key=N --> or rename one'
		]);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(dirname(out))).toEqual(['decks']);
	});

	// Each note's JSON is written into the new folder as it is made (issue #17's memory budget).
	it('leaves the old output as it was when a note fails after others were written', async () => {
		const notes = tempDir();
		writeFileSync(join(notes, 'a-good.md'), readFileSync(join(VALID, 'shapes.md')));
		writeFileSync(join(notes, 'z-bad.md'), readFileSync(join(BROKEN, 'latin1.md')));
		const { out, before } = oldOutput();
		const result = await buildDecks(notes, out, quietLog().log);
		expect(result.ok).toBe(false);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(dirname(out))).toEqual(['decks']);
	});
});

/**
 * The builder as `npm run decks` runs it: bundled by scripts/run.js, so it compiles on worker
 * threads (under Vitest it cannot). No cache: as from source, every note is compiled, and the
 * project's own .cache/decks is not pruned to the test's notes.
 */
const runBuilder = (notes: string, out: string) =>
	spawnSync(process.execPath, ['scripts/run.js', 'scripts/build-decks.ts', '--notes', notes, '--out', out, '--no-cache'], {
		cwd: ROOT,
		encoding: 'utf8'
	});

describe('the build-decks command', () => {
	const run = runBuilder;

	it('exits non-zero with file:line:col for every problem, and changes nothing', () => {
		const { out, before } = oldOutput();
		const result = run(BROKEN, out);
		expect(result.status).toBe(1);
		const problems = result.stderr.split('\n').filter((line) => PROBLEM_LINE.test(line) && !line.startsWith('warning: '));
		expect(problems).toHaveLength(5);
		expect(problems.every((line) => /broken\/(latin1|problems)\.md:\d+:\d+: /.test(line))).toBe(true);
		expect(snapshot(out)).toEqual(before);
	}, 60_000);

	it('exits zero and writes the decks when the notes are fine', () => {
		const out = join(tempDir(), 'decks');
		const result = run(VALID, out);
		expect(result.status).toBe(0);
		const index: DeckIndex = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
		expect(index.notes.map((n) => n.file)).toEqual(['robust.md', 'shapes.md', 'skipped.md', 'study/nested.md']);
		expect(result.stdout).toMatch(/tabledeck: \d+ cards in \d+ decks from 4 notes/);
	}, 60_000);
});

// Real notes from other people, when this machine has them: the builder must get through them.
if (existsSync(CORPUS)) {
	describe('the shared corpus', () => {
		// Through the bundled command: compiling these notes in-process under Vitest took ~25 s.
		it('builds, writes cards that keep every rule, and reports each problem as path:line:col', () => {
			const out = join(tempDir(), 'decks');
			const result = runBuilder(CORPUS, out);
			const lines = result.stderr.split('\n').filter((line) => line !== '');
			for (const line of lines) expect(line.replace(/^warning: /, '')).toMatch(PROBLEM_LINE);
			// Exit 0 only when the build had no problems (errors); warnings are allowed.
			expect(result.status).toBe(0);
			expect(lines.filter((line) => !line.startsWith('warning: '))).toEqual([]);
			const index: DeckIndex = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
			expect(index.notes.reduce((n, note) => n + note.cardCount, 0)).toBeGreaterThan(1000);
			for (const entry of index.notes) {
				const note: NoteDecks = JSON.parse(readFileSync(join(out, entry.json), 'utf8'));
				expect(brokenRules(note)).toEqual([]);
			}
		}, 120_000);
	});
}
