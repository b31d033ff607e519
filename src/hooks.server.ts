import type { Handle } from '@sveltejs/kit';
import { preloadsLast } from '$lib/server/head-order';

// Runs at prerender (adapter-static): every built page gets its preloads after its stylesheets and boot.js.
export const handle: Handle = ({ event, resolve }) => resolve(event, { transformPageChunk: ({ html }) => preloadsLast(html) });
