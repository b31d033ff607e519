/**
 * Finding cards, as Anki's browser does in its simplest form: words matched anywhere in a
 * card's front, back or key, and one state filter. Pure: the caller passes the clock.
 *
 * Built for 100k cards per keystroke: each card's folded text is made once, the cards holding
 * each recent word are kept, and a word typed on (the next keystroke) is looked for only among
 * the cards that held it one keystroke ago; several words start from the rarest.
 */
import { LEECH_LAPSES } from '$lib/scheduler/leech';
import { nextDayStart } from '$lib/scheduler/time';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardProgress } from '$lib/scheduler/types';
import { foldText, queryTerms, stripHtml } from './text';

export const STATE_FILTERS = ['all', 'new', 'learning', 'due', 'suspended', 'buried', 'leech'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** The card fields search reads; a deck page's or the database's card rows fit as they are. */
export interface SearchCard {
	card: { id: string; front: string; back: string; frontText?: string; backText?: string; rowKey?: string };
	/** null for a card never studied. */
	progress: CardProgress | null;
}

/** `now`, and when the study day ends: a review card due before then is due today. */
export interface SearchClock {
	now: number;
	dayEnd: number;
}

export interface SearchResult<T> {
	/** Cards matching the words and the filter. */
	total: number;
	/** The first `limit` of them, in the order given to the index. */
	shown: T[];
	/** Cards matching the words, per filter: what each filter would show. */
	counts: Record<StateFilter, number>;
}

const BIT: Record<StateFilter, number> = { all: 1, new: 2, learning: 4, due: 8, suspended: 16, buried: 32, leech: 64 };

/**
 * The filters a card passes. As Anki's is:new, is:learn and is:due go by queue, a suspended
 * or buried card is only under "suspended" or "buried" (a card both suspended and buried is
 * suspended); "leech" is the card's lapse count, as Anki's leech tag stays on a suspended card.
 */
export function stateBits(p: CardProgress | null, { now, dayEnd }: SearchClock): number {
	if (!p) return BIT.all | BIT.new;
	let bits = BIT.all;
	if (typeof p.lapses === 'number' && p.lapses >= LEECH_LAPSES) bits |= BIT.leech;
	if (p.suspended === 1) return bits | BIT.suspended;
	if (p.buriedUntil > now) return bits | BIT.buried;
	if (p.state === LEARNING || p.state === RELEARNING) return bits | BIT.learning | (p.due <= now ? BIT.due : 0);
	if (p.state === REVIEW) return bits | (p.due < dayEnd ? BIT.due : 0);
	return p.state === NEW ? bits | BIT.new : bits;
}

export function matchesState(p: CardProgress | null, filter: StateFilter, clock: SearchClock): boolean {
	return (stateBits(p, clock) & BIT[filter]) !== 0;
}

const textOf = (text: unknown, html: unknown) => (typeof text === 'string' ? text : typeof html === 'string' ? stripHtml(html) : '');

/** What a card is searched by: front, back and key, HTML stripped, folded. */
export function searchText(card: SearchCard['card']): string {
	const key = typeof card.rowKey === 'string' ? card.rowKey : '';
	return foldText(`${textOf(card.frontText, card.front)}\n${textOf(card.backText, card.back)}\n${key}`);
}

/** The clock a search page uses: `now` to the minute, so one keystroke after another shares it (see CardSearch). */
export function searchClock(now: number, dayStartHour: number): SearchClock {
	const minute = Math.floor(now / 60_000) * 60_000;
	return { now: minute, dayEnd: nextDayStart(minute, dayStartHour) };
}

/** Words whose cards are kept: enough for the words of a query being typed and edited. */
const RECENT_WORDS = 16;

/** Every filter's bits, for counting cards by their bit pattern (there are fewer than 128). */
const PATTERNS = 128;

export class CardSearch<T extends SearchCard> {
	readonly #entries: T[];
	/** Every card's search text, each followed by U+0000 (no query word holds one): one string to scan. */
	readonly #all: string;
	/** Where each card's text starts in #all; one more entry than cards. */
	readonly #starts: Uint32Array;
	/** Each card's text, as a slice of #all. */
	readonly #texts: string[];
	readonly #position = new Map<string, number>();
	/** Recent words and the positions of the cards holding each, oldest first. */
	readonly #recent = new Map<string, Int32Array>();
	readonly #every: Int32Array;
	/** Room for every card, so a scan allocates only its result. */
	readonly #scratch: Int32Array;
	/** Each card's stateBits at #clock. */
	#bits: Uint8Array;
	#clock: SearchClock | null = null;

	constructor(entries: T[]) {
		this.#entries = [...entries];
		const texts = this.#entries.map((entry) => searchText(entry.card).replaceAll('\0', ''));
		this.#all = texts.join('\0') + '\0';
		this.#starts = new Uint32Array(texts.length + 1);
		for (let i = 0; i < texts.length; i++) this.#starts[i + 1] = this.#starts[i] + texts[i].length + 1;
		this.#texts = texts.map((_, i) => this.#all.slice(this.#starts[i], this.#starts[i + 1] - 1));
		this.#entries.forEach((entry, i) => this.#position.set(entry.card.id, i));
		this.#bits = new Uint8Array(texts.length);
		this.#every = Int32Array.from(texts.keys());
		this.#scratch = new Int32Array(texts.length);
	}

	get size(): number {
		return this.#entries.length;
	}

	get(cardId: string): T | undefined {
		const i = this.#position.get(cardId);
		return i === undefined ? undefined : this.#entries[i];
	}

	/** A card's new progress (after an action on it): its text is unchanged, so matches stay valid. */
	update(cardId: string, progress: CardProgress | null): void {
		const i = this.#position.get(cardId);
		if (i === undefined) return;
		this.#entries[i] = { ...this.#entries[i], progress };
		if (this.#clock) this.#bits[i] = stateBits(progress, this.#clock);
	}

	search(query: string, filter: StateFilter, clock: SearchClock, limit: number): SearchResult<T> {
		const matches = this.#match(queryTerms(query));
		const bits = this.#bitsAt(clock);
		const patterns = new Uint32Array(PATTERNS);
		const shown: T[] = [];
		const want = BIT[filter];
		for (const i of matches) {
			patterns[bits[i]]++;
			if (bits[i] & want && shown.length < limit) shown.push(this.#entries[i]);
		}
		const counts = Object.fromEntries(STATE_FILTERS.map((f) => [f, 0])) as Record<StateFilter, number>;
		for (let pattern = 0; pattern < PATTERNS; pattern++) {
			if (patterns[pattern] > 0) for (const f of STATE_FILTERS) if (pattern & BIT[f]) counts[f] += patterns[pattern];
		}
		return { total: counts[filter], shown, counts };
	}

	#bitsAt(clock: SearchClock): Uint8Array {
		if (this.#clock?.now !== clock.now || this.#clock.dayEnd !== clock.dayEnd) {
			this.#entries.forEach((entry, i) => (this.#bits[i] = stateBits(entry.progress, clock)));
			this.#clock = { ...clock };
		}
		return this.#bits;
	}

	#match(terms: string[]): Int32Array {
		if (terms.length === 0) return this.#every;
		const [rarest, ...others] = terms
			.map((term) => ({ term, cards: this.#cardsWith(term) }))
			.sort((a, b) => a.cards.length - b.cards.length);
		const texts = this.#texts;
		return others.length === 0 ? rarest.cards : rarest.cards.filter((i) => others.every(({ term }) => texts[i].includes(term)));
	}

	/** The cards holding `term`: remembered, or found among the cards of a remembered word inside it (the word one keystroke ago). */
	#cardsWith(term: string): Int32Array {
		const known = this.#recent.get(term);
		this.#recent.delete(term);
		let cards = known;
		if (!cards) {
			let within: Int32Array = this.#every;
			for (const [word, list] of this.#recent) if (list.length < within.length && term.includes(word)) within = list;
			const texts = this.#texts;
			// A few cards are quicker checked one by one than the whole text scanned again.
			cards = within.length * 8 < texts.length ? within.filter((i) => texts[i].includes(term)) : this.#scan(term);
		}
		this.#recent.set(term, cards);
		if (this.#recent.size > RECENT_WORDS) this.#recent.delete(this.#recent.keys().next().value!);
		return cards;
	}

	/** Finds a word through the whole text at once, jumping from each card it is in to the next card. */
	#scan(term: string): Int32Array {
		const starts = this.#starts;
		const found = this.#scratch;
		let count = 0;
		let card = 0;
		for (let at = this.#all.indexOf(term); at !== -1; at = this.#all.indexOf(term, starts[card + 1])) {
			while (starts[card + 1] <= at) card++;
			found[count++] = card;
		}
		return found.slice(0, count);
	}
}
