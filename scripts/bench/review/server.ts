/**
 * npm run bench:review's server: a production build, with /decks/ answered from generated
 * deck JSON (kept in memory, swappable for a deck update) and a seeding page that loads
 * the app's own src/lib/db, bundled here with esbuild.
 */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import type { DeckIndex, NoteDecks } from '../../../src/lib/notes/types';

// Loaded at run time: scripts/run.js bundles imports, and esbuild cannot be bundled.
const ESBUILD = 'esbuild';
const { build } = (await import(ESBUILD)) as typeof import('esbuild');

export type DeckFiles = Map<string, string>;

export function serialise(files: Map<string, DeckIndex | NoteDecks>): DeckFiles {
	return new Map([...files].map(([name, file]) => [name, JSON.stringify(file)]));
}

/** The same decks with the answers of the first `changed` cards edited (whole notes, note order). */
export function editedDecks(files: Map<string, DeckIndex | NoteDecks>, changed: number): DeckFiles {
	const index = structuredClone(files.get('index.json') as DeckIndex);
	const out = new Map<string, string>();
	let left = changed;
	for (const entry of index.notes) {
		const note = files.get(entry.json) as NoteDecks;
		if (left <= 0) {
			out.set(entry.json, JSON.stringify(note));
			continue;
		}
		const cards = note.cards.map((card, i) =>
			i < left ? { ...card, back: `${card.back} (v2)`, backText: `${card.backText} (v2)` } : card
		);
		left -= note.cards.length;
		entry.hash = `${note.hash}v2`;
		out.set(entry.json, JSON.stringify({ ...note, hash: entry.hash, cards }));
	}
	out.set('index.json', JSON.stringify(index));
	return out;
}

/** The app's own src/lib/db and the benchmark data generator, bundled for the seeding page. */
export async function seedBundle(): Promise<string> {
	const result = await build({
		stdin: {
			contents: [
				"export { closeDatabase, deckCounts, deckTree, homeRead, importProgress, openDatabase, syncDecks } from './src/lib/db';",
				"export { loadTotals, recountTotals } from './src/lib/db/deck-totals-store';",
				"export { read } from './src/lib/db/database';",
				"export { generateBenchData } from './scripts/bench/db-data';",
				"export { cardDigest } from './src/lib/db/card-digest';"
			].join('\n'),
			resolveDir: process.cwd(),
			loader: 'ts'
		},
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome120',
		write: false,
		logLevel: 'warning'
	});
	return result.outputFiles[0].text;
}

export interface BenchServer {
	url: string;
	decks: DeckFiles;
	close(): Promise<void>;
}

/** Serves `folder` (a production build), with /decks/ from memory and the seeding page. */
export async function startServer(folder: string, decks: DeckFiles, seedJs: string, port = 0): Promise<BenchServer> {
	const app = sirv(folder, { single: '200.html', etag: true });
	const state = { decks };
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path.startsWith('/decks/')) {
			const body = state.decks.get(path.slice('/decks/'.length));
			res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
			return res.end(body ?? '{}');
		}
		if (path === '/__bench/seed.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			return res.end(seedJs);
		}
		if (path === '/__bench/seed.html') {
			res.writeHead(200, { 'content-type': 'text/html' });
			return res.end('<!doctype html><title>seed</title>');
		}
		app(req, res);
	});
	await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
	return {
		url: `http://localhost:${(server.address() as { port: number }).port}`,
		get decks() {
			return state.decks;
		},
		set decks(next) {
			state.decks = next;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
