/**
 * Compiles notes on every core. Notes are independent, so large inputs are spread over worker
 * threads, largest first. Small inputs stay in-process: a worker costs ~50 ms to start.
 * Each output goes to `take` as soon as it is made, so the caller can write it and keep only
 * what it needs of it (the build keeps no note's JSON in memory).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { compileNoteOutput, type NoteOutput, type NoteSource } from '../src/lib/notes/build';
import { useNativeSha256 } from '../src/lib/notes/ids';

// Same ids as the browser's hash, computed natively (ids.ts).
useNativeSha256(createHash);

const WORKER_FLAG = 'tabledeck-compile-worker';
const IN_PROCESS_BYTES = 256 * 1024;
const YOUNG_GENERATION_MB = 12;

export async function compileInPool<T = NoteOutput>(
	sources: NoteSource[],
	workers = availableParallelism(),
	take: (output: NoteOutput) => T | Promise<T> = (output) => output as T
): Promise<T[]> {
	const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
	const count = Math.min(workers, sources.length);
	// Workers load this module's own file, which Node can run only once bundled (scripts/run.js);
	// under tsx or Vitest the .ts source cannot start a worker, so compile in-process there.
	const bundled = !import.meta.url.endsWith('.ts');
	if (!bundled || count <= 1 || bytes < IN_PROCESS_BYTES) {
		const taken: T[] = [];
		for (const source of sources) taken.push(await take(compileNoteOutput(source)));
		return taken;
	}

	// Largest note to the least-loaded worker: close to even without knowing parse speeds.
	const shares = Array.from({ length: count }, () => ({ bytes: 0, sources: [] as NoteSource[] }));
	for (const source of [...sources].sort((a, b) => b.bytes.length - a.bytes.length)) {
		const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
		share.bytes += source.bytes.length;
		share.sources.push(source);
	}
	const results = await Promise.all(shares.map((share) => runWorker(share.sources, take)));
	return results.flat();
}

/** One note's output a message, sent as soon as it is compiled: no worker holds all of its share. */
function runWorker<T>(sources: NoteSource[], take: (output: NoteOutput) => T | Promise<T>): Promise<T[]> {
	// A share can be empty (empty notes weigh nothing); its worker would never send a message.
	if (!sources.length) return Promise.resolve([]);
	return new Promise<Promise<T>[]>((resolve, reject) => {
		// A small young generation: a larger one did not beat the noise and cost ~100 MB of peak
		// memory per worker; 12 MB against V8's default keeps 100k cards' peak ~45 MB lower for
		// ~3% more CPU (BENCHMARKS.md, issue #17).
		const worker = new Worker(new URL(import.meta.url), {
			workerData: { flag: WORKER_FLAG, sources },
			resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
		});
		const taken: Promise<T>[] = [];
		worker.on('message', (output: NoteOutput) => {
			const done = Promise.resolve(take(output));
			// Awaited with the rest below; a failure before then must not count as unhandled.
			done.catch(() => {});
			if (taken.push(done) === sources.length) resolve(taken);
		});
		worker.once('error', reject);
		worker.once('exit', (code) => code !== 0 && reject(new Error(`compile worker exited with ${code}`)));
	}).then((taken) => Promise.all(taken));
}

if (!isMainThread && workerData?.flag === WORKER_FLAG) {
	for (const source of workerData.sources as NoteSource[]) parentPort!.postMessage(compileNoteOutput(source));
}
