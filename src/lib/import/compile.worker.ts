/** The builder off the main thread: a big note is parsed while the page stays responsive. */
import { readNote } from './read-note';

export interface CompileRequest {
	file: string;
	bytes: Uint8Array;
}

self.onmessage = (event: MessageEvent<CompileRequest>) => {
	const { file, bytes } = event.data;
	self.postMessage(readNote(file, bytes));
};
