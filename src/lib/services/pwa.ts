/**
 * The service worker, seen from the page: registration through workbox-window and the
 * offer of a new version. The layout imports this lazily after the first paint, so it
 * weighs nothing on the first visit's critical path.
 */
import { Workbox } from 'workbox-window';

/**
 * Registers sw.js, under the base path and scoped to it. `onupdate` is called when a new
 * version has installed and is waiting; it gets the function that switches to it. Nothing
 * reloads until that function is called: a person in the middle of a review keeps their page.
 */
export async function registerServiceWorker(onupdate: (apply: () => void) => void): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	// The constant itself, not appPath: importing a shared chunk would add a preload list to
	// the layout's lazy import of this module, on the first visit.
	const wb = new Workbox(`${__BASE_PATH__}/sw.js`, { scope: `${__BASE_PATH__}/` });
	// Also fires at start-up when a version found earlier is still waiting ("Later").
	wb.addEventListener('waiting', () => onupdate(() => switchTo(wb)));
	try {
		// Waits for the window's load event: installing must not compete with the first paint.
		await wb.register();
	} catch (error) {
		// Without a worker the app still works online; nothing the person can act on.
		console.warn('Tabledeck: service worker registration failed', error);
		return;
	}
	// An installed app can stay open for days: look for a new version whenever it is shown.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') wb.update().catch(() => undefined);
	});
}

function switchTo(wb: Workbox) {
	// Only the tab that asked reloads, once the new worker controls it; other open tabs
	// keep what they show until they are reloaded.
	navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
	wb.messageSkipWaiting();
}
