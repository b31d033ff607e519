/**
 * The base path the site is built for: '' at the root, '/tabledeck' on GitHub Pages. Written
 * in at build time by vite.config.ts (`define`) from BASE_PATH, like SvelteKit's paths.base.
 */
declare const __BASE_PATH__: string;
