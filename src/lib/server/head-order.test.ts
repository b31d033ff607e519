import { describe, expect, it } from 'vitest';
import { AFTER_PAINT, preloadsAfterPaint, preloadsLast, withHeadScript } from './head-order';

// The head SvelteKit 2 prerenders for /review (shortened): preloads, title, stylesheets, then app.html's boot.js.
const PAGE = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<meta http-equiv="content-security-policy" content="default-src 'self'">
		<link href="/a/_app/immutable/entry/start.x.js" rel="modulepreload">
		<link href="/a/_app/immutable/chunks/y.js" rel="modulepreload">
		<title>Review · Tabledeck</title>
		<link href="/a/_app/immutable/assets/0.css" rel="stylesheet">
		<script src="/a/boot.js"></script>
	</head>
	<body>
		<link href="/a/_app/immutable/chunks/z.js" rel="modulepreload">
		<script>import("/a/_app/immutable/entry/start.x.js")</script>
	</body>
</html>
`;

describe('preloadsLast', () => {
	it('moves the head’s modulepreloads after its stylesheets and boot.js, in their order', () => {
		const html = preloadsLast(PAGE);
		const head = html.slice(0, html.indexOf('</head>'));
		const order = [...head.matchAll(/<(?:link href="([^"]+)"|script src="([^"]+)")/g)].map((m) => m[1] ?? m[2]);
		expect(order).toEqual([
			'/a/_app/immutable/assets/0.css',
			'/a/boot.js',
			'/a/_app/immutable/entry/start.x.js',
			'/a/_app/immutable/chunks/y.js'
		]);
		// The security policy still comes before anything it governs.
		expect(head.indexOf('content-security-policy')).toBeLessThan(head.indexOf('<link'));
	});

	it('changes nothing but the order: same lines, the body untouched', () => {
		const html = preloadsLast(PAGE);
		const lines = (text: string) =>
			text
				.split('\n')
				.map((line) => line.trim())
				.sort();
		expect(lines(html)).toEqual(lines(PAGE));
		expect(html.slice(html.indexOf('</head>'))).toBe(PAGE.slice(PAGE.indexOf('</head>')));
		expect(html).toContain('\t\t<link href="/a/_app/immutable/chunks/y.js" rel="modulepreload">\n\t</head>');
	});

	it('leaves a page without preloads, or a chunk without a whole head, as it is', () => {
		const plain = PAGE.replace(/.*modulepreload.*\n/g, '');
		expect(preloadsLast(plain)).toBe(plain);
		const firstChunk = PAGE.slice(0, PAGE.indexOf('</head>'));
		expect(preloadsLast(firstChunk)).toBe(firstChunk);
		expect(preloadsLast(PAGE.slice(PAGE.indexOf('<body>')))).toBe(PAGE.slice(PAGE.indexOf('<body>')));
	});
});

describe('withHeadScript', () => {
	it('adds the script after boot.js and, with preloadsLast, before the preloads', () => {
		const html = preloadsLast(withHeadScript(PAGE, '/a/review-first-visit.js'));
		const head = html.slice(0, html.indexOf('</head>'));
		const order = [...head.matchAll(/<(?:link href="([^"]+)"|script src="([^"]+)")/g)].map((m) => m[1] ?? m[2]);
		expect(order).toEqual([
			'/a/_app/immutable/assets/0.css',
			'/a/boot.js',
			'/a/review-first-visit.js',
			'/a/_app/immutable/entry/start.x.js',
			'/a/_app/immutable/chunks/y.js'
		]);
		expect(html).toContain('\t\t<script src="/a/review-first-visit.js"></script>\n');
		expect(html.slice(html.indexOf('</head>'))).toBe(PAGE.slice(PAGE.indexOf('</head>')));
	});

	it('leaves a chunk without a whole head as it is', () => {
		const body = PAGE.slice(PAGE.indexOf('</head>') + 7);
		expect(withHeadScript(body, '/x.js')).toBe(body);
	});
});

describe('preloadsAfterPaint', () => {
	it('renames the head’s modulepreloads so they fetch nothing until review-first-visit.js, added after them, turns them back', () => {
		const html = withHeadScript(preloadsAfterPaint(preloadsLast(PAGE)), '/a/review-first-visit.js');
		const head = html.slice(0, html.indexOf('</head>'));
		expect(head).not.toContain('modulepreload');
		expect(head).toContain(`<link href="/a/_app/immutable/entry/start.x.js" rel="${AFTER_PAINT}">`);
		expect(head).toContain(`<link href="/a/_app/immutable/chunks/y.js" rel="${AFTER_PAINT}">`);
		expect(head.indexOf(AFTER_PAINT)).toBeLessThan(head.indexOf('review-first-visit.js'));
		// The body, and every other line, as they were.
		expect(html.slice(html.indexOf('</head>'))).toBe(PAGE.slice(PAGE.indexOf('</head>')));
		expect(html.replaceAll(AFTER_PAINT, 'modulepreload').replace(/\s*<script src="\/a\/review-first-visit.js"><\/script>/, '')).toBe(
			preloadsLast(PAGE)
		);
	});

	it('leaves a chunk without a whole head as it is', () => {
		const firstChunk = PAGE.slice(0, PAGE.indexOf('</head>'));
		expect(preloadsAfterPaint(firstChunk)).toBe(firstChunk);
	});
});
