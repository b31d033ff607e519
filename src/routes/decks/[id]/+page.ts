// Deck ids come from the notes, so deck pages are not prerendered: the 200.html fallback
// (and, offline, the service worker's navigation fallback) serves them.
export const prerender = false;
