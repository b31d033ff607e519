/** Text exports for other tools: the review log as CSV, the cards as an Anki text import. */
import type { Card } from '$lib/notes/types';
import type { ReviewLogEntry } from '$lib/scheduler/types';

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];

/**
 * What a spreadsheet reads as the start of a formula (OWASP's CSV injection list, and ASVS
 * 1.2.10's NUL): a deck named `=HYPERLINK(…)` must not become a live link when the file opens.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/**
 * RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. One that
 * would start a formula gets a leading apostrophe, as OWASP advises, and is quoted too, so
 * that the spreadsheet shows it as text (the apostrophe is the one change to the value).
 */
export function csvField(value: string | number): string {
	const raw = String(value);
	const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
	return text !== raw || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Any value a database row can hold, without throwing on an impossible date. */
function isoTime(time: number): string {
	const date = new Date(time);
	return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

export const REVIEW_CSV_HEADER = 'card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms\r\n';

/** CSV lines (CRLF) for log rows; `state` is the card's state when it was reviewed. */
export function reviewCsvLines<R extends ReviewLogEntry>(rows: readonly R[], deckOf: (row: R) => string): string {
	let text = '';
	for (const row of rows) {
		// Every field goes through csvField: an older version may have stored anything in a row.
		const fields = [
			row.cardId,
			deckOf(row),
			isoTime(row.review),
			row.rating,
			STATE_NAMES[row.stateBefore] ?? String(row.stateBefore),
			row.elapsedDays,
			row.scheduledDays,
			row.durationMs
		];
		text += fields.map(csvField).join(',') + '\r\n';
	}
	return text;
}

/**
 * Anki's text import reads these header lines: tab-separated HTML fields, the deck in
 * column 3 (`::` nests decks), space-separated tags in column 4, and the card id as the
 * note's GUID in column 5, so importing again updates notes instead of duplicating them.
 *
 * No `#columns:` line: with column names Anki maps columns to fields by name, and the Basic
 * note type's fields are called Front and Back only in English (Vorderseite, 表面…), so in
 * another language every Back arrived empty. Without names Anki maps by position: column 1
 * to the first field, column 2 to the second, whatever the note type is called. Where no
 * note type is named `Basic` (Anki in German, Japanese, Chinese…), Anki offers its current
 * one in the import dialog, and the person picks their language's Basic there.
 */
export const ANKI_HEADER =
	['#separator:tab', '#html:true', '#notetype:Basic', '#deck column:3', '#tags column:4', '#guid column:5'].join('\n') + '\n';

/**
 * Anki parses fields like CSV: one holding a tab, line break or quote is quoted, quotes
 * doubled. A plain field that would start a formula gets OWASP's apostrophe (and quotes).
 * Anki reads a line that starts with `#` as a comment and drops the card without a word, so
 * a field starting with `#` is quoted too: the line then starts with `"`.
 */
function ankiField(text: string): string {
	const html = text.replace(/\r?\n/g, '<br>');
	const safe = FORMULA_START.test(html) ? `'${html}` : html;
	return safe !== html || /[\t"]/.test(safe) || safe.startsWith('#') ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The front and back are HTML (`#html:true`), so their first character can be written as a
 * character reference instead: `&#61;` shows as `=` in Anki, exactly as before, while a
 * spreadsheet sees text that starts with `&`. No apostrophe appears on the card.
 */
function ankiHtmlField(html: string): string {
	const safe = FORMULA_START.test(html) ? `&#${html.charCodeAt(0)};${html.slice(1)}` : html;
	return ankiField(safe);
}

/**
 * One level of a deck name as Anki stores it (rslib decks/name.rs): NFC, no ASCII control
 * characters or `"`, trimmed, `blank` when nothing is left. A level must also not start or
 * end with `:` (`## 정리:` would join as `정리:::…` and split elsewhere) nor hold `::` (an
 * extra level), so runs of colons become one and colons at either end go.
 */
function ankiDeckPart(part: string): string {
	const text = part
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"]/g, '')
		.replace(/:{2,}/g, ':')
		.replace(/^[\p{White_Space}:]+|[\p{White_Space}:]+$/gu, '');
	return text || 'blank';
}

/**
 * A deck path as the name Anki will give the deck, so that every card of a deck finds the
 * deck the first card created: Anki's importer looks decks up by the name as written and
 * makes a new deck when that differs from the stored (normalised) one. A name Anki can read
 * as a number is taken as a deck id, and a card whose deck id does not exist is dropped: such
 * a name gets a `#` in front.
 */
export function ankiDeckName(path: readonly string[]): string {
	const name = path.map(ankiDeckPart).join('::');
	return /^[+-]?\d+$/.test(name) ? `#${name}` : name;
}

/** A tag per note file: `tabledeck::infra-monitoring` (tags cannot hold spaces). */
export function ankiTag(file: string): string {
	return `tabledeck::${file.replace(/\.md$/i, '').replace(/\s+/g, '_')}`;
}

export function ankiLines(cards: readonly Card[], deckPath: (deckId: string) => readonly string[]): string {
	let text = '';
	for (const card of cards) {
		const plain = [ankiDeckName(deckPath(card.deckId)), ankiTag(card.source.file), card.id];
		text += [ankiHtmlField(card.front), ankiHtmlField(card.back), ...plain.map(ankiField)].join('\t') + '\n';
	}
	return text;
}
