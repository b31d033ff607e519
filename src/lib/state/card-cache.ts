import { getCards, getDeck } from '$lib/db';
import type { Card } from '$lib/notes/types';
import { cardContext } from '$lib/services/first-visit-card';

/** A review session's cards by id, each with its deck's context line, loaded ahead of need. */
export class CardCache {
	private cards = new Map<string, Card>();
	/** Deck id → its path below the note, e.g. "Kubernetes 핵심 개념 › Pod". */
	private contexts = new Map<string, string>();

	has(cardId: string): boolean {
		return this.cards.has(cardId);
	}

	/** The card and its context line, if loaded. */
	get(cardId: string): { card: Card; context: string } | undefined {
		const card = this.cards.get(cardId);
		return card && { card, context: this.contexts.get(card.deckId) ?? '' };
	}

	/** Loads the cards not loaded yet; ids no longer in the notes stay missing. */
	async load(cardIds: string[]): Promise<void> {
		const missing = cardIds.filter((id) => !this.cards.has(id));
		if (missing.length === 0) return;
		for (const card of await getCards(missing)) this.cards.set(card.id, card);
		const deckIds = new Set(missing.map((id) => this.cards.get(id)?.deckId).filter((id) => id !== undefined));
		for (const deckId of deckIds) {
			if (this.contexts.has(deckId)) continue;
			const path = (await getDeck(deckId))?.path ?? [];
			this.contexts.set(deckId, cardContext(path));
		}
	}

	clear(): void {
		this.cards.clear();
		this.contexts.clear();
	}
}
