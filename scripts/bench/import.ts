/**
 * npm run bench:import — time to preview a note added in the app (issue #17): a generated note
 * of about 1 MB (BENCH_MB) is chosen in Settings › Add notes in Chromium (Debian's
 * /usr/bin/chromium through Playwright) against the production build, and the time from the
 * choice to the preview is read from the page's marks (tabledeck:notes-chosen → notes-preview:
 * reading the file, the builder in its Web Worker, the check against stored notes and the
 * preview's numbers) and, around it, from Node until the preview is on screen; beside them the
 * builder alone on the same note in Node, the share of the time the parser replacement of
 * issue #17 speeds up. No budget yet.
 */
import { existsSync } from 'node:fs';
import { cpus, release } from 'node:os';
import type { AddressInfo } from 'node:net';
import { compileNoteOutput } from '../../src/lib/notes/build';
import { serveSite } from '../serve.js';

const BUILD = 'build';
const CHROMIUM = '/usr/bin/chromium';
const ROUNDS = 3;
const TARGET_BYTES = Number(process.env.BENCH_MB ?? 1) * 1024 * 1024;
const WORDS = ['latency', 'cache', 'replica', 'shard', 'quorum', 'index', '지표', '목표', '협약', '가용성', '복잡', 'probe'];

/** Attribute tables (4 columns, 15 rows) under `##`/`###` headings until the note reaches `bytes`. */
function generateNote(bytes: number): string {
	let md = '# Generated import\n\n';
	for (let t = 0; new TextEncoder().encode(md).length < bytes; t++) {
		if (t % 5 === 0) md += `## Section ${t / 5}\n\nSome prose about the section, with **bold** and \`code\`.\n\n`;
		md += `### Table ${t}\n\n| 이름 | 설명 | 장점 | 단점 |\n|------|------|------|------|\n`;
		for (let r = 0; r < 15; r++) {
			const w = (k: number) => WORDS[(t * 7 + r * 3 + k) % WORDS.length];
			md += `| **Key ${t}.${r}** | ${w(0)} ${w(1)} ${r} | ${w(2)} \`${w(3)}\` ${t} | ${w(4)} ${w(5)}<br>${r} |\n`;
		}
		md += '\n';
	}
	return md;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	if (!existsSync(`${BUILD}/sw.js`)) throw new Error('No production build: run `npm run build` first.');
	const note = Buffer.from(generateNote(TARGET_BYTES));
	console.log(`Machine: ${cpus().length} cores (${cpus()[0].model}), Linux ${release()}, Node ${process.version}`);
	console.log(`Note: ${(note.length / 1024 / 1024).toFixed(2)} MB of generated tables\n`);
	const builderStarted = performance.now();
	compileNoteOutput({ file: 'generated.md', bytes: note });
	const builderMs = performance.now() - builderStarted;
	const server = await serveSite(BUILD, { port: 0 });
	const playwright = '@playwright/test';
	const { chromium } = (await import(playwright)) as typeof import('@playwright/test');
	const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined, args: ['--no-sandbox'] });
	const marks: number[] = [];
	const walls: number[] = [];
	try {
		for (let round = 0; round < ROUNDS; round++) {
			const page = await (await browser.newContext()).newPage();
			await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/settings`);
			await page.getByRole('heading', { name: 'Notes added on this device' }).waitFor();
			const started = performance.now();
			await page.getByLabel('Choose .md files').setInputFiles({ name: 'generated.md', mimeType: 'text/markdown', buffer: note });
			const preview = page.getByRole('region', { name: 'Preview of generated.md' });
			await preview
				.getByText(/\d+ cards/)
				.first()
				.waitFor({ timeout: 120_000 });
			walls.push(performance.now() - started);
			const cards = await preview.locator('p').first().textContent();
			marks.push(await page.evaluate(() => performance.measure('preview', 'tabledeck:notes-chosen', 'tabledeck:notes-preview').duration));
			console.log(`round ${round + 1}: ${cards}; marks ${marks.at(-1)!.toFixed(0)} ms, on screen ${walls.at(-1)!.toFixed(0)} ms`);
			await page.context().close();
		}
	} finally {
		await browser.close();
		server.close();
	}
	console.log(
		`\nTime to preview (median of ${ROUNDS}): ${median(marks).toFixed(0)} ms by the page's marks, ${median(walls).toFixed(0)} ms until on screen`
	);
	console.log(`The builder alone on this note in Node (compileNoteOutput, one run): ${builderMs.toFixed(0)} ms`);
}

await main();
