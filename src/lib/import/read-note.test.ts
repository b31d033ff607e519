import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_MB } from '$lib/notes/size';
import { noteFileName, readNote } from './read-note';

const fixture = readFileSync('tests/fixtures/notes/import/http-basics.md');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readNote', () => {
	it('compiles a note with the builder and keeps its text', () => {
		const read = readNote('http-basics.md', fixture);
		expect(read.refusal).toBeNull();
		expect(read.markdown).toBe(fixture.toString('utf8'));
		expect(read.output?.decks.map((deck) => deck.title)).toEqual(['HTTP basics', 'Status codes', 'Methods']);
		expect(read.output?.problems).toEqual([]);
	});

	it('refuses bytes that are not UTF-8 before parsing', () => {
		const latin1 = Uint8Array.from([...bytes('| Code | Meaning |\n| --- | --- |\n| 200 | '), 0xe9, 0x0a]);
		expect(readNote('latin1.md', latin1)).toEqual({ file: 'latin1.md', markdown: '', refusal: 'not-utf8', output: null });
	});

	it('refuses a note over the builder’s size limit without reading it', () => {
		const big = new Uint8Array(MAX_NOTE_MB * 1024 * 1024 + 1).fill(0x61);
		expect(readNote('big.md', big)).toEqual({ file: 'big.md', markdown: '', refusal: 'too-big', output: null });
	});

	it('tells a note without tables from one whose tables make no card', () => {
		expect(readNote('prose.md', bytes('# Just prose\n\nNo tables here.\n')).refusal).toBe('no-tables');
		const headerOnly = readNote('empty.md', bytes('# T\n\n| A | B |\n| --- | --- |\n'));
		expect(headerOnly.refusal).toBe('no-cards');
		expect(headerOnly.output?.warnings.length).toBeGreaterThan(0);
	});

	it('passes the builder’s problems on with their places, and refuses nothing else', () => {
		const deep = bytes(`# T\n\n${'>'.repeat(5000)} x\n\n| A | B |\n| --- | --- |\n| a | b |\n`);
		const read = readNote('deep.md', deep);
		expect(read.refusal).toBeNull();
		expect(read.output?.problems[0]).toMatchObject({ file: 'deep.md', line: expect.any(Number), column: expect.any(Number) });
	});
});

describe('noteFileName', () => {
	it('names pasted text like a file: .md added, folders dropped, never empty', () => {
		expect(noteFileName('my notes')).toBe('my notes.md');
		expect(noteFileName('a/b/c.MD')).toBe('c.MD');
		expect(noteFileName('  ')).toBe('pasted.md');
	});
});
