import type { CompileRequest } from '$lib/import/compile.worker';
import type { NoteRead } from '$lib/import/read-note';

/** Reads one note with the builder in a Web Worker of its own, ended once it answers. */
export function readNoteInWorker(file: string, bytes: Uint8Array): Promise<NoteRead> {
	const worker = new Worker(new URL('../import/compile.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<NoteRead>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<NoteRead>) => resolve(event.data);
		worker.onerror = (event) => reject(new Error(event.message || 'the note reader stopped'));
		const request: CompileRequest = { file, bytes };
		worker.postMessage(request, [bytes.buffer]);
	}).finally(() => worker.terminate());
}
