/**
 * Notes shared to the installed app from another app (the manifest's share_target): the service
 * worker keeps each in Cache Storage ('tabledeck-shared', under `<scope>shared-notes/…`, its name
 * in an x-file-name header, see vite.config.ts) and opens Settings with `?shared`. Taken once.
 */
const CACHE = 'tabledeck-shared';

/** Whether this page was opened by a share. */
export function openedByShare(url: URL): boolean {
	return url.searchParams.has('shared');
}

/** The shared files waiting for this copy of the app (`scope`: its base URL, ending in '/'), removed as they are read. */
export async function takeSharedNotes(scope: string): Promise<File[]> {
	if (!('caches' in globalThis)) return [];
	const cache = await caches.open(CACHE);
	const files: File[] = [];
	for (const request of await cache.keys()) {
		if (!request.url.startsWith(`${scope}shared-notes/`)) continue;
		const response = await cache.match(request);
		if (response) {
			const name = decodeURIComponent(response.headers.get('x-file-name') ?? '') || 'shared.md';
			files.push(new File([await response.blob()], name, { type: 'text/markdown' }));
		}
		await cache.delete(request);
	}
	return files;
}
