/** Helpers for this folder's tests (and the build script's): compile markdown, read cards back. */
import { fileURLToPath } from 'node:url';
import { compileNote, type CompiledNote, type NoteSource } from './build';
import type { Card, NoteDecks } from './types';

export const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/notes', import.meta.url));
export const OWNER_NOTES = fileURLToPath(new URL('../../../decks', import.meta.url));

export function source(markdown: string, file = 'note.md'): NoteSource {
	return { file, bytes: new TextEncoder().encode(markdown) };
}

export function compileText(markdown: string, file = 'note.md'): CompiledNote {
	return compileNote(source(markdown, file));
}

/** A note that must compile without problems. */
export function decksOf(markdown: string, file = 'note.md'): NoteDecks {
	const compiled = compileText(markdown, file);
	if (!compiled.decks) throw new Error(`unexpected problems: ${JSON.stringify(compiled.problems)}`);
	return compiled.decks;
}

/** The cards of one deck, named by its titles below the note's own. */
export function cardsIn(note: NoteDecks, ...path: string[]): Card[] {
	const want = JSON.stringify([note.decks[0].title, ...path]);
	const deck = note.decks.find((d) => JSON.stringify(d.path) === want);
	if (!deck) throw new Error(`no deck ${want}; decks: ${note.decks.map((d) => JSON.stringify(d.path)).join(', ')}`);
	return inRowOrder(note.cards.filter((card) => card.deckId === deck.id));
}

/**
 * Cards as a person reads the table: row by row, each row's reverse card right after its
 * first forward one. (The builder emits a table's reverse cards after all forward ones, so
 * new cards are not asked back to back; tests read better in row order.)
 */
export function inRowOrder(cards: Card[]): Card[] {
	const rows = new Map<string, Card[]>();
	for (const card of cards) {
		const key = `${card.tableId}\u001f${card.rowKey}`;
		const row = rows.get(key) ?? [];
		if (card.direction === 'reverse') row.splice(Math.min(1, row.length), 0, card);
		else row.push(card);
		rows.set(key, row);
	}
	return [...rows.values()].flat();
}

/** What a person sees of a card, for comparing whole tables at a glance. */
export function brief(cards: Card[]): [Card['direction'], string, string, string][] {
	return cards.map((card) => [card.direction, card.column, card.frontText, card.backText]);
}

// Tags the builder may emit: markdown's inline elements (images only from `![alt](url)`).
const SAFE_TAG =
	/^<\/?(strong|em|code|kbd|del|br|a|img|sup|sub)(\s+(href|src|alt|title)="(?!\s*(javascript|vbscript|data):)[^"<>]*")*\s*\/?>$/i;

/**
 * Everything that must hold of any compiled note, as a list of broken rules (empty when all
 * hold): no empty side, no front equal to its back, unique ids, safe HTML that shows the
 * plain text, and decks that add up.
 */
export function brokenRules(note: NoteDecks): string[] {
	const broken: string[] = [];
	const decks = new Map(note.decks.map((d) => [d.id, d]));
	const ids = new Set<string>();
	for (const card of note.cards) {
		const name = `${note.file}:${card.source.line} ${card.frontText} → ${card.backText}`;
		if (!card.frontText || !card.backText || !card.front || !card.back) broken.push(`${name}: an empty side`);
		if (card.frontText === card.backText) broken.push(`${name}: front equals back`);
		if (ids.has(card.id)) broken.push(`${name}: id ${card.id} twice`);
		ids.add(card.id);
		if (!decks.has(card.deckId)) broken.push(`${name}: no deck ${card.deckId}`);
		if (card.source.file !== note.file || card.source.line < 1) broken.push(`${name}: source ${JSON.stringify(card.source)}`);
		if (card.direction !== 'forward' && card.direction !== 'reverse') broken.push(`${name}: direction ${card.direction}`);
		for (const html of [card.front, card.back]) {
			for (const tag of html.match(/<[^>]*>?/g) ?? []) if (!SAFE_TAG.test(tag)) broken.push(`${name}: unsafe tag ${tag}`);
			// A `<code>` or `<kbd>` written as a tag stays in the text as written (cell.ts).
			const text = (html === card.front ? card.frontText : card.backText).replace(/<\/?(?:code|kbd)>/gi, '');
			// A line break reads as a space in a cell, and as " / " between a list card's items.
			if (!html.includes('<img') && shownText(html) !== text && shownText(html.replaceAll('<br>', ' / ')) !== text) {
				broken.push(`${name}: HTML ${html} does not show its text`);
			}
		}
	}
	const expected = new Map<string, number>();
	for (const card of note.cards) expected.set(card.deckId, (expected.get(card.deckId) ?? 0) + 1);
	for (const deck of note.decks) if (deck.parentId) expected.set(deck.parentId, (expected.get(deck.parentId) ?? 0) + deck.cardCount);
	for (const deck of note.decks) {
		if (deck.cardCount !== expected.get(deck.id)) broken.push(`deck ${deck.path.join(' › ')}: cardCount ${deck.cardCount}`);
	}
	return broken;
}

/** The text a browser would show for card HTML: tags dropped, `<br>` a space, references decoded. */
function shownText(html: string): string {
	return (
		html
			.replace(/<br>/g, ' ')
			// k<sup>th</sup> reads k^th in text; H<sub>2</sub>O reads H2O.
			.replace(/<sup>/gi, '^')
			.replace(/<[^>]*>/g, '')
			.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_, ref: string) => {
				if (ref[0] === '#')
					return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
				return { amp: '&', lt: '<', gt: '>', quot: '"' }[ref.toLowerCase()]!;
			})
			.replace(/\s+/g, ' ')
			.trim()
	);
}
