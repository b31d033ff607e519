import { escapeHtml } from './cell';
import type { Card, Problem } from './types';

/**
 * "Errors" asked in both the RED and the USE deck has two right answers. A question whose
 * front occurs in more than one deck of a note carries its deck's title (`RED 메트릭 › Errors`);
 * one that is still shared after that (two decks of one title, two tables of one deck) is
 * left as it is, with a warning, so that a person can rename a heading.
 */
export function disambiguate(file: string, decks: { title: string; cards: Card[] }[]): Problem[] {
	const decksByFront = new Map<string, Set<number>>();
	decks.forEach((deck, d) => {
		for (const card of deck.cards) {
			const set = decksByFront.get(card.frontText) ?? new Set();
			set.add(d);
			decksByFront.set(card.frontText, set);
		}
	});
	const warnings: Problem[] = [];
	const counts = new Map<string, Card[]>();
	for (const deck of decks) {
		for (const card of deck.cards) {
			if (decksByFront.get(card.frontText)!.size > 1) {
				card.front = `${escapeHtml(deck.title)} › ${card.front}`;
				card.frontText = `${deck.title} › ${card.frontText}`;
			}
			const same = counts.get(card.frontText);
			if (same) same.push(card);
			else counts.set(card.frontText, [card]);
		}
	}
	for (const [front, cards] of counts) {
		if (cards.length < 2 || cards.every((card) => card.backText === cards[0].backText)) continue;
		const [first, ...others] = cards;
		warnings.push({
			file,
			line: others[0].source.line,
			column: 1,
			message: `the question "${front}" is asked twice with different answers (first at line ${first.source.line}); rename a heading or a key`
		});
	}
	return warnings;
}
