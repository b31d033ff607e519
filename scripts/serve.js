// Serves the production build the way a static host would: precompressed files, long-lived
// caching for hashed assets, and the SPA fallback for routes that were not prerendered.
//   node scripts/serve.js [dir]      (dir defaults to build/; PORT and HOST as usual)
import { createServer } from 'node:http';
import { basename } from 'node:path';
import sirv from 'sirv';

/**
 * The request handler for a built site in `root`. `live` re-reads the folder on every request
 * and ignores the .br/.gz copies, for tests that deploy a new version into a served folder.
 * @param {string} root
 * @param {{ live?: boolean }} [options]
 */
export function siteHandler(root, { live = false } = {}) {
	return sirv(root, {
		dev: live,
		single: '200.html',
		etag: true,
		gzip: !live,
		brotli: !live,
		setHeaders(res, pathname) {
			if (pathname.startsWith('/_app/immutable/')) {
				res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
			} else {
				// The service worker, pages and deck JSON must be revalidated so updates arrive.
				res.setHeader('Cache-Control', 'no-cache');
			}
		}
	});
}

/**
 * Starts serving `root`; port 0 picks a free port. Resolves once listening.
 * @param {string} root
 * @param {{ port?: number, host?: string, live?: boolean }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serveSite(root, { port = 0, host = '127.0.0.1', live = false } = {}) {
	const server = createServer(siteHandler(root, { live }));
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(server));
	});
}

// Run as a program (not imported, nor bundled into a script by scripts/run.js).
if (process.argv[1] && basename(process.argv[1]) === 'serve.js') {
	// SERVE_DIR: another build folder, e.g. a second build with edited decks that a test serves.
	const root = process.argv[2] ?? process.env.SERVE_DIR ?? 'build';
	const server = await serveSite(root, { port: Number(process.env.PORT ?? 4173), host: process.env.HOST ?? '127.0.0.1' });
	// PORT=0 takes any free port: say which one.
	const address = server.address();
	console.log(`Tabledeck: http://localhost:${typeof address === 'object' && address ? address.port : ''}`);
}
