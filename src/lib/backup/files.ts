/** The browser side of backups: saving a Blob as a download, and reading a file as text chunks. */
import { BackupError } from './read';

export function downloadBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later: some browsers read the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The file's text, decoded chunk by chunk (a few hundred KB each), never whole. `onProgress`
 * hears the bytes read so far and the file's size.
 */
export async function* fileText(file: Blob, onProgress: (read: number, size: number) => void = () => {}): AsyncGenerator<string> {
	let read = 0;
	const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
		transform(bytes, controller) {
			onProgress((read += bytes.byteLength), file.size);
			controller.enqueue(bytes);
		}
	});
	const reader = file
		.stream()
		.pipeThrough(counted)
		.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
		.getReader();
	for (;;) {
		let chunk: ReadableStreamReadResult<string>;
		try {
			chunk = await reader.read();
		} catch {
			throw new BackupError('json', 'The file is not UTF-8 text');
		}
		if (chunk.done) return;
		yield chunk.value;
	}
}

/**
 * Lets the page paint and take input before the next chunk of work: a task, not a microtask
 * (scheduler.yield where the browser has it, which keeps this work's place in the queue).
 */
export function yieldToPage(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `prefix-YYYY-MM-DD.ext` by the local date. */
export function datedName(prefix: string, ext: string, now: number): string {
	const d = new Date(now);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${prefix}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${ext}`;
}
