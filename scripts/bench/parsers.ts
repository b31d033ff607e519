/**
 * npm run bench:parsers — the parse stage alone (markdown → syntax tree, nothing after it) of
 * micromark (mdast-util-from-markdown + GFM table, strikethrough, footnotes: the builder's
 * parser until issue #17), @lezer/markdown (+ its GFM Table and Strikethrough) and markdown-it
 * (+ markdown-it-footnote), on the bundled notes, every note of ../shared/corpus and the ~100k
 * card input `npm run bench:decks` generates. One run measures all three, so their ratios can
 * be compared on a shared, noisy machine.
 *
 * Each parser × input runs in a child process of its own (`--child`), so that its peak RSS is
 * its own: a first (cold) pass, then passes until ~2 s have gone (median), then every tree of
 * the input kept alive at once to weigh what the trees hold (heap after GC).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parser as lezer, Strikethrough, Table } from '@lezer/markdown';
import { parseWithMicromark } from '../micromark-parse';
import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { generateCorpus } from './deck-corpus';

const PARSERS: Record<string, (text: string) => unknown> = {
	micromark: parseWithMicromark,
	lezer: (
		(configured) => (text: string) =>
			configured.parse(text)
	)(lezer.configure([Table, Strikethrough])),
	'markdown-it': (
		(md) => (text: string) =>
			md.parse(text, {})
	)(new MarkdownIt({ html: true }).use(markdownItFootnote))
};

interface Result {
	parser: string;
	input: string;
	mb: number;
	coldMs: number;
	medianMs: number;
	passes: number;
	treesMb: number;
	maxRssMb: number;
}

function notesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort()
		.map((path) => readFileSync(path, 'utf8'));
}

function child(parserName: string, input: string, dir: string): void {
	const parse = PARSERS[parserName];
	const texts = notesIn(dir);
	const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
	const pass = () => {
		const started = performance.now();
		for (const text of texts) parse(text);
		return performance.now() - started;
	};
	const coldMs = pass();
	const times: number[] = [];
	for (let spent = 0; times.length < 1 || (spent < 2000 && times.length < 20);) spent += times[times.push(pass()) - 1];
	times.sort((a, b) => a - b);
	const gc = (globalThis as { gc?: () => void }).gc!;
	gc();
	const before = process.memoryUsage().heapUsed;
	const trees = texts.map(parse);
	gc();
	const treesMb = (process.memoryUsage().heapUsed - before) / 1e6;
	if (trees.length !== texts.length) throw new Error('unreachable: keeps the trees alive until measured');
	const result: Result = {
		parser: parserName,
		input,
		mb,
		coldMs,
		medianMs: times[times.length >> 1],
		passes: times.length,
		treesMb,
		maxRssMb: process.resourceUsage().maxRSS / 1024
	};
	console.log(JSON.stringify(result));
}

function main(): void {
	const generated = generateCorpus(100_000);
	const inputs: [string, string][] = [
		['bundled notes (decks/)', 'decks'],
		['../shared/corpus (every .md)', join('..', 'shared', 'corpus')],
		['generated ~100k cards', generated]
	];
	const results: Result[] = [];
	try {
		for (const [input, dir] of inputs) {
			for (const parserName of Object.keys(PARSERS)) {
				const run = spawnSync(process.execPath, ['--expose-gc', process.argv[1], '--child', parserName, input, dir], { encoding: 'utf8' });
				if (run.status !== 0) throw new Error(`${parserName} on ${input} failed\n${run.stderr}`);
				results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!));
			}
		}
	} finally {
		rmSync(generated, { recursive: true, force: true });
	}
	console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
	console.log('| input | MB | parser | cold pass | median pass | MB/s (median) | × micromark | trees held | peak RSS |');
	console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		const base = results.find((b) => b.input === r.input && b.parser === 'micromark')!;
		console.log(
			`| ${r.input} | ${r.mb.toFixed(2)} | ${r.parser} | ${r.coldMs.toFixed(0)} ms | ${r.medianMs.toFixed(1)} ms (${r.passes}) | ${(r.mb / (r.medianMs / 1000)).toFixed(1)} | ${(base.medianMs / r.medianMs).toFixed(1)}× | ${r.treesMb.toFixed(1)} MB | ${r.maxRssMb.toFixed(0)} MB |`
		);
	}
}

const at = process.argv.indexOf('--child');
if (at > 0) child(process.argv[at + 1], process.argv[at + 2], process.argv[at + 3]);
else main();
