/** Exports for other tools, built slice by slice into parts for a Blob. */
import { ANKI_HEADER, ankiDeckName, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from '$lib/backup/csv';
import { cmp } from 'dexie';
import { CARD_TABLES, cardsOfNote } from './card-store';
import { read } from './database';
import { eachRatings, LOG_TABLES } from './log-store';
import { fromCardRow, type ReviewLogRow } from './rows';

const SLICE = 10_000;

/** Whether IndexedDB can index `value`: only such review times have a place in review order. */
function isKey(value: unknown, depth = 0): boolean {
	if (typeof value === 'number') return !Number.isNaN(value);
	if (typeof value === 'string') return true;
	if (value instanceof Date) return !Number.isNaN(value.getTime());
	if (Array.isArray(value)) return depth < 8 && value.every((item) => isKey(item, depth + 1));
	return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** The review log as CSV, oldest review first (IndexedDB key order, then id). `pack` turns a slice's text into a part (a Blob). */
export function reviewLogCsv<P>(pack: (text: string) => P, slice = SLICE): Promise<(string | P)[]> {
	return read(['decks', ...LOG_TABLES], async (db) => {
		const names = new Map((await db.decks.toArray()).map((deck) => [deck.id, ankiDeckName(deck.path)]));
		const deckOf = (row: ReviewLogRow) => names.get(row.deckId) ?? '';
		// A time no date can show (1e300, a row of a bad backup) cannot be a CSV row; the row stays in backups.
		// log-store hands the log over in no order: each row is kept as its CSV line (not the whole
		// row) with what sorts it, then the lines go out slice by slice.
		const lines: { review: unknown; id: string; line: string }[] = [];
		await eachRatings(db, (batch) => {
			for (const row of batch) {
				if (!isKey(row.review) || Number.isNaN(new Date(row.review).getTime())) continue;
				lines.push({ review: row.review, id: row.id, line: reviewCsvLines([row], deckOf) });
			}
		});
		lines.sort((a, b) => cmp(a.review, b.review) || cmp(a.id, b.id));
		const parts: (string | P)[] = [REVIEW_CSV_HEADER];
		for (let i = 0; i === 0 || i < lines.length; i += slice) {
			parts.push(pack(lines.slice(i, i + slice).reduce((text, entry) => text + entry.line, '')));
		}
		return parts;
	});
}

/** Every card in the notes as an Anki text import, note by note in note order. */
export function ankiText<P>(pack: (text: string) => P): Promise<(string | P)[]> {
	return read(['notes', 'decks', ...CARD_TABLES], async (db) => {
		const paths = new Map((await db.decks.toArray()).map((deck) => [deck.id, deck.path]));
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		const parts: (string | P)[] = [ANKI_HEADER];
		for (const note of notes) {
			const cards = await cardsOfNote(db, note.id);
			parts.push(pack(ankiLines(cards.map(fromCardRow), (deckId) => paths.get(deckId) ?? [])));
		}
		return parts;
	});
}
