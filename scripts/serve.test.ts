import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLine, subPathHandler } from './serve.js';

describe('commandLine', () => {
	it('serves build/ on 127.0.0.1 unless told otherwise', () => {
		expect(commandLine([], {})).toEqual({ mounts: [{ base: '', root: 'build' }], host: '127.0.0.1', https: false });
	});

	it('takes --host alone as every address, as Vite does, and HOST too', () => {
		expect(commandLine(['--host'], {}).host).toBe('0.0.0.0');
		expect(commandLine(['--host=192.168.1.5', '--https'], {})).toMatchObject({ host: '192.168.1.5', https: true });
		expect(commandLine([], { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
	});

	it('serves a folder under BASE_PATH, or each /base=folder under its own', () => {
		expect(commandLine(['out'], { BASE_PATH: '/tabledeck' }).mounts).toEqual([{ base: '/tabledeck', root: 'out' }]);
		expect(commandLine(['/a=x', '/b=y'], {}).mounts).toEqual([
			{ base: '/a', root: 'x' },
			{ base: '/b', root: 'y' }
		]);
		expect(() => commandLine(['/a/=x'], {})).toThrow('must not end with "/"');
	});
});

describe('subPathHandler, as GitHub Pages serves a project', () => {
	let server: Server;
	let origin: string;
	beforeAll(async () => {
		const root = mkdtempSync(join(tmpdir(), 'tabledeck-serve-'));
		writeFileSync(join(root, 'index.html'), 'home');
		writeFileSync(join(root, 'review.html'), 'review page');
		writeFileSync(join(root, '404.html'), 'the app');
		server = createServer(subPathHandler([{ base: '/tabledeck', root }]));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	const get = async (path: string) => {
		const response = await fetch(origin + path, { redirect: 'manual' });
		return { status: response.status, text: await response.text(), location: response.headers.get('location') };
	};

	it('serves pages by name under the base path', async () => {
		expect(await get('/tabledeck/')).toMatchObject({ status: 200, text: 'home' });
		expect(await get('/tabledeck/review?deck=x')).toMatchObject({ status: 200, text: 'review page' });
	});

	it('redirects the bare base path to its folder', async () => {
		expect(await get('/tabledeck?x=1')).toMatchObject({ status: 301, location: '/tabledeck/?x=1' });
	});

	it('answers unknown paths with 404.html and status 404, and nothing outside the base path', async () => {
		expect(await get('/tabledeck/decks/abc')).toMatchObject({ status: 404, text: 'the app' });
		expect(await get('/review')).toMatchObject({ status: 404, text: 'Not found' });
		expect(await get('/tabledeckx/')).toMatchObject({ status: 404, text: 'Not found' });
	});
});
