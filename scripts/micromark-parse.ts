import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

/**
 * The builder's parse stage before issue #17, kept only for `npm run decks:compare` and
 * `npm run bench:parsers` (its packages are devDependencies; the app and the builder use
 * src/lib/notes/markdown.ts). CommonMark plus the GFM constructs that matter in tables: tables, strikethrough and
 * footnotes. Not GFM's literal autolinks (bare `www.x.com` becoming a link): its tree pass
 * alone took ~12% of a build, and a bare URL in a cell still shows, as text.
 */
export function parseWithMicromark(text: string): Root {
	return fromMarkdown(text, {
		extensions: [gfmTable(), gfmStrikethrough(), gfmFootnote()],
		mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown()]
	});
}
