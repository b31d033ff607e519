/**
 * The generated notes `npm run bench:decks` and `npm run bench:parsers` build: attribute tables
 * under `##`/`###` headings, with bold keys, code and `<br>` in cells, deterministic.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDS = [
	'점진적',
	'교체',
	'무중단',
	'롤백',
	'느림',
	'환경',
	'전환',
	'리소스',
	'최소',
	'복잡',
	'latency',
	'cache',
	'replica',
	'shard',
	'quorum',
	'index',
	'지표',
	'목표',
	'협약',
	'가용성'
];

/** A note of `tables` attribute tables (4 columns, 15 rows: 4 cards a row) under `##`/`###` headings. */
export function generateNote(n: number, tables: number): string {
	let md = `# Generated note ${n}\n\n`;
	for (let t = 0; t < tables; t++) {
		if (t % 5 === 0) md += `## Section ${t / 5}\n\nSome prose about the section, with **bold** and \`code\`.\n\n`;
		md += `### Table ${t}\n\n| 이름 | 설명 | 장점 | 단점 |\n|------|------|------|------|\n`;
		for (let r = 0; r < 15; r++) {
			const w = (k: number) => WORDS[(n * 31 + t * 7 + r * 3 + k) % WORDS.length];
			md += `| **Key ${n}.${t}.${r}** | ${w(0)} ${w(1)} ${r} | ${w(2)} \`${w(3)}\` ${t} | ${w(4)} ${w(5)}<br>${r} |\n`;
		}
		md += '\n';
	}
	return md;
}

/** A temporary folder of notes making about `cards` cards, in ten sub-folders. */
export function generateCorpus(cards: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-bench-'));
	const tablesPerNote = 16; // 16 × 60 = 960 cards a note
	const notes = Math.ceil(cards / (tablesPerNote * 60));
	for (let n = 0; n < notes; n++) {
		const sub = join(dir, `topic-${n % 10}`);
		mkdirSync(sub, { recursive: true });
		writeFileSync(join(sub, `note-${n}.md`), generateNote(n, tablesPerNote));
	}
	return dir;
}
