/**
 * Compiles notes on every core. Notes are independent, so large inputs are spread over worker
 * threads, largest first. Small inputs stay in-process: a worker costs ~50 ms to start.
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

export async function compileInPool(sources: NoteSource[], workers = availableParallelism()): Promise<NoteOutput[]> {
	const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
	const count = Math.min(workers, sources.length);
	// Workers load this module's own file, which Node can run only once bundled (scripts/run.js);
	// under tsx or Vitest the .ts source cannot start a worker, so compile in-process there.
	const bundled = !import.meta.url.endsWith('.ts');
	if (!bundled || count <= 1 || bytes < IN_PROCESS_BYTES) return sources.map((source) => compileNoteOutput(source));

	// Largest note to the least-loaded worker: close to even without knowing parse speeds.
	const shares = Array.from({ length: count }, () => ({ bytes: 0, sources: [] as NoteSource[] }));
	for (const source of [...sources].sort((a, b) => b.bytes.length - a.bytes.length)) {
		const share = shares.reduce((min, s) => (s.bytes < min.bytes ? s : min));
		share.bytes += source.bytes.length;
		share.sources.push(source);
	}
	const results = await Promise.all(shares.map((share) => runWorker(share.sources)));
	return results.flat();
}

/** One note's output a message, sent as soon as it is compiled: no worker holds all of its share. */
function runWorker(sources: NoteSource[]): Promise<NoteOutput[]> {
	// A share can be empty (empty notes weigh nothing); its worker would never send a message.
	if (!sources.length) return Promise.resolve([]);
	return new Promise((resolve, reject) => {
		// No larger young generation: measured here it did not beat the noise, and it costs
		// ~100 MB of peak memory per worker.
		const worker = new Worker(new URL(import.meta.url), { workerData: { flag: WORKER_FLAG, sources } });
		const outputs: NoteOutput[] = [];
		worker.on('message', (output: NoteOutput) => {
			if (outputs.push(output) === sources.length) resolve(outputs);
		});
		worker.once('error', reject);
		worker.once('exit', (code) => code !== 0 && reject(new Error(`compile worker exited with ${code}`)));
	});
}

if (!isMainThread && workerData?.flag === WORKER_FLAG) {
	for (const source of workerData.sources as NoteSource[]) parentPort!.postMessage(compileNoteOutput(source));
}
