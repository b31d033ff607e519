import type { NoteDecks } from '$lib/notes/types';
import { cardDigest, DIGEST_LENGTH, digestAt } from './card-digest';
import { cardIdsOfNote, cardsOfNote, removeNoteCards, storeNoteCards } from './card-store';
import type { Tables } from './database';
import { fromDeckRow, progressKey, toCardRow, toDeckRow, type DeckRow, type ProgressRow } from './rows';

/** Hides a note's progress and removes its decks, cards and note row. */
export async function removeNote(db: Tables, noteId: string): Promise<void> {
	await db.decks.where('noteId').equals(noteId).delete();
	await removeNoteCards(db, noteId);
	await db.progress.where('noteId').equals(noteId).modify({ live: 0, active: 0 });
	await db.notes.delete(noteId);
}

/** What replaceNote wrote: the note's card digests for its note row, and the rows it touched. */
export interface NoteChanges {
	digests: string;
	cards: number;
	removedCards: number;
	decks: number;
}

/**
 * Makes the stored decks and cards of `noteId` those of `note`, writing only what differs:
 * a card is rewritten (its page, card-store.ts) when it is new, moved or its digest changed;
 * cards and decks no longer in the note are deleted. The old cards are known from the note's
 * card ids and the note row's digests (old cards are read only when the row has none: stored
 * by an older version). Runs in the caller's transaction, which must hold notes, decks,
 * CARD_TABLES and progress; the caller stores `digests` on the note row.
 */
export async function replaceNote(db: Tables, noteId: string, note: NoteDecks): Promise<NoteChanges> {
	// Every version stored a note's cards at places 0, 1, 2…, so the i-th id is at place i.
	const [row, ids, oldDecks] = await Promise.all([
		db.notes.get(noteId),
		cardIdsOfNote(db, noteId),
		db.decks.where('noteId').equals(noteId).toArray()
	]);
	const stored = row?.cardDigests?.length === ids.length * DIGEST_LENGTH ? row.cardDigests : undefined;
	const old = new Map<string, { pos: number; digest: string | undefined }>();
	ids.forEach((id, pos) => old.set(id, { pos, digest: digestAt(stored, pos) }));
	if ([...old.values()].some((card) => card.digest === undefined)) {
		for (const card of await cardsOfNote(db, noteId)) old.set(card.id, { pos: card.pos, digest: cardDigest(card) });
	}

	const digests = note.cards.map(cardDigest);
	const changed: number[] = [];
	let added = 0;
	note.cards.forEach((card, pos) => {
		const was = old.get(card.id);
		if (!was) added++;
		if (was?.pos !== pos || was.digest !== digests[pos]) changed.push(pos);
	});
	const kept = new Set(note.cards.map((card) => card.id));
	const removedCards = ids.filter((id) => !kept.has(id));

	const ownCards = new Map<string, number>();
	for (const card of note.cards) ownCards.set(card.deckId, (ownCards.get(card.deckId) ?? 0) + 1);
	const oldDeck = new Map(oldDecks.map((deck) => [deck.id, deck]));
	const decks = note.decks
		.map((deck, pos) => toDeckRow(deck, noteId, pos, ownCards.get(deck.id) ?? 0))
		.filter((deck) => !sameDeck(oldDeck.get(deck.id), deck));
	const deckIds = new Set(note.decks.map((deck) => deck.id));

	// No reader sees any of this before the transaction commits, and a failure anywhere in it
	// (a full disk, a row that cannot be stored) aborts all of it: the note stays as it was.
	await db.decks.bulkPut(decks);
	const cards = note.cards.map((card, pos) => toCardRow(card, noteId, pos));
	await storeNoteCards(db, noteId, { cards, changed });
	await db.decks.bulkDelete(oldDecks.filter((deck) => !deckIds.has(deck.id)).map((deck) => deck.id));
	// A card id names its table, so a card never changes deck (see Placement): only cards that
	// came or went move progress. Edited ones leave it alone, and it is not even read.
	if (added > 0 || removedCards.length > 0) {
		await placeProgress(db, noteId, new Map(note.cards.map((card) => [card.id, card.deckId])));
	}
	return { digests: digests.join(''), cards: changed.length, removedCards: removedCards.length, decks: decks.length };
}

function sameDeck(before: DeckRow | undefined, after: DeckRow): boolean {
	if (!before) return false;
	return JSON.stringify(toDeckRow(fromDeckRow(before), before.noteId, before.pos, before.ownCards)) === JSON.stringify(after);
}

/**
 * Shows the progress of the note's cards and hides the rest of the note's rows. Rows
 * imported before their card existed (noteId '') are placed here too when their card is.
 */
async function placeProgress(db: Tables, noteId: string, deckOf: Map<string, string>): Promise<void> {
	const [own, unplaced] = await Promise.all([
		db.progress.where('noteId').equals(noteId).toArray(),
		db.progress.where('noteId').equals('').toArray()
	]);
	const stale: ProgressRow[] = [];
	const updated: ProgressRow[] = [];
	for (const row of [...own, ...unplaced.filter((row) => deckOf.has(row.cardId))]) {
		const deckId = deckOf.get(row.cardId) ?? row.deckId;
		const live = deckOf.has(row.cardId) ? 1 : 0;
		const active = live === 1 && row.suspended === 0 ? 1 : 0;
		if (deckId === row.deckId && noteId === row.noteId && live === row.live && active === row.active) continue;
		if (deckId !== row.deckId) stale.push(row);
		updated.push({ ...row, deckId, noteId, live, active });
	}
	await db.progress.bulkDelete(stale.map(progressKey));
	await db.progress.bulkPut(updated);
}
