/**
 * A seeded random sample of the cards a folder of notes makes, for grading card quality by
 * hand against /work/shared/CARDS.md (issue #15). The sample is drawn from the cards alone, so
 * it is picked before anyone reads it; the same seed and notes give the same sample.
 *   npm run cards:sample -- --notes DIR [--seed N] [--n 150] [--tables]
 * Prints one card per line: number, note:line, direction, deck path, front ⟶ back.
 * `--tables` prints the number of cards each table made instead.
 */
import { parseArgs } from 'node:util';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compileNote } from '../src/lib/notes/build';
import { mulberry32, shuffled } from '../src/lib/quiz/rng';
import type { Card } from '../src/lib/notes/types';

const { values } = parseArgs({
	options: {
		notes: { type: 'string', default: 'decks' },
		seed: { type: 'string', default: '15' },
		n: { type: 'string', default: '150' },
		tables: { type: 'boolean', default: false }
	}
});

const cards: Card[] = [];
const paths = new Map<string, string>();
// Not build-decks' readNotes: importing that script would run its command line.
const entries = await readdir(values.notes!, { recursive: true, withFileTypes: true });
const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
for (const path of files.sort()) {
	const file = relative(values.notes!, path).split(sep).join('/');
	const { decks } = compileNote({ file, bytes: await readFile(path) });
	if (!decks) continue;
	for (const deck of decks.decks) paths.set(deck.id, deck.path.join(' › '));
	cards.push(...decks.cards);
}

if (values.tables) {
	const counts = new Map<string, number>();
	for (const card of cards) {
		const table = `${card.source.file}\t${paths.get(card.deckId)}\t${card.tableId}`;
		counts.set(table, (counts.get(table) ?? 0) + 1);
	}
	for (const [table, count] of counts) console.log(`${count}\t${table}`);
	console.log(`${cards.length}\tcards in ${counts.size} tables`);
} else {
	const sample = shuffled(cards, mulberry32(Number(values.seed))).slice(0, Number(values.n));
	sample.forEach((card, i) => {
		const kind = card.direction;
		console.log(
			`${i + 1}\t${card.source.file}:${card.source.line}\t${kind}\t${paths.get(card.deckId)}\t${card.frontText} ⟶ ${card.backText}`
		);
	});
}
