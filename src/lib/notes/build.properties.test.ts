/**
 * Rules that hold of every card, checked over every fixture, the owner's notes and a few
 * hundred generated notes (seeded, so a failure replays).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNote, formatProblem, type NoteSource } from './build';
import { brokenRules, compileText, FIXTURES, OWNER_NOTES } from './testing';
import type { Card } from './types';

function readFolder(dir: string): NoteSource[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort()
		.map((path) => ({ file: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) }));
}

describe('every card of the fixtures and the owner’s notes', () => {
	const sources = [...readFolder(join(FIXTURES, 'valid')), ...readFolder(OWNER_NOTES)];

	it('has two non-empty, different sides, a unique id and safe HTML showing its text', () => {
		expect(sources.length).toBeGreaterThanOrEqual(5);
		let cards = 0;
		for (const source of sources) {
			const { decks, problems } = compileNote(source);
			expect(problems, source.file).toEqual([]);
			expect(brokenRules(decks!), source.file).toEqual([]);
			cards += decks!.cards.length;
		}
		expect(cards).toBeGreaterThan(250);
	});

	it('never shows a tag from a cell as a tag: <img onerror> and <script> stay text', () => {
		const { decks } = compileNote(readFolder(join(FIXTURES, 'valid')).find((s) => s.file === 'robust.md')!);
		const html = decks!.cards.flatMap((c) => [c.front, c.back]).join('\n');
		expect(html).not.toMatch(/<(img|script)/i);
		const texts = decks!.cards.map((c) => c.backText);
		expect(texts).toContain('<img src=x onerror=alert(1)>');
		expect(texts).toContain('<script>alert(1)</script>');
	});
});

describe('the rule checker', () => {
	it('catches each broken rule, so that the checks above can fail', () => {
		const note = compileText('# N\n\n| k | 설명 |\n|---|---|\n| aa | bb |\n').decks!;
		expect(brokenRules(note)).toEqual([]);
		const [forward, reverse] = note.cards;
		const broken = (card: Partial<Card>, cards = [{ ...forward, ...card }, reverse]) => brokenRules({ ...note, cards });
		expect(broken({ back: '', backText: '' })).toContain('note.md:5 aa → : an empty side');
		expect(broken({ back: 'aa', backText: 'aa' })).toContain('note.md:5 aa → aa: front equals back');
		expect(broken({ back: '<img src=x onerror=alert(1)>' })).toContain('note.md:5 aa → bb: unsafe tag <img src=x onerror=alert(1)>');
		expect(broken({ back: 'c' })).toContain('note.md:5 aa → bb: HTML c does not show its text');
		expect(broken({}, [forward, forward, reverse])).toEqual([`note.md:5 aa → bb: id ${forward.id} twice`, 'deck N: cardCount 2']);
	});
});

/** mulberry32: a small seeded generator, so a failing note can be rebuilt from its seed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Cells chosen to collide: repeats, markup around equal text, NFD Hangul, tag look-alikes.
const CELLS = [
	'',
	' ',
	'a',
	'a',
	'b',
	'**a**',
	'`a`',
	'1',
	'2.5',
	'한글',
	'한글'.normalize('NFD'),
	'x<br>y',
	'<br>',
	'<script>x</script>',
	'Function<T,R>',
	'$match',
	'`a \\| b`',
	'[l](https://e.com)',
	'기준',
	'vs',
	'설명',
	'Prometheus',
	'p99 < 200ms',
	'&amp;'
];
const DIRECTIVES = [
	'',
	'',
	'',
	'<!-- tabledeck: no-reverse -->\n',
	'<!-- tabledeck: transpose -->\n',
	'<!-- tabledeck: key=2 -->\n',
	'<!-- tabledeck: skip -->\n'
];

function generatedNote(seed: number): string {
	const next = random(seed);
	const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
	const parts = ['# 생성된 노트\n'];
	for (let t = 0; t < 1 + Math.floor(next() * 4); t++) {
		if (next() < 0.5) parts.push(pick(['## 섹션\n', '### 표\n', '## vs\n', '**라벨:**\n']));
		const width = pick([1, 2, 2, 3, 3, 4, 5]);
		// Body rows may be ragged; a header must match the delimiter row to make a table at all.
		const row = (cells: number) => `| ${Array.from({ length: cells }, () => pick(CELLS)).join(' | ')} |`;
		const rows = Array.from({ length: Math.floor(next() * 6) }, () => row(width + pick([-1, 0, 0, 0, 1])));
		parts.push(`${pick(DIRECTIVES)}${row(width)}\n|${'---|'.repeat(width)}\n${rows.join('\n')}\n`);
	}
	return parts.join('\n');
}

describe('generated notes', () => {
	it('either fail with file:line:col problems or give cards that keep every rule, the same in NFD', () => {
		let compiledWithCards = 0;
		for (let seed = 1; seed <= 200; seed++) {
			const text = generatedNote(seed);
			const first = compileText(text);
			if (first.decks === null) {
				expect(first.problems.length, `seed ${seed}`).toBeGreaterThan(0);
				for (const line of first.problems.map(formatProblem)) expect(line).toMatch(/^note\.md:\d+:\d+: \S/);
				continue;
			}
			expect(first.problems, `seed ${seed}`).toEqual([]);
			expect(brokenRules(first.decks), `seed ${seed}\n${text}`).toEqual([]);
			expect(JSON.stringify(compileText(text.normalize('NFD')).decks), `seed ${seed}`).toBe(JSON.stringify(first.decks));
			if (first.decks.cards.length) compiledWithCards++;
		}
		expect(compiledWithCards).toBeGreaterThan(50);
	}, 60_000);
});
