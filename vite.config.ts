import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { firstVisitCardModule } from './scripts/first-visit-card.js';
import { basePath, fallbackPage, staticHostFiles } from './scripts/hosting.js';

const THEME = '#1f4e79';
const DECKS_DIR = 'static/decks';
// '' or '/name': the path the site is served from (svelte.config.js reads the same variable).
const BASE = basePath(process.env.BASE_PATH);
const FALLBACK = fallbackPage(BASE, process.env.FALLBACK);

/**
 * Deck JSON is precached under `?precache` URLs, not its own: the precache answers its URLs
 * cache-first, and decks must come from the network whenever it is there (see the deck
 * route below). `npm run build` builds the decks before Vite runs, so they are here to hash.
 */
function deckPrecacheEntries() {
	if (!existsSync(DECKS_DIR)) return [];
	return readdirSync(DECKS_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({
			url: `${BASE}/decks/${name}?precache`,
			revision: createHash('md5')
				.update(readFileSync(`${DECKS_DIR}/${name}`))
				.digest('hex')
		}));
}

/**
 * The note builder runs in a Web Worker when a note is added in the app, and a worker has no
 * `document`: the "browser" build of micromark's entity decoder creates an element to decode
 * with, so workers get its plain build (a table of entities) instead.
 */
function entitiesWithoutDocument() {
	const plain = createRequire(import.meta.url).resolve('decode-named-character-reference');
	return {
		name: 'tabledeck:entities-without-document',
		enforce: 'pre' as const,
		resolveId: (source: string) => (source === 'decode-named-character-reference' ? plain : null)
	};
}

export default defineConfig({
	plugins: [
		sveltekit(),
		firstVisitCardModule(DECKS_DIR),
		staticHostFiles(BASE, FALLBACK),
		SvelteKitPWA({
			strategies: 'generateSW',
			// The page registers the worker itself (src/lib/services/pwa.ts) and asks before reloading.
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				// Under a base path everything is the app's own: two copies on one origin are two apps.
				id: `${BASE}/`,
				name: 'Tabledeck',
				short_name: 'Tabledeck',
				description: 'Flashcards and interview quizzes made from the tables in your study notes. Works offline.',
				lang: 'en',
				start_url: `${BASE}/`,
				scope: `${BASE}/`,
				display: 'standalone',
				theme_color: THEME,
				background_color: '#f6f7f9',
				categories: ['education', 'productivity'],
				// Android's share sheet offers the installed app for .md files: the service worker
				// answers the POST (runtimeCaching below), as there is no server.
				share_target: {
					action: `${BASE}/share-target`,
					method: 'POST',
					enctype: 'multipart/form-data',
					params: {
						title: 'title',
						text: 'text',
						files: [{ name: 'notes', accept: ['text/markdown', '.md', 'text/plain'] }]
					}
				},
				shortcuts: [
					{
						name: 'Start review',
						short_name: 'Review',
						url: `${BASE}/review`,
						icons: [{ src: `${BASE}/pwa-192x192.png`, sizes: '192x192', type: 'image/png' }]
					}
				]
			},
			// Icons: PNGs rendered at build time from the SVG artwork by @vite-pwa/assets-generator.
			pwaAssets: {
				image: 'static/favicon.svg',
				preset: {
					transparent: { sizes: [192, 512], favicons: [[48, 'favicon.ico']] },
					maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: THEME } },
					apple: { sizes: [180], padding: 0.3, resizeOptions: { background: THEME } }
				},
				overrideManifestIcons: true,
				includeHtmlHeadLinks: false,
				injectThemeColor: false
			},
			// Routes with parameters (/decks/<id>) open from adapter-static's SPA fallback.
			kit: { base: `${BASE}/`, adapterFallback: FALLBACK, spa: true },
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest}', 'prerendered/**/*.html'],
				// fsrs-browser's thread-pool helper is never started (the optimizer runs single-threaded).
				globIgnores: ['client/decks/**', 'client/_app/immutable/workers/workerHelpers-*.js'],
				additionalManifestEntries: deckPrecacheEntries(),
				// Pages only: a file's URL opened offline (/decks/index.json) must not get the app.
				navigateFallbackDenylist: [/\/[^/]+\.[a-z0-9]+$/i],
				// Every page is a static shell that reads its query string in the browser, so
				// /review?deck=… is answered by the precached /review.
				ignoreURLParametersMatching: [/.*/],
				// The first install takes control at once (no reload needed to work offline); an
				// update waits until the person accepts the prompt (SKIP_WAITING message).
				clientsClaim: true,
				skipWaiting: false,
				cleanupOutdatedCaches: true,
				runtimeCaching: [
					{
						// A share from another app (manifest share_target): the files, or shared text,
						// go into Cache Storage under the scope, and the person lands on Add notes,
						// whose preview takes them (src/lib/services/shared-notes.ts reads this format).
						// Workbox copies these functions' text into sw.js: they cannot read BASE.
						urlPattern: ({ url, sameOrigin }) => {
							const scope = new URL((globalThis as unknown as { registration: { scope: string } }).registration.scope).pathname;
							return sameOrigin && url.pathname === `${scope}share-target`;
						},
						method: 'POST',
						handler: async ({ request }) => {
							const scope = (globalThis as unknown as { registration: { scope: string } }).registration.scope;
							const form = await request.formData();
							const cache = await caches.open('tabledeck-shared');
							const stamp = Date.now();
							const files = form.getAll('notes').filter((file): file is File => typeof file !== 'string');
							const text = form.get('text');
							const shared =
								files.length > 0
									? files.map((file) => ({ name: file.name, body: file as Blob }))
									: typeof text === 'string' && text.trim() !== ''
										? [{ name: `${String(form.get('title') ?? '').trim() || 'shared'}.md`, body: new Blob([text]) }]
										: [];
							await Promise.all(
								shared.map(({ name, body }, i) =>
									cache.put(
										`${scope}shared-notes/${stamp}-${i}`,
										new Response(body, { headers: { 'x-file-name': encodeURIComponent(name || 'shared.md') } })
									)
								)
							);
							return Response.redirect(`${scope}settings?shared#add-notes`, 303);
						}
					},
					{
						// fsrs-browser's WebAssembly (1.7 MB, 0.44 MB gzip) is not precached: only
						// Settings → Optimize fetches it, and it is kept from that first use on, so the
						// optimizer works offline afterwards. Its file name carries a content hash, so a
						// cached copy is never stale; the limit drops the copies of older builds.
						urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.wasm'),
						handler: 'CacheFirst',
						options: {
							cacheName: `tabledeck-wasm${BASE}`,
							cacheableResponse: { statuses: [200] },
							expiration: { maxEntries: 2 }
						}
					},
					{
						// `<scope>decks/<file>.json`, the scope being the base path: Workbox copies
						// this function's text into sw.js, so it cannot read BASE itself.
						urlPattern: ({ url, sameOrigin }) => {
							const scope = new URL((globalThis as unknown as { registration: { scope: string } }).registration.scope).pathname;
							return sameOrigin && url.pathname.startsWith(scope) && /^decks\/[^/]+\.json$/.test(url.pathname.slice(scope.length));
						},
						handler: 'NetworkFirst',
						options: {
							// Cache Storage is shared by the whole origin: a copy under a base path keeps its own.
							cacheName: `tabledeck-decks${BASE}`,
							networkTimeoutSeconds: 4,
							cacheableResponse: { statuses: [200] },
							plugins: [
								{
									// Offline before this route ever stored a deck (the first visit
									// fetched them before the worker existed): the copy precached at
									// install, whose key carries ?precache&__WB_REVISION__=….
									handlerDidError: async ({ request }) => caches.match(request.url, { ignoreSearch: true })
								}
							]
						}
					}
				]
			}
		})
	],
	worker: { plugins: () => [entitiesWithoutDocument()] },
	// The base path, for src/lib/paths.ts and src/lib/db/name.ts.
	define: { __BASE_PATH__: JSON.stringify(BASE) },
	resolve: {
		alias: [
			// The packages' ES2018+ builds: smaller and quicker to start than the ES5 ones their
			// "module" fields name. (Dexie's default entry only guards against a CommonJS copy
			// loaded beside the ES module, which a browser bundle never has.)
			{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
			{ find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' }
		]
	},
	build: {
		// TABLEDECK_NO_MINIFY=1 npm run build: names in CPU profiles (scripts/bench/profile-top.ts).
		minify: process.env.TABLEDECK_NO_MINIFY ? false : undefined,
		rolldownOptions: {
			// Modules with no import-time effects, by design: a route that imports one helper
			// from `$lib/scheduler` or `$lib/db` must not also download ts-fsrs or the backup
			// import code that only other pages use.
			treeshake: {
				moduleSideEffects: [
					{ test: /node_modules[\\/]ts-fsrs[\\/]/, sideEffects: false },
					{ test: /src[\\/]lib[\\/](scheduler|quiz|notes|db)[\\/]/, sideEffects: false }
				]
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
