import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { k8sNote, logsNote, serve } from '$lib/db/testing';
import { firstVisitCard } from '../../../scripts/first-visit-card.js';
import { homeFromIndex } from './first-visit';
import { builtLeft, fileCardOf, firstCardFromFiles } from './first-visit-card';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder holding `files` as the deck builder writes them (name → JSON). */
function folder(files: Map<string, unknown> | [string, string][]): string {
	const dir = mkdtempSync(join(tmpdir(), 'tabledeck-first-card-'));
	dirs.push(dir);
	for (const [name, value] of files) writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
	return dir;
}

/** A fetchJson over a folder of deck files. */
const fromFolder = (dir: string) => async (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown;

describe('the first card built into /review (scripts/first-visit-card.js, fileCardOf, builtLeft)', () => {
	it('is the card and the numbers a first visit gets from the deck files', async () => {
		const { files, fetchJson } = serve([k8sNote(), logsNote()]);
		const built = firstVisitCard(folder(files));
		const card = fileCardOf(built);
		expect(card?.card.id).toBe('s1');
		expect(card).toEqual(await firstCardFromFiles(fetchJson));
		expect(builtLeft(built)).toEqual((await homeFromIndex(fetchJson)).totals);
	});

	it('is so for the owner’s notes as `npm run decks` built them', async () => {
		const dir = fileURLToPath(new URL('../../../static/decks/', import.meta.url));
		const built = firstVisitCard(dir);
		const fetchJson = fromFolder(dir);
		expect(fileCardOf(built)).toEqual(await firstCardFromFiles(fetchJson));
		expect(fileCardOf(built)?.context).not.toBe('');
		expect(builtLeft(built)).toEqual((await homeFromIndex(fetchJson)).totals);
	});

	it('is none without decks, without cards in the first note, or with a file that is no JSON: the page waits for the session', () => {
		expect(firstVisitCard(join(tmpdir(), 'tabledeck-no-such-folder'))).toBeNull();
		const { files } = serve([k8sNote(), logsNote()]);
		const note = structuredClone(files.get('n1.json')) as { cards: unknown[] };
		note.cards = [];
		const index = structuredClone(files.get('index.json')) as { notes: { cardCount: number }[] };
		expect(firstVisitCard(folder([...files].map(([name, value]) => [name, JSON.stringify(name === 'n1.json' ? note : value)])))).toBeNull();
		index.notes[0].cardCount = 0;
		expect(firstVisitCard(folder([['index.json', JSON.stringify(index)]]))).toBeNull();
		expect(firstVisitCard(folder([['index.json', '{"notes": [']]))).toBeNull();
		expect(fileCardOf(null)).toBeNull();
		expect(builtLeft(null)).toBeNull();
	});

	it('is refused by the app when its fields are not a card’s, and its count when it is no count', () => {
		const { files } = serve([k8sNote()]);
		const built = firstVisitCard(folder(files))!;
		expect(fileCardOf(built)).not.toBeNull();
		const card = built.card as Record<string, unknown>;
		expect(fileCardOf({ ...built, card: { ...card, front: 3 } })).toBeNull();
		expect(fileCardOf({ ...built, card: 'card' })).toBeNull();
		expect(fileCardOf({ ...built, path: 'n1' })?.context).toBe('');
		for (const cards of [-1, 1.5, Number.NaN, '7', undefined]) expect(builtLeft({ cards })).toBeNull();
		expect(builtLeft({ cards: 3 })).toEqual({ new: 3, learning: 0, review: 0 });
	});
});
