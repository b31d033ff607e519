/** Exports for other tools, built slice by slice into parts for a Blob. */
import { ANKI_HEADER, ankiDeckName, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from '$lib/backup/csv';
import { MAX_KEY, MIN_KEY, read } from './database';
import { fromCardRow, type ReviewLogRow } from './rows';

const SLICE = 10_000;

/** The review log as CSV, oldest review first. `pack` turns a slice's text into a part (a Blob). */
export function reviewLogCsv<P>(pack: (text: string) => P, slice = SLICE): Promise<(string | P)[]> {
	return read(['decks', 'reviewLog'], async (db) => {
		const names = new Map((await db.decks.toArray()).map((deck) => [deck.id, ankiDeckName(deck.path)]));
		const deckOf = (row: ReviewLogRow) => names.get(row.deckId) ?? '';
		const parts: (string | P)[] = [REVIEW_CSV_HEADER];
		// Along the review-time index; rows sharing the last time of a slice are read again
		// with the next slice, so none is lost or doubled.
		let from = -Infinity;
		for (;;) {
			const rows = await db.reviewLog.where('review').aboveOrEqual(from).limit(slice).toArray();
			if (rows.length < slice) {
				parts.push(pack(reviewCsvLines(rows, deckOf)));
				return parts;
			}
			const last = rows.at(-1)!.review;
			const before = rows.filter((row) => row.review < last);
			const atLast = before.length > 0 ? [] : await db.reviewLog.where('review').equals(last).toArray();
			parts.push(pack(reviewCsvLines(before.length > 0 ? before : atLast, deckOf)));
			from = before.length > 0 ? last : last + 1;
		}
	});
}

/** Every card in the notes as an Anki text import, note by note in note order. */
export function ankiText<P>(pack: (text: string) => P): Promise<(string | P)[]> {
	return read(['notes', 'decks', 'cards'], async (db) => {
		const paths = new Map((await db.decks.toArray()).map((deck) => [deck.id, deck.path]));
		const notes = (await db.notes.toArray()).sort((a, b) => a.pos - b.pos);
		const parts: (string | P)[] = [ANKI_HEADER];
		for (const note of notes) {
			const cards = await db.cards.where('[noteId+pos]').between([note.id, MIN_KEY], [note.id, MAX_KEY]).toArray();
			parts.push(pack(ankiLines(cards.map(fromCardRow), (deckId) => paths.get(deckId) ?? [])));
		}
		return parts;
	});
}
