// Serves the production build the way a static host would: precompressed files, long-lived
// caching for hashed assets, and the SPA fallback for routes that were not prerendered.
import { createServer } from 'node:http';
import sirv from 'sirv';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
// Another build folder, e.g. a second build with edited decks that a test serves.
const folder = process.env.SERVE_DIR ?? 'build';

const assets = sirv(folder, {
	single: '200.html',
	etag: true,
	gzip: true,
	brotli: true,
	setHeaders(res, pathname) {
		if (pathname.startsWith('/_app/immutable/')) {
			res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		} else {
			// The service worker and deck JSON must be revalidated so updates arrive.
			res.setHeader('Cache-Control', 'no-cache');
		}
	}
});

const server = createServer(assets).listen(port, host, () => {
	// PORT=0 takes any free port: say which one.
	console.log(`Tabledeck: http://localhost:${server.address().port}`);
});
