import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { preloadsAfterPaint, preloadsLast, withHeadScript } from '$lib/server/head-order';

/**
 * Runs at prerender (adapter-static): every built page gets its preloads after its stylesheets
 * and boot.js, and review's also the script that asks for a first visit's deck files early
 * (static/review-first-visit.js; only there, so no other page downloads it), after its preloads,
 * which wait for it (preloadsAfterPaint).
 */
export const handle: Handle = ({ event, resolve }) => {
	const review = event.url.pathname === `${base}/review`;
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			review ? withHeadScript(preloadsAfterPaint(preloadsLast(html)), `${base}/review-first-visit.js`) : preloadsLast(html)
	});
};
