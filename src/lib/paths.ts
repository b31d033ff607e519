// Paths under the base path the site is built for (__BASE_PATH__, see base-path.d.ts). A
// build-time constant, not $app/paths, which SvelteKit's docs would use: its `resolve` adds
// 0.3 kB (gzip) of route-id code to home's first visit, whose JavaScript has a budget.

/** A page or file of the site ('/review', '/decks/<id>') under the base path. */
export function appPath(path: `/${string}`): string {
	return __BASE_PATH__ + path;
}
