/**
 * Compiles every table in a folder of markdown notes into deck JSON.
 *   npm run decks                                  decks/**\/*.md → static/decks/
 *   npm run decks -- --notes DIR --out DIR
 * Output is swapped in whole: on any error the old output folder is left as it was. Each note's
 * JSON is written into the new folder as soon as it is made, so the build never holds all of it.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { randomUUID } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { deckFileName, formatProblem, indexDecks } from '../src/lib/notes/build';
import type { NoteOutput, NoteSource, TableReport } from '../src/lib/notes/build';
import type { Problem } from '../src/lib/notes/types';
import { sizeProblem } from '../src/lib/notes/size';
import { compileInPool } from './compile-pool';
import { NoteCache } from './note-cache';
import { checkOutFolder, MARKER_TEXT, OUTPUT_MARKER, UsageError } from './out-folder';

export { MAX_NOTE_MB } from '../src/lib/notes/size';

const USAGE = 'usage: npm run decks -- [--notes DIR] [--out DIR] [--no-cache] [--report]';

export async function readNotes(notesDir: string): Promise<NoteSource[]> {
	return Promise.all((await listNotes(notesDir)).map(async ({ file, path }) => ({ file, bytes: await readFile(path) })));
}

async function listNotes(notesDir: string) {
	const entries = await readdir(notesDir, { recursive: true, withFileTypes: true });
	const paths = entries
		.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
	return Promise.all(
		paths.map(async (path) => ({ path, file: relative(notesDir, path).split(sep).join('/'), size: (await stat(path)).size }))
	);
}

/** A problem for each note too big to parse, found from its size alone: such a note is never read. */
async function oversizedNotes(notesDir: string): Promise<Problem[]> {
	return (await listNotes(notesDir)).map((note) => sizeProblem(note.file, note.size)).filter((problem) => problem !== null);
}

/**
 * A fresh folder beside `out`, filled file by file, that replaces `out` whole on `commit()`.
 * `discard()` (always called, after a commit too) removes what is left of it; `out` is then as it was.
 */
export class StagedFolder {
	private constructor(
		private readonly out: string,
		readonly tmp: string
	) {}

	static async open(out: string): Promise<StagedFolder> {
		// Without this, `out/` would put the temp folder inside the folder it replaces.
		out = resolve(out);
		await mkdir(dirname(out), { recursive: true });
		// A new folder (mkdir fails if the name is taken), so nothing that was there before is ever
		// removed as "temporary"; not mkdtemp, whose 0700 mode would carry over to the output.
		const tmp = `${out}.tmp-${randomUUID().slice(0, 8)}`;
		await mkdir(tmp);
		const folder = new StagedFolder(out, tmp);
		// The marker goes in the new folder, so the folder swapped in is known as the builder's own.
		await folder.write(OUTPUT_MARKER, MARKER_TEXT).catch(async (error) => {
			await folder.discard();
			throw error;
		});
		return folder;
	}

	write(name: string, text: string): Promise<void> {
		return writeFile(join(this.tmp, name), text);
	}

	async commit(): Promise<void> {
		const { out, tmp } = this;
		const old = `${out}.old-${process.pid}`;
		const hadOld = await rename(out, old).then(
			() => true,
			(error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') return false;
				throw error;
			}
		);
		await rename(tmp, out).catch(async (error) => {
			if (hadOld) await rename(old, out);
			throw error;
		});
		if (hadOld) await rm(old, { recursive: true, force: true });
	}

	discard(): Promise<void> {
		return rm(this.tmp, { recursive: true, force: true });
	}
}

/** Writes every file into a fresh folder beside `out`, then swaps it in with renames. */
export async function writeAtomically(out: string, files: Map<string, string>): Promise<void> {
	const folder = await StagedFolder.open(out);
	try {
		for (const [name, text] of files) await folder.write(name, text);
		await folder.commit();
	} finally {
		await folder.discard();
	}
}

/** What the build keeps of a compiled note once its JSON is written: everything else. */
type Written = Omit<NoteOutput, 'json'> & { json: true | null };

/** `workers`: threads to compile on; 1 compiles in-process (tests run it so, under Vitest). */
export async function buildDecks(notesDir: string, outDir: string, log = console, workers = 1, cache: NoteCache | null = null) {
	await checkOutFolder(outDir, notesDir);
	const oversized = await oversizedNotes(notesDir);
	// No line or column: the whole note is the problem.
	for (const problem of oversized) log.error(`${join(notesDir, problem.file)}: ${problem.message}`);
	if (oversized.length) return { ok: false as const, problems: oversized, warnings: [] as Problem[] };
	const sources = await readNotes(notesDir);
	const folder = await StagedFolder.open(outDir);
	try {
		const outputs = await compileInto(folder, sources, workers, cache);
		const { index, problems, warnings } = indexDecks(outputs);
		const report = outputs
			.flatMap((output) => output.report ?? [])
			.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
		const shown = <P extends { file: string }>(p: P): P => ({ ...p, file: join(notesDir, p.file) });
		for (const warning of warnings) log.warn(`warning: ${formatProblem(shown(warning))}`);
		for (const problem of problems) log.error(formatProblem(shown(problem)));
		if (problems.length) return { ok: false as const, problems, warnings, report };
		await folder.write('index.json', index);
		await folder.commit();
		return { ok: true as const, index, problems, warnings, report };
	} finally {
		await folder.discard();
	}
}

/** Compiles (or takes from the cache) every note, one at a time in memory, writing each one's JSON into `folder`. */
async function compileInto(folder: StagedFolder, sources: NoteSource[], workers: number, cache: NoteCache | null): Promise<Written[]> {
	const write = async (output: NoteOutput): Promise<Written> => {
		if (output.json) await folder.write(deckFileName(output), output.json);
		return { ...output, json: output.json ? true : null };
	};
	const outputs: Written[] = [];
	const missing: NoteSource[] = [];
	for (const source of sources) {
		const cached = cache ? await cache.get(source) : null;
		if (cached) outputs.push(await write(cached));
		else missing.push(source);
	}
	const bySource = new Map(missing.map((source) => [source.file, source]));
	const compiled = await compileInPool(missing, workers, async (output) => {
		await cache?.put(bySource.get(output.file)!, output);
		return write(output);
	});
	await cache?.prune();
	return [...outputs, ...compiled];
}

function readArgs() {
	const { values } = parseArgs({
		options: {
			notes: { type: 'string', default: 'decks' },
			out: { type: 'string', default: 'static/decks' },
			'no-cache': { type: 'boolean', default: false },
			report: { type: 'boolean', default: false }
		}
	});
	return values;
}

async function main() {
	let values: ReturnType<typeof readArgs>;
	try {
		values = readArgs();
	} catch (error) {
		fail((error as Error).message);
	}
	const notesDir = relative(process.cwd(), resolve(values.notes!)) || '.';
	const notes = await stat(notesDir).catch(() => null);
	if (!notes) fail(`notes folder ${values.notes} does not exist`);
	if (!notes.isDirectory()) fail(`--notes ${values.notes} is a file; give the folder that holds the notes`);
	const started = performance.now();
	const cache = values['no-cache'] ? null : await NoteCache.open('.cache/decks', import.meta.url);
	const result = await buildDecks(notesDir, values.out!, console, availableParallelism(), cache).catch((error) => {
		if (error instanceof UsageError) fail(error.message);
		throw error;
	});
	if (values.report) console.log(formatReport(result.report, notesDir));
	if (!result.ok) {
		console.error(`tabledeck: ${result.problems.length} error(s); ${values.out} left unchanged`);
		process.exit(1);
	}
	const index = JSON.parse(result.index);
	const cards = index.notes.reduce((n: number, note: { cardCount: number }) => n + note.cardCount, 0);
	const ms = Math.round(performance.now() - started);
	console.log(`tabledeck: ${cards} cards in ${index.decks.length} decks from ${index.notes.length} notes → ${values.out} (${ms} ms)`);
	// For npm run bench:decks: the last stderr line is machine-readable.
	if (process.env.TABLEDECK_STATS) {
		const usage = process.resourceUsage();
		const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
		console.error(JSON.stringify({ cards, ms, cpuMs, maxRssKb: usage.maxRSS }));
	}
}

/**
 * Per table: the shape chosen and the signals that chose it, cards by kind, and the columns
 * that ask less and why, so that a person can fix a note or add a directive.
 */
export function formatReport(report: TableReport[], notesDir: string): string {
	return report
		.map((table) => {
			const lines = [`${join(notesDir, table.file)}:${table.line}  ${table.deck}`];
			const why = table.signals.length ? ` (${table.signals.join('; ')})` : '';
			lines.push(`  shape: ${table.shape}${why}`);
			if (table.shape !== 'skipped')
				lines.push(`  cards: ${table.cards.forward} forward, ${table.cards.reverse} reverse, ${table.cards.whole} whole-table`);
			for (const column of table.columns) lines.push(`  ${column.column === '*' ? 'table' : `column "${column.column}"`}: ${column.note}`);
			return lines.join('\n');
		})
		.join('\n');
}

/** A mistake in the command line: what is wrong, how to call it, exit code 2 (as usage errors do). */
function fail(message: string): never {
	console.error(`tabledeck: ${message}\n${USAGE}`);
	process.exit(2);
}

if (isMainThread && process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
