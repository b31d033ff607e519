// Paths under the base path the site is built for (__BASE_PATH__, see base-path.d.ts). A
// build-time constant, not $app/paths: SvelteKit's `resolve` adds 0.3 kB (gzip) of route-id
// code to home's first visit, which has a budget, and either one pulls SvelteKit's client
// module into the lazily loaded service worker chunk.

/** A page or file of the site ('/review', '/decks/<id>') under the base path. */
export function appPath(path: `/${string}`): string {
	return __BASE_PATH__ + path;
}
