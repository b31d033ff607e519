// Every page is prerendered as a shell; data comes from IndexedDB in the browser.
export const prerender = true;
export const trailingSlash = 'never';
