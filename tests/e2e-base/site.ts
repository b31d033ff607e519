/**
 * The sub-path builds (scripts/build-base-e2e.js) served as GitHub Pages serves projects:
 * each under its base path of one origin, unknown paths answered with its 404.html. Stops
 * and resumes on the same port (the same origin: the same service workers and databases).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_BUILDS } from '../../scripts/build-base-e2e.js';
import { subPathHandler } from '../../scripts/serve.js';
import { builtDecks } from '../e2e/helpers/review';

export class BaseSite {
	private server: Server | null = null;
	private port = 0;

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

	async resume(): Promise<void> {
		const server = createServer(subPathHandler(BASE_BUILDS));
		await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
		this.server = server;
		this.port = (server.address() as AddressInfo).port;
	}
}

/** The decks and cards of the /a build. */
export const decksOfA = () => builtDecks(BASE_BUILDS[0].root);
