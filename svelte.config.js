import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { basePath, fallbackPage, syncOrigins } from './scripts/hosting.js';

// BASE_PATH=/tabledeck builds a site served from /tabledeck/ (GitHub Pages serves a project
// there); empty builds today's site for the root. BUILD_DIR puts the site in another folder.
const base = basePath(process.env.BASE_PATH);
// SYNC_ORIGIN=https://couch.example.com lets the app reach that sync server (README "Sync").
const sync = syncOrigins(process.env.SYNC_ORIGIN);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Prerendered pages plus a SPA fallback for routes with dynamic params (see fallbackPage);
		// gzip and brotli copies beside every file for scripts/serve.js.
		adapter: adapter({
			pages: process.env.BUILD_DIR || 'build',
			assets: process.env.BUILD_DIR || 'build',
			fallback: fallbackPage(base, process.env.FALLBACK),
			precompress: true
		}),
		// Absolute asset paths: relative ones break deep links served from the fallback.
		paths: { base, relative: false },
		// Sent as a <meta> tag in every prerendered page and in the fallback. Scripts: our own
		// files plus the hash of SvelteKit's inline start-up script, nothing else: no inline
		// handlers, no eval. Styles allow 'unsafe-inline': Svelte creates elements from
		// template strings, so a `style` attribute anywhere in a component would otherwise be
		// dropped, and styles cannot run code. Card HTML is sanitised at build time anyway.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// Its own files and the sync servers the site was built for; nothing else.
				'connect-src': ['self', ...sync],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
