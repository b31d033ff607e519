/**
 * Finding cards, as Anki's browser does in its simplest form: words matched anywhere in a
 * card's front, back or key, and one state filter. Pure: the caller passes the clock.
 *
 * Built for 100k cards per keystroke: each card's folded text is made once, and a query that
 * only adds to the previous one (the next keystroke) searches the previous matches, not every card.
 */
import { LEECH_LAPSES } from '$lib/scheduler/leech';
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

export class CardSearch<T extends SearchCard> {
	readonly #entries: T[];
	readonly #texts: string[];
	readonly #position = new Map<string, number>();
	/** The last words searched and the positions of the cards containing them. */
	#last: { terms: string[]; matches: number[] } | null = null;

	constructor(entries: T[]) {
		this.#entries = [...entries];
		this.#texts = this.#entries.map((entry) => searchText(entry.card));
		this.#entries.forEach((entry, i) => this.#position.set(entry.card.id, i));
	}

	get size(): number {
		return this.#entries.length;
	}

	/** A card's new progress (after an action on it): its text is unchanged, so matches stay valid. */
	update(cardId: string, progress: CardProgress | null): void {
		const i = this.#position.get(cardId);
		if (i !== undefined) this.#entries[i] = { ...this.#entries[i], progress };
	}

	search(query: string, filter: StateFilter, clock: SearchClock, limit: number): SearchResult<T> {
		const matches = this.#match(queryTerms(query));
		const counts = Object.fromEntries(STATE_FILTERS.map((f) => [f, 0])) as Record<StateFilter, number>;
		const shown: T[] = [];
		const want = BIT[filter];
		for (const i of matches) {
			const bits = stateBits(this.#entries[i].progress, clock);
			for (const f of STATE_FILTERS) if (bits & BIT[f]) counts[f]++;
			if (bits & want && shown.length < limit) shown.push(this.#entries[i]);
		}
		return { total: counts[filter], shown, counts };
	}

	#match(terms: string[]): number[] {
		const last = this.#last;
		// Every card holding the new words also held the old ones when each old word is part of a new one.
		const narrows = last !== null && last.terms.every((old) => terms.some((term) => term.includes(old)));
		const pool = narrows ? last.matches : null;
		const texts = this.#texts;
		const matches: number[] = [];
		if (pool) {
			for (const i of pool) if (terms.every((term) => texts[i].includes(term))) matches.push(i);
		} else {
			for (let i = 0; i < texts.length; i++) if (terms.every((term) => texts[i].includes(term))) matches.push(i);
		}
		this.#last = { terms, matches };
		return matches;
	}
}
