/**
 * Which folders `--out` may replace. The builder swaps its output folder in whole, deleting
 * the old one, so it must only ever replace a folder it wrote itself: `--out decks` or
 * `--out .` once removed a person's notes or the whole project.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Written into every output folder: the builder's claim that the folder is its own. */
export const OUTPUT_MARKER = '.tabledeck-output';
export const MARKER_TEXT = 'Written by the tabledeck deck builder, which replaces this folder whole on every build.\n';

/** A mistake in how the builder was called: one line for the person, and exit code 2. */
export class UsageError extends Error {}

/** Output of builds from before the marker: only the index and `<note deck id>.json` files. */
const OLD_OUTPUT_FILE = /^(?:index|[0-9a-f]{16})\.json$/;

/** The path with its existing part resolved through symlinks, so `a/../b` or a link cannot hide a folder. */
async function canonical(path: string): Promise<string> {
	path = resolve(path);
	const real = await realpath(path).catch(() => null);
	if (real) return real;
	const parent = dirname(path);
	return parent === path ? path : join(await canonical(parent), basename(path));
}

const within = (inner: string, outer: string) => {
	const rel = relative(outer, inner);
	return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/**
 * Throws a UsageError unless `out` is missing, empty, or an earlier build's output. The notes
 * folder, the project and every folder holding either are refused whatever they hold.
 */
export async function checkOutFolder(out: string, notesDir: string, projectDir = process.cwd()): Promise<void> {
	const target = await canonical(out);
	const shown = `--out ${out}`;
	if (within(await canonical(notesDir), target)) throw new UsageError(`${shown} would replace the notes folder; refusing`);
	if (within(await canonical(projectDir), target)) throw new UsageError(`${shown} would replace the project folder; refusing`);
	const info = await stat(target).catch(() => null);
	if (!info) return;
	if (!info.isDirectory()) throw new UsageError(`${shown} is a file, not a folder; refusing to replace it`);
	const entries = await readdir(target, { withFileTypes: true });
	if (entries.length === 0 || entries.some((e) => e.name === OUTPUT_MARKER && e.isFile())) return;
	const names = entries.map((e) => e.name);
	if (names.includes('index.json') && entries.every((e) => e.isFile() && OLD_OUTPUT_FILE.test(e.name))) return;
	throw new UsageError(`${shown} holds files tabledeck did not write (it has no ${OUTPUT_MARKER}); refusing to replace it`);
}
