/**
 * npm run decks:compare [-- DIR…] — proof of sameness for issue #17: builds every note in the
 * folders given (by default the bundled notes, ../shared/notes and ../shared/corpus) with the old
 * parse stage (micromark) and the new one (@lezer/markdown through src/lib/notes/markdown.ts),
 * and diffs what comes out: deck files byte for byte, and where they differ, cards (id, front,
 * back, HTML and text), decks, errors and warnings with their file:line:col, and the build
 * report. Exits 1 when anything differs. `-- --random N` compares N seeded random notes instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { assembleDecks, compileNoteOutput, formatProblem, type NoteOutput, type NoteSource } from '../src/lib/notes/build';
import { parseMarkdown } from '../src/lib/notes/markdown';
import type { Card, NoteDecks } from '../src/lib/notes/types';
import { parseWithMicromark } from './micromark-parse';
import { randomNote } from './random-notes.testing';

const DEFAULT_DIRS = ['decks', '../shared/notes', '../shared/corpus'];

/** As build-decks reads them (importing it would run its command line). */
export function readNotes(dir: string): NoteSource[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort()
		.map((path) => ({ file: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) }));
}

function diffLists(what: string, before: string[], after: string[]): string[] {
	const old = new Set(before);
	const now = new Set(after);
	return [
		...before.filter((line) => !now.has(line)).map((line) => `  ${what} only before: ${line}`),
		...after.filter((line) => !old.has(line)).map((line) => `  ${what} only after:  ${line}`)
	];
}

const CARD_FIELDS: (keyof Card)[] = [
	'deckId',
	'front',
	'back',
	'frontText',
	'backText',
	'source',
	'tableId',
	'rowKey',
	'column',
	'direction'
];

/** What differs between two builds of one note, a line each; none when they are the same. */
export function diffNote(before: NoteOutput, after: NoteOutput): string[] {
	const lines = [
		...diffLists('error', before.problems.map(formatProblem), after.problems.map(formatProblem)),
		...diffLists('warning', before.warnings.map(formatProblem), after.warnings.map(formatProblem)),
		...diffLists(
			'report',
			before.report.map((t) => JSON.stringify(t)),
			after.report.map((t) => JSON.stringify(t))
		),
		...diffLists(
			'deck',
			before.decks.map((d) => JSON.stringify(d)),
			after.decks.map((d) => JSON.stringify(d))
		)
	];
	const cards = (output: NoteOutput) =>
		new Map(((output.json ? JSON.parse(output.json) : { cards: [] }) as NoteDecks).cards.map((c) => [c.id, c]));
	const old = cards(before);
	const now = cards(after);
	for (const [id, card] of old) {
		const other = now.get(id);
		if (!other) lines.push(`  card only before: ${id} ${JSON.stringify(card.front)} → ${JSON.stringify(card.back)}`);
		else
			for (const field of CARD_FIELDS)
				if (JSON.stringify(card[field]) !== JSON.stringify(other[field]))
					lines.push(`  card ${id} ${field}: ${JSON.stringify(card[field])} → ${JSON.stringify(other[field])}`);
	}
	for (const [id, card] of now)
		if (!old.has(id)) lines.push(`  card only after:  ${id} ${JSON.stringify(card.front)} → ${JSON.stringify(card.back)}`);
	if (!lines.length && before.json !== after.json) lines.push('  deck file differs in order only');
	return lines;
}

/** `--random N`: seeded random notes 1…N (scripts/random-notes.testing.ts), with \n and with \r\n. */
function compareRandom(count: number): number {
	const differing: string[] = [];
	for (let seed = 1; seed <= count; seed++) {
		for (const [name, eol] of [
			['', '\n'],
			[' (\\r\\n)', '\r\n']
		]) {
			const note = { file: `random-${seed}.md`, bytes: new TextEncoder().encode(randomNote(seed).replaceAll('\n', eol)) };
			if (diffNote(compileNoteOutput(note, parseWithMicromark), compileNoteOutput(note, parseMarkdown)).length)
				differing.push(`${seed}${name}`);
		}
	}
	console.log(
		`decks:compare: ${count} random notes × 2 line endings; ${differing.length} differ${differing.length ? `: seeds ${differing.join(', ')}` : ''}`
	);
	return differing.length;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2).filter((arg) => arg !== '--');
	const random = args.indexOf('--random');
	if (random >= 0) {
		if (compareRandom(Number(args[random + 1]) || 1000)) process.exitCode = 1;
		return;
	}
	const dirs = args.length ? args : DEFAULT_DIRS.filter((dir) => existsSync(dir));
	let notes = 0;
	let cards = 0;
	let differing = 0;
	for (const dir of dirs) {
		const sources = readNotes(dir);
		const before = sources.map((source) => compileNoteOutput(source, parseWithMicromark));
		const after = sources.map((source) => compileNoteOutput(source, parseMarkdown));
		for (let i = 0; i < sources.length; i++) {
			notes++;
			cards += after[i].json ? (JSON.parse(after[i].json!) as NoteDecks).cards.length : 0;
			const lines = diffNote(before[i], after[i]);
			if (!lines.length) continue;
			differing++;
			console.log(`${dir}/${sources[i].file}: differs`);
			for (const line of lines) console.log(line);
		}
		const [oldFiles, newFiles] = [assembleDecks(before).files, assembleDecks(after).files];
		const same = JSON.stringify([...(oldFiles ?? [])]) === JSON.stringify([...(newFiles ?? [])]);
		console.log(`${dir}: ${sources.length} notes, deck files ${same ? 'byte-identical' : 'differ'}`);
	}
	console.log(`decks:compare: ${notes} notes, ${cards} cards; ${differing} note(s) differ`);
	if (differing) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
