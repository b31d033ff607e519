import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDecks, MAX_NOTE_MB } from './build-decks';
import { checkOutFolder, OUTPUT_MARKER } from './out-folder';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const NOTE = '# Kubernetes\n\n| 용어 | 뜻 |\n|---|---|\n| Pod | 가장 작은 배포 단위 |\n| Node | 워커 머신 |\n';

const temps: string[] = [];
afterEach(() => {
	for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temp folder holding `notes/k8s.md`, removed after the test. Every `--out` below is inside
 * it: run against the old builder, these tests must not be able to delete anything real.
 */
function workspace() {
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-safety-'));
	temps.push(dir);
	const notes = join(dir, 'notes');
	mkdirSync(notes);
	writeFileSync(join(notes, 'k8s.md'), NOTE);
	return { dir, notes };
}
type Workspace = ReturnType<typeof workspace>;

/** Every file under a folder with its bytes, to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	return Object.fromEntries(
		entries.map((e) => [join(e.parentPath, e.name), e.isFile() ? readFileSync(join(e.parentPath, e.name), 'base64') : '<folder>'])
	);
}

const quiet = () => {
	const lines: string[] = [];
	return { lines, log: { warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } as unknown as Console };
};

describe('--out', () => {
	// Regression: `--out decks` (the notes) or `--out .` deleted the folder and everything in it.
	it.each([
		['the notes folder', (w: Workspace) => w.notes, /would replace the notes folder/],
		['a folder holding the notes', (w: Workspace) => w.dir, /would replace the notes folder/],
		['a file', (w: Workspace) => (writeFileSync(join(w.dir, 'out.json'), '{}'), join(w.dir, 'out.json')), /is a file/]
	])('refuses %s and touches nothing', async (_, outOf, message) => {
		const w = workspace();
		const out = outOf(w);
		const before = snapshot(w.dir);
		await expect(buildDecks(w.notes, out, quiet().log)).rejects.toThrow(message);
		expect(snapshot(w.dir)).toEqual(before);
	});

	it('refuses a folder that holds files it did not write, even beside old deck files', async () => {
		const w = workspace();
		const out = join(w.dir, 'site');
		mkdirSync(out);
		writeFileSync(join(out, 'index.json'), '{}');
		writeFileSync(join(out, 'index.html'), '<p>mine</p>');
		const before = snapshot(w.dir);
		await expect(buildDecks(w.notes, out, quiet().log)).rejects.toThrow(
			`--out ${out} holds files tabledeck did not write (it has no ${OUTPUT_MARKER}); refusing to replace it`
		);
		expect(snapshot(w.dir)).toEqual(before);
	});

	it('refuses the project folder and every folder above it, marked or not', async () => {
		const w = workspace();
		const project = join(w.dir, 'project');
		mkdirSync(project);
		writeFileSync(join(project, OUTPUT_MARKER), '');
		await expect(checkOutFolder(project, w.notes, project)).rejects.toThrow(`--out ${project} would replace the project folder; refusing`);
		await expect(checkOutFolder(w.dir, join(project, 'decks'), project)).rejects.toThrow(/would replace the notes folder/);
		await expect(checkOutFolder(join(project, 'static', 'decks'), w.notes, project)).resolves.toBeUndefined();
	});

	it.each([
		['a missing folder', () => {}],
		['an empty folder', (out: string) => mkdirSync(out)],
		[
			'its own earlier output, marked',
			(out: string) => (mkdirSync(out), writeFileSync(join(out, OUTPUT_MARKER), ''), writeFileSync(join(out, 'stale.txt'), ''))
		],
		[
			'output of builds from before the marker',
			(out: string) => (
				mkdirSync(out),
				writeFileSync(join(out, 'index.json'), '{}'),
				writeFileSync(join(out, '0123456789abcdef.json'), '{}')
			)
		]
	])('replaces %s, and marks it as its own', async (_, make) => {
		const w = workspace();
		const out = join(w.dir, 'decks');
		make(out);
		expect((await buildDecks(w.notes, out, quiet().log)).ok).toBe(true);
		expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, expect.stringMatching(/^[0-9a-f]{16}\.json$/), 'index.json']);
		expect(readdirSync(w.dir).sort()).toEqual(['decks', 'notes']);
	});
});

describe('a note too big to parse', () => {
	// Regression: a 12 MB note ran Node out of memory; parsing takes ~520 MB per MB of note.
	it('is refused by its size, before it is read, and the old output stays', async () => {
		const w = workspace();
		writeFileSync(join(w.notes, 'huge.md'), `${NOTE}\n${'x'.repeat((MAX_NOTE_MB + 0.5) * 1024 * 1024)}\n`);
		const out = join(w.dir, 'decks');
		mkdirSync(out);
		writeFileSync(join(out, OUTPUT_MARKER), '');
		const before = snapshot(w.dir);
		const { log, lines } = quiet();
		const result = await buildDecks(w.notes, out, log);
		expect(result.ok).toBe(false);
		expect(lines).toEqual([`${join(w.notes, 'huge.md')}: note is ${MAX_NOTE_MB + 0.5} MB; the limit is ${MAX_NOTE_MB} MB`]);
		expect(snapshot(w.dir)).toEqual(before);
	});
});

describe('the command line', () => {
	const run = (...args: string[]) =>
		spawnSync('node', ['scripts/run.js', 'scripts/build-decks.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
	const usage = 'usage: npm run decks -- [--notes DIR] [--out DIR] [--no-cache] [--report]';

	it('says in one line what is wrong, then how to call it, and exits 2', () => {
		const w = workspace();
		const cases: [string[], string][] = [
			[['--notse', w.notes], "tabledeck: Unknown option '--notse'"],
			[['--notes', join(w.dir, 'missing')], `tabledeck: notes folder ${join(w.dir, 'missing')} does not exist`],
			[
				['--notes', join(w.notes, 'k8s.md')],
				`tabledeck: --notes ${join(w.notes, 'k8s.md')} is a file; give the folder that holds the notes`
			],
			[['--notes', w.notes, '--out', w.notes], `tabledeck: --out ${w.notes} would replace the notes folder; refusing`]
		];
		const before = snapshot(w.dir);
		for (const [args, line] of cases) {
			const result = run(...args);
			expect({ args, status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({
				args,
				status: 2,
				stderr: `${line}\n${usage}\n`,
				stdout: ''
			});
		}
		expect(snapshot(w.dir)).toEqual(before);
	}, 60_000);

	// Regression: esbuild warned about tsconfig.json's missing base config on every run.
	it('prints nothing but its summary on a clean run', () => {
		const w = workspace();
		const result = run('--notes', w.notes, '--out', join(w.dir, 'decks'), '--no-cache');
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^tabledeck: 4 cards in 1 decks from 1 notes → \S+ \(\d+ ms\)\n$/);
	}, 60_000);
});
