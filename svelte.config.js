import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Prerendered pages plus a 200.html SPA fallback for routes with dynamic params.
		adapter: adapter({ fallback: '200.html' }),
		// Absolute asset paths: relative ones break deep links served from the fallback.
		paths: { relative: false }
	}
};

export default config;
