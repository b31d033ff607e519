// Serves the production build the way a static host would: precompressed files, long-lived
// caching for hashed assets, and the SPA fallback for routes that were not prerendered.
import { createServer } from 'node:http';
import sirv from 'sirv';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

const assets = sirv('build', {
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

createServer(assets).listen(port, host, () => {
	console.log(`Tabledeck: http://localhost:${port}`);
});
