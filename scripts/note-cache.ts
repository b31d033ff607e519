/**
 * Compiled notes kept between builds, keyed by the builder's own code and the note's path
 * and bytes: a rebuild after editing one note compiles only that note. Parsing markdown is
 * the builder's main cost, and `npm start`/`npm test` rebuild the decks every time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { NoteOutput, NoteSource } from '../src/lib/notes/build';

export class NoteCache {
	private used = new Set<string>();

	private constructor(
		private dir: string,
		private version: string
	) {}

	/**
	 * Null when the builder runs from source (tsx, Vitest): then its version cannot be
	 * pinned to one file, and a stale entry could outlive a code change.
	 */
	static async open(dir: string, builderUrl: string): Promise<NoteCache | null> {
		if (builderUrl.endsWith('.ts')) return null;
		const code = await readFile(fileURLToPath(builderUrl));
		await mkdir(dir, { recursive: true });
		return new NoteCache(dir, createHash('sha256').update(code).digest('hex'));
	}

	private key(source: NoteSource): string {
		return createHash('sha256').update(this.version).update('\0').update(source.file).update('\0').update(source.bytes).digest('hex');
	}

	async get(source: NoteSource): Promise<NoteOutput | null> {
		const key = this.key(source);
		this.used.add(key);
		try {
			return JSON.parse(await readFile(join(this.dir, `${key}.json`), 'utf8'));
		} catch {
			return null;
		}
	}

	async put(source: NoteSource, output: NoteOutput): Promise<void> {
		await writeFile(join(this.dir, `${this.key(source)}.json`), JSON.stringify(output));
	}

	/** Forgets entries this build did not use, so the cache holds one build's worth. */
	async prune(): Promise<void> {
		for (const name of await readdir(this.dir)) {
			if (!this.used.has(name.replace(/\.json$/, ''))) await rm(join(this.dir, name), { force: true });
		}
	}
}
