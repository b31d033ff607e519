/**
 * A private copy of the production build, served by scripts/serve.js on a port of its own,
 * for tests that go offline (the server really stops), deploy a new version or serve other
 * decks. Service workers are per origin, so nothing here touches the shared server's.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSite } from '../../../scripts/serve.js';

export class TestSite {
	private server: Server | null = null;
	private port = 0;

	private constructor(readonly root: string) {}

	/** Copies build/ (without the .br/.gz copies, which a deploy here would leave stale). */
	static async start(): Promise<TestSite> {
		const root = mkdtempSync(join(tmpdir(), 'tabledeck-site-'));
		cpSync('build', root, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
		const site = new TestSite(root);
		await site.resume();
		return site;
	}

	url(path = '/'): string {
		return `http://localhost:${this.port}${path}`;
	}

	/** Stops answering at all, as with no network. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Serves again, on the same port (the same origin, so the same service worker). */
	async resume(): Promise<void> {
		this.server = await serveSite(this.root, { port: this.port, live: true });
		this.port = (this.server.address() as AddressInfo).port;
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.root, { recursive: true, force: true });
	}

	/** Replaces the served decks with ones the real deck builder makes from `notesDir`. */
	buildDecks(notesDir: string): void {
		execFileSync(process.execPath, ['scripts/run.js', 'scripts/build-decks.ts', '--notes', notesDir, '--out', join(this.root, 'decks')], {
			stdio: 'pipe'
		});
	}

	/**
	 * Deploys a new build of the same app: what a rebuild changes is SvelteKit's version
	 * file, hence the precache revision of the SPA fallback, hence sw.js.
	 */
	deployNewBuild(): void {
		const version = JSON.stringify({ version: `test-${Date.now()}` });
		writeFileSync(join(this.root, '_app/version.json'), version);
		const revision = createHash('md5').update(version).digest('hex');
		const swPath = join(this.root, 'sw.js');
		const sw = readFileSync(swPath, 'utf8');
		const updated = sw.replace(/(\{url:"200\.html",revision:")[0-9a-f]+"/, `$1${revision}"`);
		if (updated === sw) throw new Error('sw.js has no precache entry for 200.html: did the build change?');
		writeFileSync(swPath, updated);
	}
}
