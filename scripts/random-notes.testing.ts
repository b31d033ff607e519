/**
 * Seeded random notes for `compare-builders.test.ts`: the markdown the builder meets in real
 * notes (tables in every container, cells with every inline construct, headings, labels,
 * directives, footnotes, definitions), mixed at random so the two parse stages meet shapes no
 * fixture has. Deterministic for a seed.
 */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = [
	'Pod',
	'Service',
	'서비스',
	'롤백',
	'latency',
	'Canary',
	'높음',
	'> 80%',
	'~5MB',
	'O',
	'N/A',
	'-',
	'1',
	'a_b_c',
	'->',
	'✅',
	'x*y',
	'2^10'
];
const INLINE = [
	'**bold**',
	'*em*',
	'_em_',
	'__strong__',
	'***both***',
	'**L**oki',
	'`code`',
	'`a\\|b`',
	'`` a ` b ``',
	'` spaced `',
	'\\|',
	'\\*',
	'\\\\',
	'&amp;',
	'&lt;',
	'&bogus;',
	'&#65;',
	'&#x41;',
	'&#0;',
	'&copy;',
	'[link](http://x.example/a_b "t")',
	'[ref][r1]',
	'[r1]',
	'[R1][]',
	'[undefined]',
	'[^1]',
	'[^nofn]',
	'![img](a.png)',
	'![alt *x*][r1]',
	'<http://auto.example>',
	'<a@b.co>',
	'<br>',
	'</br>',
	'<br/>',
	'<sup>2</sup>',
	'<sub>x</sub>',
	'<sup>open',
	'<script>alert(1)</script>',
	'<span class="x">s</span>',
	'<!-- c -->',
	'~s~',
	'~~s~~',
	'[[notes/pl|Go]]',
	'[[wiki]]',
	'www.example.com',
	'http://bare.example',
	'*unclosed',
	'**unclosed',
	'`unclosed',
	'[x](<a b> "c")',
	'[a *b*](u)',
	'**a `c` b**',
	'<img src=x onerror=alert(1)>',
	'[x](javascript:alert(1))',
	'\\`not code\\`',
	'a  b',
	' lead',
	'trail '
];

export function randomNote(seed: number): string {
	const r = rng(seed);
	const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
	const inline = (n: number) =>
		Array.from({ length: 1 + Math.floor(r() * n) }, () => (r() < 0.5 ? pick(WORDS) : pick(INLINE))).join(r() < 0.8 ? ' ' : '');
	const cell = () =>
		r() < 0.08 ? '' : r() < 0.5 ? pick(WORDS) + (r() < 0.3 ? ` ${r() < 0.5 ? 'x' : 'y'}${Math.floor(r() * 9)}` : '') : inline(3);
	const table = (indent = '') => {
		const width = 2 + Math.floor(r() * 3);
		const edge = r() < 0.85;
		const row = (cells: string[]) => indent + (edge ? `| ${cells.join(' | ')} |` : cells.join(' | '));
		const header = Array.from({ length: width }, (_, i) =>
			i === 0 && r() < 0.3
				? pick(['기준', '항목', 'Criteria', '구분', ''])
				: r() < 0.3
					? pick(['장점', '단점', '설명', '예시', 'Prometheus', 'ELK'])
					: cell()
		);
		const lines = [row(header), row(header.map(() => pick(['---', ':--', '--:', ':-:', '-'])))];
		const rows = Math.floor(r() * 6);
		for (let i = 0; i < rows; i++) {
			const w = r() < 0.1 ? width + pick([-1, 1]) : width;
			lines.push(row(Array.from({ length: Math.max(1, w) }, (_, c) => (c === 0 ? `${pick(WORDS)}${i}` : cell()))));
		}
		return lines.join('\n');
	};
	const blocks: string[] = [];
	if (r() < 0.15) blocks.push(`---\ntitle: "${pick(WORDS)}"\n---`);
	if (r() < 0.6) blocks.push(`# ${inline(2)}`);
	const count = 3 + Math.floor(r() * 12);
	for (let i = 0; i < count; i++) {
		const kind = r();
		if (kind < 0.3) blocks.push(table(pick(['', '', '', ' ', '   '])));
		else if (kind < 0.42)
			blocks.push(
				`${'#'.repeat(2 + Math.floor(r() * 3))} ${r() < 0.2 ? pick(['OS-001', 'Q12.', '#3', '12']) : inline(2)}${r() < 0.1 ? ' ##' : ''}`
			);
		else if (kind < 0.47) blocks.push(`${inline(2)}\n${pick(['===', '---'])}`);
		else if (kind < 0.57) blocks.push(`${pick(['**Label:**', '**Ports**:', '**a** b', '**x**  '])}${pick(['\n', '\n\n'])}${table()}`);
		else if (kind < 0.64)
			blocks.push(
				`${pick(['<!-- tabledeck: skip -->', '<!-- tabledeck: transpose -->', '<!-- tabledeck: key=2 -->', '<!-- tabledeck: no-reverse, key=1 -->', '<!-- tabeldeck: skip -->', '<!-- tabledeck: nope -->', '<!--tabledeck:skip-->'])}\n${r() < 0.8 ? table() : inline(2)}`
			);
		else if (kind < 0.69) blocks.push(`- item ${inline(1)}\n${pick(['', '\n'])}${table('  ')}`);
		else if (kind < 0.73) blocks.push(`> ${inline(1)}\n>\n${table('> ')}`);
		else if (kind < 0.77) blocks.push(`[^${pick(['1', '2', 'n'])}]: ${inline(2)}${r() < 0.5 ? `\n\n${table('    ')}` : ''}`);
		else if (kind < 0.8) blocks.push(`<details>\n<summary>${pick(WORDS)}</summary>\n\n${table()}\n\n</details>`);
		else if (kind < 0.83) blocks.push('```\n' + table() + '\n```');
		else if (kind < 0.86) blocks.push(`[r1]: http://r.example/${pick(WORDS)} "Title"`);
		else if (kind < 0.9) blocks.push(`${inline(3)}\n${table()}`);
		else if (kind < 0.93) blocks.push(`1. **${pick(WORDS)}:**\n${table()}`);
		else blocks.push(`${inline(4)}${r() < 0.4 ? `\n${inline(3)}` : ''}`);
	}
	return blocks.join(pick(['\n\n', '\n\n', '\n'])) + '\n';
}
