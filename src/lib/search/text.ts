/**
 * Text as search compares it: Unicode NFKC (full-width letters, ligatures and compatibility
 * forms become their plain forms; Hangul stays composed), then lower case. Both the query and
 * every card go through the same fold, so `ＰＯＤ`, `pod` and `Pod` find each other.
 */
export function foldText(text: string): string {
	return text.normalize('NFKC').toLowerCase();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of card HTML (the safe inline HTML the deck build writes): tags dropped, `<br>` a
 * space, the few entities that HTML uses decoded. For matching only; cards are shown as written.
 */
export function stripHtml(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
			}
			return ENTITIES[name.toLowerCase()] ?? entity;
		});
}

/** A query's words, folded: a card matches when it contains every one (Anki's implicit AND). */
export function queryTerms(query: string): string[] {
	// U+0000 separates cards in the search's text, so no word may hold one.
	return foldText(query)
		.replaceAll('\0', '')
		.split(/\s+/)
		.filter((term) => term.length > 0);
}
