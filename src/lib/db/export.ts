/** Exports for other tools, built slice by slice into parts for a Blob. */
import { ANKI_HEADER, ankiDeckName, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from '$lib/backup/csv';
import { cmp } from 'dexie';
import { CARD_TABLES, cardsOfNote } from './card-store';
import { MIN_KEY, read } from './database';
import { fromCardRow, type ReviewLogRow } from './rows';

const SLICE = 10_000;

/** The review log as CSV, oldest review first. `pack` turns a slice's text into a part (a Blob). */
export function reviewLogCsv<P>(pack: (text: string) => P, slice = SLICE): Promise<(string | P)[]> {
	return read(['decks', 'reviewLog'], async (db) => {
		const names = new Map((await db.decks.toArray()).map((deck) => [deck.id, ankiDeckName(deck.path)]));
		const deckOf = (row: ReviewLogRow) => names.get(row.deckId) ?? '';
		const parts: (string | P)[] = [REVIEW_CSV_HEADER];
		// A time no date can show (1e300, a row of a bad backup) cannot be a CSV row; the row stays in backups.
		const lines = (rows: ReviewLogRow[]) =>
			pack(
				reviewCsvLines(
					rows.filter((row) => !Number.isNaN(new Date(row.review).getTime())),
					deckOf
				)
			);
		// Along the review-time index; rows sharing the last time of a slice are read again
		// with the next slice, so none is lost or doubled. Steps go by key order (above(last)),
		// never by last + 1: a time may be 0.5 ms or 1e300, and the index holds strings too.
		let range = db.reviewLog.where('review').aboveOrEqual(MIN_KEY);
		for (;;) {
			const rows = await range.limit(slice).toArray();
			if (rows.length < slice) {
				parts.push(lines(rows));
				return parts;
			}
			const last = rows.at(-1)!.review;
			const atLast = rows.findIndex((row) => cmp(row.review, last) === 0);
			parts.push(lines(atLast > 0 ? rows.slice(0, atLast) : await db.reviewLog.where('review').equals(last).toArray()));
			range = atLast > 0 ? db.reviewLog.where('review').aboveOrEqual(last) : db.reviewLog.where('review').above(last);
		}
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
