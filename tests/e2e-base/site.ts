/**
 * The sub-path builds (scripts/build-base-e2e.js) served as GitHub Pages serves projects:
 * each under its base path of one origin, unknown paths answered with its 404.html. Stops
 * and resumes on the same port (the same origin: the same service workers and databases),
 * and deploys a new version of one copy while the other stays as it is.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_BUILDS } from '../../scripts/build-base-e2e.js';
import { subPathHandler } from '../../scripts/serve.js';
import { builtDecks } from '../e2e/helpers/review';

export class BaseSite {
	private server: Server | null = null;
	private port = 0;
	private mounts = BASE_BUILDS.map((mount) => ({ ...mount }));
	private handler: RequestListener = subPathHandler(this.mounts);

	static async start(): Promise<BaseSite> {
		const site = new BaseSite();
		await site.resume();
		return site;
	}

	/** `path` under the copy served at `base` ('/a' or '/b'). */
	url(base: string, path = '/'): string {
		return `http://localhost:${this.port}${base}${path}`;
	}

	/** Stops answering at all, as with no network. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** From now on the copy at `base` is served from `root`, as a host publishes a new upload. */
	deploy(base: string, root: string): void {
		this.mounts = this.mounts.map((mount) => (mount.base === base ? { base, root } : mount));
		this.handler = subPathHandler(this.mounts);
	}

	async resume(): Promise<void> {
		const server = createServer((req, res) => this.handler(req, res));
		await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
		this.server = server;
		this.port = (server.address() as AddressInfo).port;
	}
}

/** The decks and cards of the /a build. */
export const decksOfA = () => builtDecks(BASE_BUILDS[0].root);
