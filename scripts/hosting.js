// Where the built site lives on its host: the base path (BASE_PATH) and the files a static
// host needs beside the app. Plain JavaScript: svelte.config.js, vite.config.ts and
// scripts/serve.js all import it, and `npm run build` runs it first to check BASE_PATH:
//   node scripts/hosting.js      exits 1 with a one-line message when BASE_PATH is unusable
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

// Letters, digits and - . _ ~ (RFC 3986's unreserved characters): they need no escaping in a
// URL, an HTML attribute or a `_headers` rule. A GitHub repository name holds nothing else.
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The base path the site is built for: '' (served at the root) or '/name' ('/name/sub'…).
 * Throws an Error whose message is one line when `value` cannot be one.
 * @param {string | undefined} value
 * @returns {string}
 */
export function basePath(value) {
	if (value === undefined || value === '') return '';
	const say = (/** @type {string} */ why) =>
		new Error(`BASE_PATH ${JSON.stringify(value)} ${why}, e.g. BASE_PATH=/tabledeck (or empty for the root)`);
	if (!value.startsWith('/')) throw say('must start with "/"');
	if (value.endsWith('/')) throw say('must not end with "/"');
	for (const segment of value.slice(1).split('/')) {
		if (segment === '') throw say('has an empty part ("//")');
		if (segment === '.' || segment === '..') throw say('cannot hold "." or ".." parts');
		if (!SEGMENT.test(segment)) throw say('may hold only letters, digits and - . _ ~ between slashes');
	}
	return value;
}

/**
 * The sync servers the Content-Security-Policy lets the app connect to besides its own origin
 * (connect-src): SYNC_ORIGIN lists them, separated by spaces or commas, each an origin as CSP
 * writes it (https://couch.example.com, http://localhost:5984; a port may be `*`). Empty
 * allows none: a CouchDB behind the same origin (a /couchdb/ proxy) needs no entry.
 * Throws an Error whose message is one line when an entry is not an origin.
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function syncOrigins(value) {
	if (!value) return [];
	return [
		...new Set(
			value
				.split(/[\s,]+/)
				.filter(Boolean)
				.map((entry) => {
					const match = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/i.exec(entry);
					if (!match || (match[3] && match[3] !== '*' && Number(match[3]) > 65535)) {
						throw new Error(
							`SYNC_ORIGIN ${JSON.stringify(entry)} is not an origin: write scheme://host[:port], e.g. SYNC_ORIGIN=https://couch.example.com`
						);
					}
					return `${match[1].toLowerCase()}://${match[2].toLowerCase()}${match[3] ? `:${match[3]}` : ''}`;
				})
		)
	];
}

/**
 * The page that opens routes with parameters (/decks/<id>): 200.html at the root, as before;
 * under a base path 404.html, the page GitHub Pages (and most static hosts) answer any
 * unknown path with, so deep links open there with no rewrite rules. FALLBACK=404.html asks
 * for it at the root too (GitHub Pages on a custom domain).
 * @param {string} base
 * @param {string | undefined} requested
 */
export function fallbackPage(base, requested) {
	if (requested === '200.html' || requested === '404.html') return requested;
	if (requested) throw new Error(`FALLBACK ${JSON.stringify(requested)} must be 200.html or 404.html (or empty)`);
	return base ? '404.html' : '200.html';
}

/**
 * The pages of src/routes as URL patterns ('/', '/review', '/decks/*'), for cache rules.
 * @param {string} routesDir
 * @returns {string[]}
 */
export function routePatterns(routesDir = 'src/routes') {
	return readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
		.filter((file) => basename(file) === '+page.svelte')
		.map((file) => {
			const dir = file.replace(/\\/g, '/').split('/').slice(0, -1);
			// (group) folders add nothing to the URL; a [param] matches any one segment.
			const parts = dir.filter((part) => !/^\(.*\)$/.test(part)).map((part) => (part.startsWith('[') ? '*' : part));
			return `/${parts.join('/')}`;
		})
		.sort();
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A `_headers` file (Netlify, Cloudflare Pages and others read it) with the cache rules
 * scripts/serve.js applies: hashed files for a year; the service worker, the pages and the
 * deck JSON revalidated on every visit so updates arrive. Rules are listed one by one, never
 * as a catch-all `/*`: those hosts merge every rule that matches a URL into one header.
 * @param {string} base
 * @param {string[]} pages
 * @param {string} fallback
 * @returns {string}
 */
export function headersFile(base, pages, fallback) {
	const fresh = ['/sw.js', '/manifest.webmanifest', '/decks/*', `/${fallback}`, ...pages.filter((page) => !page.startsWith('/decks/'))];
	const rule = (/** @type {string} */ path, /** @type {string} */ value) =>
		`${base}${path === '/' && base ? '/' : path}\n  Cache-Control: ${value}\n`;
	return [rule('/_app/immutable/*', IMMUTABLE), ...[...new Set(fresh)].map((path) => rule(path, 'no-cache'))].join('');
}

/**
 * A Vite plugin that writes `_headers` beside the app's files (adapter-static copies it
 * into the build folder). The service worker does not precache it: its globs skip it.
 * @param {string} base
 * @param {string} fallback
 * @returns {import('vite').Plugin}
 */
export function staticHostFiles(base, fallback) {
	return {
		name: 'tabledeck-static-host-files',
		apply: 'build',
		generateBundle() {
			// Only the client build's files are published; the server build is for prerendering.
			if (this.environment?.name === 'ssr') return;
			this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(base, routePatterns(), fallback) });
		}
	};
}

if (process.argv[1] && basename(process.argv[1]) === 'hosting.js') {
	try {
		fallbackPage(basePath(process.env.BASE_PATH), process.env.FALLBACK);
		syncOrigins(process.env.SYNC_ORIGIN);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
