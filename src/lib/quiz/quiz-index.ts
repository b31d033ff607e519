import type { Card, Deck } from '../notes/types';
import { TableView } from './table-view';

/** The cards a quiz may draw from: several per-deck lists read as one, without copying them. */
export class CardScope {
	private starts: number[] = [];
	readonly size: number;

	constructor(
		private lists: readonly (readonly Card[])[],
		/** Deck ids in scope, or null for every deck. */
		readonly deckIds: ReadonlySet<string> | null
	) {
		let size = 0;
		for (const list of lists) {
			this.starts.push(size);
			size += list.length;
		}
		this.size = size;
	}

	at(position: number): Card {
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.starts[mid] <= position) low = mid;
			else high = mid - 1;
		}
		return this.lists[low][position - this.starts[low]];
	}

	forEach(visit: (card: Card) => void): void {
		for (const list of this.lists) for (const card of list) visit(card);
	}

	has(card: Card): boolean {
		return this.deckIds === null || this.deckIds.has(card.deckId);
	}
}

/**
 * Cards grouped by deck and table in one pass, built once and reused by every quiz.
 * Tables are rebuilt into rows lazily, only for the cards a quiz actually samples.
 */
export class QuizIndex {
	private byId: Map<string, Card> | undefined;
	private byDeck = new Map<string, Card[]>();
	private byTable = new Map<string, Card[]>();
	private tables = new Map<string, TableView>();
	private titles = new Map<string, string>();
	private noteTitles = new Map<string, string>();
	private children = new Map<string, string[]>();
	private shapes: Map<string, string[]> | undefined;

	constructor(
		readonly cards: readonly Card[],
		decks: readonly Deck[] = []
	) {
		// A table's cards come together in deck JSON, so most cards reuse the previous lists
		// instead of paying two map lookups each.
		let deckId: string | undefined;
		let deckList: Card[] = [];
		let tableId: string | undefined;
		let tableList: Card[] = [];
		for (const card of cards) {
			if (card.deckId !== deckId) {
				deckId = card.deckId;
				deckList = listFor(this.byDeck, deckId);
			}
			if (card.tableId !== tableId) {
				tableId = card.tableId;
				tableList = listFor(this.byTable, tableId);
			}
			deckList.push(card);
			tableList.push(card);
		}
		for (const deck of decks) {
			this.titles.set(deck.id, deck.title);
			if (deck.path.length > 1) this.noteTitles.set(deck.id, deck.path[0]);
			if (deck.parentId !== null) listFor(this.children, deck.parentId).push(deck.id);
		}
	}

	/** Built on first use: quizzes drawn from decks never look cards up by id. */
	card(id: string): Card | undefined {
		if (!this.byId) {
			this.byId = new Map();
			for (const card of this.cards) this.byId.set(card.id, card);
		}
		return this.byId.get(id);
	}

	deckTitle(deckId: string): string | undefined {
		return this.titles.get(deckId);
	}

	/**
	 * Where a question comes from, for the line above it: the note's name and the table's
	 * title (`인프라 / 모니터링 › 서비스 타입`), or the title alone for a note's own deck.
	 */
	deckContext(deckId: string): string {
		const title = this.titles.get(deckId) ?? '';
		const note = this.noteTitles.get(deckId);
		return note && note !== title ? `${note} › ${title}` : title;
	}

	deckCards(deckId: string): readonly Card[] {
		return this.byDeck.get(deckId) ?? [];
	}

	table(tableId: string): TableView {
		let table = this.tables.get(tableId);
		if (!table) {
			table = new TableView(tableId, this.byTable.get(tableId) ?? []);
			this.tables.set(tableId, table);
		}
		return table;
	}

	/**
	 * Other tables of the same shape: the same two or more attribute columns (`| 장점 | 단점 |`
	 * in two notes on two tools). A term table's single column (`설명`) says too little about
	 * what its rows are, so term tables have no siblings. `file`: only tables of that note.
	 */
	siblingTables(tableId: string, file?: string): string[] {
		const own = this.byTable.get(tableId);
		if (!own?.length) return [];
		const siblings = this.shapeIndex().get(shapeOf(own)) ?? [];
		return siblings.filter((id) => id !== tableId && (file === undefined || this.byTable.get(id)![0].source.file === file));
	}

	/** Built on first use: table ids by shape. */
	private shapeIndex(): Map<string, string[]> {
		if (!this.shapes) {
			this.shapes = new Map();
			for (const [tableId, cards] of this.byTable) {
				const shape = shapeOf(cards);
				if (shape) listFor(this.shapes, shape).push(tableId);
			}
		}
		return this.shapes;
	}

	/** The cards of these decks and every deck below them; every card when none are given. */
	scope(deckIds: readonly string[]): CardScope {
		if (deckIds.length === 0) return new CardScope([this.cards], null);
		const inScope = new Set<string>();
		const pending = [...deckIds];
		while (pending.length) {
			const id = pending.pop()!;
			if (inScope.has(id)) continue;
			inScope.add(id);
			pending.push(...(this.children.get(id) ?? []));
		}
		const lists = [...inScope].map((id) => this.byDeck.get(id) ?? []).filter((list) => list.length > 0);
		return new CardScope(lists, inScope);
	}
}

/** A table's attribute columns, sorted and joined; '' for fewer than two. */
function shapeOf(cards: readonly Card[]): string {
	const columns = [...new Set(cards.map((card) => card.column))].sort();
	return columns.length >= 2 ? columns.join('\u001f') : '';
}

function listFor<T>(map: Map<string, T[]>, key: string): T[] {
	let list = map.get(key);
	if (!list) map.set(key, (list = []));
	return list;
}
