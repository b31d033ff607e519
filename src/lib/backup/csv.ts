/** Text exports for other tools: the review log as CSV, the cards as an Anki text import. */
import type { Card } from '$lib/notes/types';
import type { ReviewLogEntry } from '$lib/scheduler/types';

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];

/** RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const REVIEW_CSV_HEADER = 'card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms\r\n';

/** CSV lines (CRLF) for log rows; `state` is the card's state when it was reviewed. */
export function reviewCsvLines<R extends ReviewLogEntry>(rows: readonly R[], deckOf: (row: R) => string): string {
	let text = '';
	for (const row of rows) {
		text += [
			csvField(row.cardId),
			csvField(deckOf(row)),
			new Date(row.review).toISOString(),
			row.rating,
			STATE_NAMES[row.stateBefore],
			row.elapsedDays,
			row.scheduledDays,
			row.durationMs
		].join(',') + '\r\n';
	}
	return text;
}

/**
 * Anki's text import reads these header lines: tab-separated HTML fields, the deck in
 * column 3 (`::` nests decks), space-separated tags in column 4, and the card id as the
 * note's GUID in column 5, so importing again updates notes instead of duplicating them.
 */
export const ANKI_HEADER =
	['#separator:tab', '#html:true', '#notetype:Basic', '#columns:Front\tBack\tDeck\tTags\tGUID', '#deck column:3', '#tags column:4', '#guid column:5'].join('\n') + '\n';

/** Anki parses fields like CSV: one holding a tab, line break or quote is quoted, quotes doubled. */
function ankiField(text: string): string {
	const html = text.replace(/\r?\n/g, '<br>');
	return /[\t"]/.test(html) ? `"${html.replaceAll('"', '""')}"` : html;
}

export function ankiDeckName(path: readonly string[]): string {
	return path.map((part) => part.replaceAll('::', ':')).join('::');
}

/** A tag per note file: `tabledeck::infra-monitoring` (tags cannot hold spaces). */
export function ankiTag(file: string): string {
	return `tabledeck::${file.replace(/\.md$/i, '').replace(/\s+/g, '_')}`;
}

export function ankiLines(cards: readonly Card[], deckPath: (deckId: string) => readonly string[]): string {
	let text = '';
	for (const card of cards) {
		const fields = [card.front, card.back, ankiDeckName(deckPath(card.deckId)), ankiTag(card.source.file), card.id];
		text += fields.map(ankiField).join('\t') + '\n';
	}
	return text;
}
