import type { Problem } from './types';

/**
 * With micromark, parsing took ~520 MB of memory per MB of note and a 12 MB note ran Node out
 * of memory, so bigger notes are refused before parsing. @lezer/markdown (issue #17) takes ~100
 * MB per MB (BENCHMARKS.md); the limit stays until a change of its own. The largest note in the
 * shared corpus of real notes is 0.15 MB.
 */
export const MAX_NOTE_MB = 2;

/** `note is N MB; the limit is M MB` for a note too big to parse, or null. */
export function sizeProblem(file: string, bytes: number): Problem | null {
	if (bytes <= MAX_NOTE_MB * 1024 * 1024) return null;
	const mb = Math.round((bytes / 1024 / 1024) * 10) / 10;
	return { file, line: 1, column: 1, message: `note is ${mb} MB; the limit is ${MAX_NOTE_MB} MB` };
}
