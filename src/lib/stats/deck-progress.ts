import { retrievability, REVIEW, type CardProgress } from '$lib/scheduler';

export interface DeckProgress {
	deckId: string;
	/** Cards in the notes, in this deck and below. */
	cards: number;
	/** Cards ever studied (not new). */
	studied: number;
	/** Cards in the review state: learnt, and not lapsed since. */
	known: number;
	/** Mean chance of recall now over studied cards; null when none is studied. */
	retrievability: number | null;
}

interface Sums {
	studied: number;
	known: number;
	recall: number;
}

/**
 * Adds up studied cards per deck, then rolls each deck's sums up to the decks shown (a deck
 * counts for the nearest shown deck at or above it). Feed it progress rows deck by deck.
 */
export class DeckProgressCounter {
	private readonly sums = new Map<string, Sums>();

	constructor(private readonly now: number) {}

	add(deckId: string, progress: CardProgress): void {
		if (progress.state === 0 || progress.lastReview === null) return;
		let sums = this.sums.get(deckId);
		if (!sums) this.sums.set(deckId, (sums = { studied: 0, known: 0, recall: 0 }));
		sums.studied++;
		if (progress.state === REVIEW) sums.known++;
		sums.recall += retrievability(progress, this.now);
	}

	/**
	 * `shown` in display order with their card counts; `parentOf` maps every deck to its
	 * parent (null at a root).
	 */
	result(shown: readonly { id: string; cards: number }[], parentOf: ReadonlyMap<string, string | null>): DeckProgress[] {
		const totals = new Map<string, Sums>(shown.map((deck) => [deck.id, { studied: 0, known: 0, recall: 0 }]));
		for (const [deckId, sums] of this.sums) {
			let at: string | null | undefined = deckId;
			// The step bound stops a malformed parent cycle.
			for (let steps = 0; at != null && !totals.has(at) && steps < 1000; steps++) at = parentOf.get(at);
			const total = at == null ? undefined : totals.get(at);
			if (!total) continue;
			total.studied += sums.studied;
			total.known += sums.known;
			total.recall += sums.recall;
		}
		return shown.map(({ id, cards }) => {
			const t = totals.get(id)!;
			return { deckId: id, cards, studied: t.studied, known: t.known, retrievability: t.studied ? t.recall / t.studied : null };
		});
	}
}
