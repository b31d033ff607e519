// Serves the production build the way a static host would: precompressed files, long-lived
// caching for hashed assets, and the SPA fallback for routes that were not prerendered.
//   node scripts/serve.js [dir]          dir defaults to build/; PORT and HOST as usual
//   node scripts/serve.js /a=dir /b=dir  each folder under its own base path, as GitHub Pages
//                                        serves projects (BASE_PATH=/a serves [dir] under /a)
//   --host                               listen on every address (HOST=0.0.0.0): phones on the Wi-Fi
//   --https                              with a certificate made here (scripts/https-cert.js)
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { networkInterfaces } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { basePath } from './hosting.js';

/** @param {import('node:http').ServerResponse} res @param {string} pathname */
function cacheHeaders(res, pathname) {
	if (pathname.startsWith('/_app/immutable/')) {
		res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
	} else {
		// The service worker, pages and deck JSON must be revalidated so updates arrive.
		res.setHeader('Cache-Control', 'no-cache');
	}
}

/**
 * The request handler for a built site in `root`. `live` re-reads the folder on every request
 * and ignores the .br/.gz copies, for tests that deploy a new version into a served folder.
 * @param {string} root
 * @param {{ live?: boolean }} [options]
 */
export function siteHandler(root, { live = false } = {}) {
	return sirv(root, { dev: live, single: '200.html', etag: true, gzip: !live, brotli: !live, setHeaders: cacheHeaders });
}

/**
 * Sites built with BASE_PATH, each served under its base path as GitHub Pages serves one:
 * `/a` redirects to `/a/`, files by name (`review` → review.html), and any other path gets
 * the site's 404.html with status 404 — no rewrites. Paths outside every base get 404.
 * @param {Array<{ base: string, root: string }>} mounts
 * @returns {import('node:http').RequestListener}
 */
export function subPathHandler(mounts) {
	const sites = mounts.map(({ base, root }) => ({
		base,
		root,
		files: sirv(root, { etag: true, gzip: true, brotli: true, setHeaders: cacheHeaders })
	}));
	return (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const site = sites.find(({ base }) => url.pathname === base || url.pathname.startsWith(`${base}/`));
		if (!site) return notFound(res, null);
		if (url.pathname === site.base) {
			res.writeHead(301, { Location: `${site.base}/${url.search}` }).end();
			return;
		}
		req.url = url.pathname.slice(site.base.length) + url.search;
		site.files(req, res, () => notFound(res, site.root));
	};
}

/** @param {import('node:http').ServerResponse} res @param {string | null} root */
function notFound(res, root) {
	const page = root && join(root, '404.html');
	res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
	res.end(page && existsSync(page) ? readFileSync(page) : 'Not found');
}

/**
 * Starts serving `root`; port 0 picks a free port. Resolves once listening.
 * @param {string} root
 * @param {{ port?: number, host?: string, live?: boolean }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serveSite(root, { port = 0, host = '127.0.0.1', live = false } = {}) {
	return listen(createServer(siteHandler(root, { live })), port, host);
}

/**
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<import('node:http').Server>}
 */
function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(server));
	});
}

/** This machine's IPv4 addresses on its networks: where a phone on the same Wi-Fi finds it. */
export function lanAddresses() {
	return Object.values(networkInterfaces())
		.flat()
		.filter((net) => net && net.family === 'IPv4' && !net.internal)
		.map((net) => /** @type {import('node:os').NetworkInterfaceInfo} */ (net).address);
}

/**
 * The folders to serve from the command line: `dir`, or `/base=dir` pairs.
 * @param {string[]} positionals
 * @param {NodeJS.ProcessEnv} env
 * @returns {Array<{ base: string, root: string }>}
 */
export function mountsOf(positionals, env) {
	if (positionals.length === 0) positionals = [env.SERVE_DIR ?? 'build'];
	return positionals.map((arg) => {
		const at = arg.indexOf('=');
		if (at > 0 && arg.startsWith('/')) return { base: basePath(arg.slice(0, at)), root: arg.slice(at + 1) };
		return { base: basePath(env.BASE_PATH), root: arg };
	});
}

/**
 * What the command line asks for. `--host` alone means every address, as Vite takes it.
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 */
export function commandLine(argv, env) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { host: { type: 'string' }, https: { type: 'boolean', default: false } },
		args: argv.map((arg) => (arg === '--host' ? '--host=0.0.0.0' : arg))
	});
	return { mounts: mountsOf(positionals, env), host: values.host ?? env.HOST ?? '127.0.0.1', https: Boolean(values.https) };
}

// Run as a program (not imported, nor bundled into a script by scripts/run.js).
if (process.argv[1] && basename(process.argv[1]) === 'serve.js') {
	/** @type {ReturnType<typeof commandLine>} */
	let options;
	try {
		options = commandLine(process.argv.slice(2), process.env);
	} catch (error) {
		console.error(`serve.js: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	}
	const { mounts, host, https } = options;
	const handler = mounts.length === 1 && mounts[0].base === '' ? siteHandler(mounts[0].root) : subPathHandler(mounts);
	const lan = host === '0.0.0.0' || host === '::' ? lanAddresses() : [];
	let server;
	if (https) {
		const { certificate } = await import('./https-cert.js');
		server = createHttpsServer(await certificate(lan), handler);
	} else {
		server = createServer(handler);
	}
	await listen(server, Number(process.env.PORT ?? 4173), host);
	// PORT=0 takes any free port: say which one. Tests read the first line.
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : '';
	const scheme = https ? 'https' : 'http';
	const path = mounts[0].base ? `${mounts[0].base}/` : '';
	console.log(`Tabledeck: ${scheme}://localhost:${port}${path}`);
	for (const ip of lan) console.log(`  on your network: ${scheme}://${ip}:${port}${path}`);
	// Browsers run service workers only on localhost and over HTTPS.
	if (lan.length > 0 && !https) console.log('  a phone needs HTTPS to install it and work offline: add --https');
}
