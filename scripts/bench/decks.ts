/**
 * npm run bench:decks — how fast the deck builder is, as a whole process (`tsx` start-up,
 * reading, parsing, writing), on the bundled notes and on generated corpora of 10k and 100k
 * cards. Prints wall time, peak memory (max RSS) and cards/second for each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { generateCorpus } from './deck-corpus';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run {
	name: string;
	cards: number;
	ms: number;
	/** CPU time of the build process, all threads: steadier than wall time on a busy machine. */
	cpuMs: number;
	maxRssMb: number;
}

/** A whole `npm run decks`-equivalent process; cold = without the compiled-note cache. */
function build(name: string, notes: string, cold: boolean): Run {
	const out = mkdtempSync(join(tmpdir(), 'tabledeck-bench-out-'));
	const args = ['scripts/run.js', 'scripts/build-decks.ts', '--notes', notes, '--out', join(out, 'decks')];
	const started = performance.now();
	const child = spawnSync('node', cold ? [...args, '--no-cache'] : args, {
		encoding: 'utf8',
		env: { ...process.env, TABLEDECK_STATS: '1' }
	});
	const ms = performance.now() - started;
	rmSync(out, { recursive: true, force: true });
	if (child.status !== 0) throw new Error(`${name}: build failed\n${child.stderr}`);
	const stats = JSON.parse(child.stderr.trim().split('\n').at(-1)!);
	return { name, cards: stats.cards, ms, cpuMs: stats.cpuMs, maxRssMb: stats.maxRssKb / 1024 };
}

const runs: Run[] = [build('bundled notes (decks/), cold', 'decks', true)];
const warm: Run[] = [];
for (const size of [10_000, 100_000]) {
	const dir = generateCorpus(size);
	try {
		runs.push(build(`generated ~${size / 1000}k cards, cold`, dir, true));
		build('prime the cache', dir, false);
		warm.push(build(`generated ~${size / 1000}k cards, warm cache (nothing changed)`, dir, false));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
// Leave the cache holding the bundled notes again.
build('prime the cache', 'decks', false);
warm.unshift(build('bundled notes (decks/), warm cache', 'decks', false));

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
console.log('| corpus | cards | wall time (whole process) | CPU time (build process) | peak RSS | cards/s (wall) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of [...runs, ...warm]) {
	console.log(
		`| ${r.name} | ${r.cards} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.maxRssMb.toFixed(0)} MB | ${Math.round(r.cards / (r.ms / 1000))} |`
	);
}
const [, small, large] = runs;
console.log(
	`100k/10k: wall ${(large.ms / small.ms).toFixed(1)}×, CPU ${(large.cpuMs / small.cpuMs).toFixed(1)}× for ${(large.cards / small.cards).toFixed(1)}× the cards`
);
