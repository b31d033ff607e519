import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDeckJson, prefetchDeckJson } from './deck-files';

afterEach(() => {
	vi.unstubAllGlobals();
	delete (globalThis as Record<string, unknown>).__tabledeckDeckFiles;
});

/** A fetch that answers every path with `{ path, n }`, n counting the requests of that path. */
function stubFetch() {
	const asked: string[] = [];
	vi.stubGlobal('fetch', async (url: string) => {
		asked.push(url);
		const n = asked.filter((u) => u === url).length;
		return { ok: true, json: async () => ({ url, n }) };
	});
	return asked;
}

describe('deck files fetched ahead of the deck import', () => {
	it('gives the import the file a first visit’s card was read from, once; later fetches ask again', async () => {
		const asked = stubFetch();
		const ahead = prefetchDeckJson('index.json');
		expect(prefetchDeckJson('index.json')).toBe(ahead);
		expect(fetchDeckJson('index.json')).toBe(ahead);
		expect(await fetchDeckJson('index.json')).toEqual({ url: '/decks/index.json', n: 2 });
		expect(asked).toEqual(['/decks/index.json', '/decks/index.json']);
	});

	it('takes what boot.js asked for before the app ran, once', async () => {
		const asked = stubFetch();
		const booted = Promise.resolve({ from: 'boot' });
		(globalThis as Record<string, unknown>).__tabledeckDeckFiles = { 'index.json': booted, 'n1.json': Promise.resolve({ note: 1 }) };
		expect(prefetchDeckJson('index.json')).toBe(booted);
		expect(fetchDeckJson('index.json')).toBe(booted);
		expect(await fetchDeckJson('n1.json')).toEqual({ note: 1 });
		expect(await fetchDeckJson('n1.json')).toEqual({ url: '/decks/n1.json', n: 1 });
		expect(asked).toEqual(['/decks/n1.json']);
	});
});
