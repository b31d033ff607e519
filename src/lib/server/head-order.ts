/**
 * The order of a prerendered page's head (issue #20).
 *
 * Puts SvelteKit's `<link rel="modulepreload">` tags at the end of a page's head (issue #20).
 * SvelteKit writes them before the stylesheets and the render-blocking `boot.js`, so the first
 * paint shared the link with every preload (98 kB on /review): moved behind them, the
 * stylesheets and boot.js are asked for first and the scripts still start before the body is
 * parsed. Only the order changes; a page without a whole head (a streamed chunk) is left as is.
 */
const PRELOAD = /[ \t]*<link\b[^>]*\brel=["']?modulepreload\b[^>]*>[ \t]*\r?\n?/g;

export function preloadsLast(html: string): string {
	const start = html.indexOf('<head');
	const end = html.indexOf('</head>');
	if (start < 0 || end < start) return html;
	const head = html.slice(start, end);
	const preloads = head.match(PRELOAD);
	if (!preloads) return html;
	const rest = head.replace(PRELOAD, '');
	// The closing tag's own indentation stays where it was, after the moved lines.
	const indent = /[ \t]*$/.exec(rest)?.[0] ?? '';
	const moved = preloads.map((line) => `${indent}\t${line.trim()}\n`).join('');
	return html.slice(0, start) + rest.slice(0, rest.length - indent.length) + moved + indent + html.slice(end);
}

/**
 * Adds a classic script at the end of a page's head (before the preloads, once preloadsLast has
 * run): it runs before the app's modules, which wait for the document. A page without a whole
 * head is left as is.
 */
export function withHeadScript(html: string, src: string): string {
	const end = html.indexOf('</head>');
	if (end < 0 || html.indexOf('<head') < 0) return html;
	const before = html.slice(0, end);
	const indent = /[ \t]*$/.exec(before)?.[0] ?? '';
	return `${before.slice(0, before.length - indent.length)}${indent}\t<script src="${src}"></script>\n${indent}${html.slice(end)}`;
}

/** The rel the head's script preloads wait under until static/review-first-visit.js runs. */
export const AFTER_PAINT = 'tabledeck-after-paint';

/**
 * Review's preloads wait for its first paint (issue #20): a first visit's card is painted from
 * the HTML, and Lighthouse counts every script fetched before that paint as needed for it (its
 * LCP followed them to 2.1-2.6 s). The head's modulepreload links get rel AFTER_PAINT, which
 * fetches nothing, and static/review-first-visit.js, added after them, turns them back: after
 * the paint on a first visit, at once on any other. The app's own imports load as ever.
 */
export function preloadsAfterPaint(html: string): string {
	const end = html.indexOf('</head>');
	if (end < 0 || html.indexOf('<head') < 0) return html;
	const head = html.slice(0, end).replace(PRELOAD, (link) => link.replace(/\brel=(["']?)modulepreload\b\1/, `rel=$1${AFTER_PAINT}$1`));
	return head + html.slice(end);
}
