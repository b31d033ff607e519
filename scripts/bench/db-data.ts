/**
 * Data for the storage benchmark: N cards in deck JSON shape (notes › sections › tables, so
 * many decks) and M review-log rows whose last row per card agrees with that card's
 * progress. The same seed always gives the same data. Review-log rows come in batches made
 * on demand, so a million of them need not sit in memory at once.
 */
import { mulberry32, seedFromString } from '../../src/lib/quiz/rng';
import { DECK_SCHEMA, type Card, type Deck, type DeckIndex, type NoteDecks } from '../../src/lib/notes/types';
import {
	LEARNING,
	NEW,
	RELEARNING,
	REVIEW,
	type CardProgress,
	type CardStateKind,
	type Rating,
	type ReviewLogEntry
} from '../../src/lib/scheduler/types';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface BenchOptions {
	cards: number;
	reviews: number;
	seed: number;
	/** The benchmark's "now" (ms): every review is before it. */
	now: number;
	/** Share of cards ever studied (default 0.7), capped by `reviews`: each studied card has ≥ 1 review. */
	studiedShare?: number;
}

export interface BenchData {
	index: DeckIndex;
	/** By the `json` path index.json gives them, for a `fetchJson` over this data. */
	files: Map<string, DeckIndex | NoteDecks>;
	/** One row per studied card (cards in note order: new cards are introduced that way). */
	progress: CardProgress[];
	reviewCount: number;
	reviewLogBatches(size: number): Generator<ReviewLogEntry[]>;
}

const SECTIONS_PER_NOTE = 10;
const TABLES_PER_SECTION = 10;
/** 10 rows, forward and reverse. */
const CARDS_PER_TABLE = 20;
const CARDS_PER_NOTE = SECTIONS_PER_NOTE * TABLES_PER_SECTION * CARDS_PER_TABLE;

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * Ids and hashes shaped like the build's (16 hex digits) but cheap: the build's SHA-256
 * takes seconds for 100k cards. A running count makes every id unique.
 */
function idMaker() {
	let made = 0;
	return (...parts: string[]) => hex8(seedFromString(parts.join('\u001f'))) + hex8(made++);
}
type IdMaker = ReturnType<typeof idMaker>;

const fakeHash = (text: string) => hex8(seedFromString(text)) + hex8(seedFromString(`${text}#`));

function makeDeck(fakeId: IdMaker, file: string, path: string[], parentId: string | null): Deck {
	return { id: fakeId(file, ...path), title: path.at(-1)!, parentId, path, file, cardCount: 0, hash: '' };
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const group = groups.get(key(item));
		if (group) group.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}

/** One note of up to CARDS_PER_NOTE cards; counts and hashes are filled in bottom-up. */
function makeNote(fakeId: IdMaker, n: number, cards: number): NoteDecks {
	const file = `bench/note-${n}.md`;
	const root = makeDeck(fakeId, file, [`Note ${n}`], null);
	const decks: Deck[] = [root];
	const cardsMade: Card[] = [];
	for (let s = 0; s < SECTIONS_PER_NOTE && cardsMade.length < cards; s++) {
		const section = makeDeck(fakeId, file, [...root.path, `Section ${s}`], root.id);
		decks.push(section);
		for (let t = 0; t < TABLES_PER_SECTION && cardsMade.length < cards; t++) {
			const table = makeDeck(fakeId, file, [...section.path, `Table ${t}`], section.id);
			const tableId = fakeId(file, ...table.path, 'table');
			decks.push(table);
			for (let i = 0; i < CARDS_PER_TABLE && cardsMade.length < cards; i++) {
				const row = i >> 1;
				const direction = i % 2 === 0 ? 'forward' : 'reverse';
				const key = `Key ${n}.${s}.${t}.${row}`;
				const value = `Value of ${key}: a plausible answer of some forty characters`;
				const [front, back] = direction === 'forward' ? [key, value] : [value, key];
				cardsMade.push({
					id: fakeId(file, ...table.path, key, 'Value', direction),
					deckId: table.id,
					front: `<strong>${front}</strong>`,
					back,
					frontText: front,
					backText: back,
					source: { file, line: 10 + t * 14 + row },
					tableId,
					rowKey: key,
					column: 'Value',
					direction
				});
			}
		}
	}
	const own = groupBy(cardsMade, (card) => card.deckId);
	const children = groupBy(decks.slice(1), (deck) => deck.parentId!);
	for (const deck of [...decks].reverse()) {
		const cardsHere = own.get(deck.id) ?? [];
		const below = children.get(deck.id) ?? [];
		deck.cardCount = cardsHere.length + below.reduce((sum, d) => sum + d.cardCount, 0);
		deck.hash = fakeHash([...cardsHere.map((c) => c.id + c.back), ...below.map((d) => d.hash)].join('\n'));
	}
	return { schema: DECK_SCHEMA, file, hash: root.hash, decks: decks.filter((d) => d.cardCount > 0), cards: cardsMade };
}

/** One card's ratings, oldest first, and its final progress; a pure function of (seed, card). */
/** The longest history a card gets (see history). */
const MAX_SPAN = 20 * 365 * DAY;

function history(cardId: string, ratings: number, seed: number, now: number) {
	const rng = mulberry32(seed ^ Math.imul(Number.parseInt(cardId.slice(0, 8), 16), 0x9e3779b1));
	let interval = 1;
	const gaps: number[] = [];
	const lapses = [false];
	for (let i = 1; i < ratings; i++) {
		const lapse = i > 1 && rng() < 0.08;
		lapses.push(lapse);
		interval = lapse ? 1 : Math.min(3650, Math.max(1, Math.round(interval * (1.3 + rng() * 0.9))));
		gaps.push(interval * DAY + Math.floor(rng() * DAY));
	}
	// A long history is squeezed into 20 years: the app refuses reviews before 2000 in backups.
	const span = gaps.reduce((sum, gap) => sum + gap, 0) + 1.1 * interval * DAY;
	if (span > MAX_SPAN) {
		const scale = MAX_SPAN / span;
		gaps.forEach((gap, i) => (gaps[i] = Math.max(DAY, Math.floor(gap * scale))));
		interval = Math.max(1, Math.floor(interval * scale));
	}
	// The last review falls somewhere in the last interval, so about one card in ten is overdue.
	let review = now - MINUTE - Math.floor(rng() * 1.1 * interval * DAY) - gaps.reduce((sum, gap) => sum + gap, 0);
	let previous: CardProgress | null = null;
	const log: ReviewLogEntry[] = [];
	for (let i = 0; i < ratings; i++) {
		if (i > 0) review += gaps[i - 1];
		const state: CardStateKind = i === 0 ? LEARNING : lapses[i] ? RELEARNING : REVIEW;
		const scheduledDays = state !== REVIEW ? 0 : i < ratings - 1 ? Math.round(gaps[i] / DAY) : interval;
		const next: CardProgress = {
			cardId,
			due: state === REVIEW ? review + scheduledDays * DAY : review + 10 * MINUTE,
			stability: Math.max(0.5, scheduledDays * 1.1),
			difficulty: 3 + rng() * 5,
			elapsedDays: previous?.lastReview ? Math.round((review - previous.lastReview) / DAY) : 0,
			scheduledDays,
			learningSteps: 0,
			reps: i + 1,
			lapses: (previous?.lapses ?? 0) + (lapses[i] ? 1 : 0),
			state,
			lastReview: review,
			suspended: 0,
			buriedUntil: 0
		};
		const rating: Rating = lapses[i] ? 1 : rng() < 0.15 ? 2 : rng() < 0.9 ? 3 : 4;
		log.push({
			// Random-looking like real ids (so inserts land all over the index), unique by construction.
			id: `${hex8(rng() * 0x1_0000_0000)}${cardId}${i.toString(16).padStart(4, '0')}`,
			cardId,
			rating,
			review,
			stateBefore: previous?.state ?? NEW,
			stateAfter: state,
			elapsedDays: next.elapsedDays,
			scheduledDays,
			due: next.due,
			stability: next.stability,
			difficulty: next.difficulty,
			durationMs: 2000 + Math.floor(rng() * 10_000),
			previous
		});
		previous = next;
	}
	const extra = rng();
	const progress: CardProgress = {
		...previous!,
		suspended: extra < 0.01 ? 1 : 0,
		buriedUntil: extra > 0.995 ? now + DAY : 0
	};
	return { log, progress };
}

export function generateBenchData({ cards, reviews, seed, now, studiedShare = 0.7 }: BenchOptions): BenchData {
	const fakeId = idMaker();
	const notes = Array.from({ length: Math.ceil(cards / CARDS_PER_NOTE) }, (_, n) =>
		makeNote(fakeId, n, Math.min(CARDS_PER_NOTE, cards - n * CARDS_PER_NOTE))
	);
	const index: DeckIndex = {
		schema: DECK_SCHEMA,
		notes: notes.map((note) => ({
			file: note.file,
			json: `${note.decks[0].id}.json`,
			deckId: note.decks[0].id,
			cardCount: note.cards.length,
			hash: note.hash
		})),
		decks: notes.flatMap((note) => note.decks)
	};
	const files = new Map<string, DeckIndex | NoteDecks>([['index.json', index]]);
	notes.forEach((note, i) => files.set(index.notes[i].json, note));

	const studiedIds = notes
		.flatMap((note) => note.cards.map((card) => card.id))
		.slice(0, Math.min(reviews, Math.round(cards * studiedShare)));
	const ratingsOf = (i: number) => Math.floor(reviews / studiedIds.length) + (i < reviews % studiedIds.length ? 1 : 0);
	const progress = studiedIds.map((id, i) => history(id, ratingsOf(i), seed, now).progress);

	function* reviewLogBatches(size: number): Generator<ReviewLogEntry[]> {
		let batch: ReviewLogEntry[] = [];
		for (let i = 0; i < studiedIds.length; i++) {
			batch.push(...history(studiedIds[i], ratingsOf(i), seed, now).log);
			if (batch.length >= size) {
				yield batch;
				batch = [];
			}
		}
		if (batch.length > 0) yield batch;
	}
	return { index, files, progress, reviewCount: studiedIds.length ? reviews : 0, reviewLogBatches };
}
