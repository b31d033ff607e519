import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { basePath, fallbackPage, headersFile, routePatterns, syncOrigins } from './hosting.js';

describe('basePath', () => {
	it('is empty for the root and keeps a good path as it is', () => {
		expect(basePath(undefined)).toBe('');
		expect(basePath('')).toBe('');
		expect(basePath('/tabledeck')).toBe('/tabledeck');
		expect(basePath('/my-notes/v1.2_x~y')).toBe('/my-notes/v1.2_x~y');
	});

	it.each([
		['tabledeck', 'must start with "/"'],
		['/tabledeck/', 'must not end with "/"'],
		['/', 'must not end with "/"'],
		['/a//b', 'empty part'],
		['/a/../b', '"." or ".."'],
		['/my notes', 'only letters, digits'],
		['/a?b', 'only letters, digits'],
		['/a#b', 'only letters, digits'],
		['/한국어', 'only letters, digits']
	])('refuses %j in one line', (value, why) => {
		expect(() => basePath(value)).toThrow(why);
		try {
			basePath(value);
		} catch (error) {
			expect((error as Error).message).not.toContain('\n');
		}
	});

	it('stops `npm run build` before anything is built, with one line', () => {
		const run = spawnSync(process.execPath, ['scripts/hosting.js'], { env: { ...process.env, BASE_PATH: 'tabledeck/' }, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('BASE_PATH "tabledeck/" must start with "/"')]);
	});
});

describe('syncOrigins (connect-src for the sync server)', () => {
	it('allows none unless asked, and keeps origins as CSP writes them', () => {
		expect(syncOrigins(undefined)).toEqual([]);
		expect(syncOrigins('')).toEqual([]);
		expect(syncOrigins('https://Couch.Example.com/')).toEqual(['https://couch.example.com']);
		expect(syncOrigins('http://localhost:*, https://a.example:6984  https://a.example:6984')).toEqual([
			'http://localhost:*',
			'https://a.example:6984'
		]);
	});

	it.each(['couch.example.com', 'https://couch.example.com/db', 'ftp://x.example', "https://x.example'; script-src *", 'https://x:99999'])(
		'refuses %j in one line',
		(value) => {
			expect(() => syncOrigins(value)).toThrow(/^SYNC_ORIGIN .* is not an origin: write scheme:\/\/host\[:port\]/);
		}
	);

	it('stops `npm run build` before anything is built', () => {
		const run = spawnSync(process.execPath, ['scripts/hosting.js'], {
			env: { ...process.env, SYNC_ORIGIN: 'couch.example.com' },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('SYNC_ORIGIN "couch.example.com" is not an origin');
	});
});

describe('static host files', () => {
	it('keeps 200.html at the root and uses 404.html, what GitHub Pages serves, under a base path', () => {
		expect(fallbackPage('')).toBe('200.html');
		expect(fallbackPage('/tabledeck')).toBe('404.html');
		expect(fallbackPage('', '404.html')).toBe('404.html');
		expect(() => fallbackPage('', 'index.html')).toThrow('FALLBACK "index.html" must be 200.html or 404.html');
	});

	it('lists every page, a [param] as a wildcard', () => {
		expect(routePatterns()).toEqual(expect.arrayContaining(['/', '/review', '/quiz', '/decks/*']));
	});

	it('writes one rule per path under the base path, never a catch-all that hosts would merge', () => {
		const file = headersFile('/tabledeck', ['/', '/review', '/decks/*'], '404.html');
		expect(file).toContain('/tabledeck/_app/immutable/*\n  Cache-Control: public, max-age=31536000, immutable\n');
		for (const path of ['/tabledeck/sw.js', '/tabledeck/', '/tabledeck/review', '/tabledeck/decks/*', '/tabledeck/404.html']) {
			expect(file).toContain(`${path}\n  Cache-Control: no-cache\n`);
		}
		expect(file).not.toMatch(/^\/tabledeck\/\*$/m);
		expect(file.match(/decks\/\*/g)).toHaveLength(1);
		expect(headersFile('', ['/'], '200.html')).toContain('\n/\n  Cache-Control: no-cache\n');
	});
});
