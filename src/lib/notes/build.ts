import type { Root } from 'mdast';
import { tableCards, type ColumnNote } from './cards';
import { frontMatter } from './front-matter';
import { checklistOf, isListTable, listCards, MAX_LIST } from './lists';
import { disambiguate } from './shared-fronts';
import { contentHash, stableId } from './ids';
import { parseMarkdown } from './markdown';
import { nestingProblem } from './nesting';
import { bareTitle, headingSubject } from './subject';
import { sizeProblem } from './size';
import { isParallelTable, recordOf, shapeTable, type Shape } from './shape';
import { findTables, type FoundTable } from './tables';
import { decodeUtf8 } from './utf8';
import { wholeTableCards } from './whole';
import { DECK_SCHEMA, type Card, type Deck, type DeckIndex, type NoteDecks, type Problem } from './types';

export interface NoteSource {
	/** Path relative to the notes folder, with `/` separators. */
	file: string;
	bytes: Uint8Array;
}

export interface CompiledNote {
	decks: NoteDecks | null;
	problems: Problem[];
	warnings: Problem[];
	/** How each table was read, for `npm run decks -- --report`. */
	report: TableReport[];
}

/** One table in the build report: what it was taken for, why, and what it made. */
export interface TableReport {
	file: string;
	line: number;
	deck: string;
	shape: 'term' | 'attribute' | 'comparison' | 'list' | 'skipped';
	signals: string[];
	/** `whole`: cards about the table as a whole (whole.ts). */
	cards: { forward: number; reverse: number; whole: number };
	columns: ColumnNote[];
}

/** Markdown → tree; a parameter only so that scripts/compare-builders.ts can run the old parser. */
export type ParseStage = (text: string) => Root;

/** One note → its deck tree (note → sections → tables) and cards. */
export function compileNote({ file, bytes }: NoteSource, parse: ParseStage = parseMarkdown): CompiledNote {
	const tooBig = sizeProblem(file, bytes.length);
	if (tooBig) return { decks: null, problems: [tooBig], warnings: [], report: [] };
	const decoded = decodeUtf8(file, bytes);
	// NFC, so that a key typed on a Mac (decomposed Hangul) has the same id as everywhere else.
	// A file with bad bytes is still read (as U+FFFD) so that all its other problems show in the same run.
	const text = decoded.text.normalize('NFC');
	const tooDeep = nestingProblem(file, text);
	if (tooDeep) return { decks: null, problems: [...decoded.problems, tooDeep], warnings: [], report: [] };
	const matter = frontMatter(text);
	const found = findTables(file, parse(matter.body));
	const problems = [...decoded.problems, ...found.problems];
	const warnings = [...found.warnings];
	const tree = new DeckTree(file, found.title ?? matter.title ?? file.replace(/^.*\//, '').replace(/\.md$/i, ''));
	const places = new Map<string, number>();
	const report: TableReport[] = [];
	const reportOf = new Map<string, TableReport>();
	/** Tables read as their heading's record (shape.ts recordOf). */
	const records = new Set<string>();

	for (const table of found.tables) {
		const where = { file, line: table.line, column: table.column };
		// Every table counts towards its place's ordinal, skipped or not, so that skipping one
		// table (or a grid gaining a word) never renumbers the tables after it.
		const deck = tree.deckFor(table);
		const place = `${deck.key}\u001e`;
		const ordinal = (places.get(place) ?? 0) + 1;
		places.set(place, ordinal);
		const entry: TableReport = {
			file,
			line: table.line,
			deck: deck.deck.path.join(' › '),
			shape: 'skipped',
			signals: [],
			cards: { forward: 0, reverse: 0, whole: 0 },
			columns: []
		};
		report.push(entry);
		if (table.directives?.skip) {
			entry.signals.push('directive: skip');
			continue;
		}
		const tableId = stableId(file, place, String(ordinal));
		reportOf.set(tableId, entry);
		// A table of contents (`| [[CS기초/os|운영체제]] | … | 122문항 |`) points at other notes; what
		// it says is a syllabus, not something to remember.
		const linked = table.rows.filter((row) => row.cells[0]?.text);
		if (!table.directives && linked.length >= 2 && linked.every((row) => row.cells[0].toNote)) {
			const reason = 'a table of contents: every row links to another note';
			entry.signals.push(reason);
			warnings.push({ ...where, message: `table skipped: ${reason}` });
			continue;
		}
		const guessed = !table.directives?.transpose && table.directives?.keyColumn == null;
		const checklist = guessed ? checklistOf(table) : null;
		const list = checklist ?? (guessed && (isListTable(table) || isParallelTable(table)) ? table : null);
		if (list) {
			// Pros and cons, things compared row by unnamed row, a checklist: each column is asked whole (lists.ts).
			const cards = listCards(list, { file, deckId: deck.deck.id, tableId, title: tree.rowSubject(deck) || deck.deck.title });
			entry.shape = 'list';
			entry.signals = [
				checklist
					? 'a checklist: the same mark in every row of the first column'
					: isListTable(table)
						? 'every header names a list (장점/단점, Do/Don’t, Before/After)'
						: 'every column is a thing compared, and the rows are unnamed aspects written as sentences'
			];
			entry.cards.forward = cards.length;
			if (cards.length < list.header.length)
				entry.columns.push({ column: '*', note: `columns of more than ${MAX_LIST} items make no card` });
			deck.cards.push(...cards);
			continue;
		}
		const record = recordOf(table, deck.deck.title);
		if (record) records.add(tableId);
		const shape: Shape = record ? { kind: 'cards', ...record } : shapeTable(table);
		if (shape.kind === 'skip') {
			entry.signals.push(shape.reason);
			warnings.push({ ...where, message: `table skipped: ${shape.reason}` });
			continue;
		}
		entry.shape = shape.table.transposed ? 'comparison' : shape.table.attributes.length === 1 ? 'term' : 'attribute';
		entry.signals = shape.signals;
		if (shape.note) warnings.push({ ...where, message: shape.note });
		const noReverse = table.directives?.noReverse ?? false;
		const made = tableCards(shape.table, {
			file,
			deckId: deck.deck.id,
			tableId,
			noReverse,
			title: deck.deck.title,
			subject: tree.rowSubject(
				deck,
				shape.table.entries.map((entry) => entry.key.text)
			)
		});
		problems.push(...made.problems);
		warnings.push(...made.warnings);
		entry.columns = made.columns;
		for (const card of made.cards) entry.cards[card.direction]++;
		deck.cards.push(...made.cards);
		// A grid of ratings makes no row cards but may say which row is highest.
		const whole = wholeTableCards(shape.table, {
			file,
			deckId: deck.deck.id,
			tableId,
			line: table.line,
			subject: tree.subjectOf(deck),
			title: deck.deck.title,
			ordered: table.directives?.ordered ?? false,
			list: table.directives?.list ?? false,
			noWhole: table.directives?.noWhole ?? false
		});
		// Whole-table cards of a table with no row card would be all it asks: only "which is highest".
		const kept = made.cards.length ? whole.cards : whole.cards.filter((card) => card.id === stableId(tableId, 'highest', card.column));
		if (kept.length === 0 && made.cards.length === 0) {
			warnings.push({ ...where, message: 'table skipped: no row gives a card' });
			continue;
		}
		entry.signals.push(...whole.signals);
		entry.cards.whole = kept.length;
		deck.cards.push(...kept);
	}
	// `Bubble Sort · Space Complexity` from a one-row table under "Bubble Sort" repeats the same
	// question of a summary table of the note: the summary's card is the one kept.
	// Compared by row and column: a summary under a generic heading has its subject before its question.
	const question = (card: Card) => `${card.rowKey} · ${card.column}`.toLowerCase();
	const asked = new Set(
		tree
			.cards()
			.filter((card) => !records.has(card.tableId) && !card.kind)
			.map(question)
	);
	for (const card of tree.drop((card) => records.has(card.tableId) && asked.has(question(card)))) {
		const entry = reportOf.get(card.tableId);
		if (entry) entry.cards.forward--;
	}
	for (const card of tree.dropRepeatedLists()) {
		const entry = reportOf.get(card.tableId)!;
		entry.cards.whole--;
		entry.signals.push('no whole-table card: another table of the note asks the same list');
	}
	warnings.push(...tree.disambiguate());
	return { decks: problems.length ? null : tree.finish(), problems, warnings, report };
}

// Headings that say what kind of table follows, not what it is about: `종류`, `주요 옵션`,
// `트레이드오프 상세`, `흔한 실수와 함정`.
const GENERIC_TITLE =
	/^(?:(?:주요|핵심|대표적인|기본|각|흔한)\s*)?(?:비교|요약|정리|개요|종류|유형|특징|구성|구성 ?요소|옵션|예시|사례|필요성|장단점|차이|차이점|트레이드오프|함정|실수|주의사항|고려사항|용어|개념|명령어|설정|설정 ?항목|속성|알고리즘|구현|구현체|메트릭|어노테이션|반환 타입|모드|모드 차이|의미|성능 영향|동작|역할|방식|summary|overview|types|options|examples|comparison|pitfalls)(?:\s*(?:과|와)?\s*(?:비교|상세|고려사항|요약|정리|목록|차이|함정|실수))?$/i;
interface DeckNode {
	deck: Deck;
	key: string;
	cards: Card[];
	children: DeckNode[];
}

class DeckTree {
	private root: DeckNode;
	private nodes = new Map<string, DeckNode>();

	constructor(
		private file: string,
		title: string
	) {
		this.root = this.node(null, '', title);
	}

	/** Questions asked in two decks of the note carry their deck's title; see shared-fronts.ts. */
	disambiguate(): Problem[] {
		const decks = [...this.nodes.values()].filter((node) => node.cards.length > 0);
		return disambiguate(
			this.file,
			decks.map((node) => ({ title: node.deck.title, cards: node.cards }))
		);
	}

	/**
	 * What a deck's tables are about, for a whole-table question that names it: the deck's own
	 * title, or the subject of a title that is a question (subject.ts). A generic title (`비교`,
	 * `주요 옵션`) gets its parent's subject before it.
	 */
	subjectOf(node: DeckNode): string {
		return this.rowSubject(node) || headingSubject(node.deck.title);
	}

	/**
	 * What a row's question must name when its deck's title does not say what the table is about
	 * (`Write Concern 주요 옵션` for a table under "33. … Write Concern이란 …? › 주요 옵션"), or ''.
	 */
	rowSubject(node: DeckNode, keys: string[] = []): string {
		const title = bareTitle(node.deck.title);
		if (!GENERIC_TITLE.test(title)) return '';
		const parent = node.deck.parentId === null ? '' : headingSubject(node.deck.path.at(-2) ?? '');
		// `Memory limits` (from "Memory limits을 초과했을 때와 CPU limits을 …") over rows Memory and
		// CPU names one of two things compared, not the table: no subject is better than a wrong one.
		const lower = parent.toLowerCase();
		const named = keys.filter((key) => key && lower.includes(key.toLowerCase())).length;
		if (keys.length <= 3 && named > 0 && named < keys.length) return '';
		return parent ? `${parent} ${title}` : '';
	}

	/**
	 * The same list asked in two tables of a note (`Downtime per year, …` under each availability
	 * level) is no knowledge of either table: such whole-table cards are dropped (and returned).
	 */
	/** Every card so far, in no particular order. */
	cards(): Card[] {
		return [...this.nodes.values()].flatMap((node) => node.cards);
	}

	/** Takes the cards `drop` picks out of their decks, and returns them. */
	drop(drop: (card: Card) => boolean): Card[] {
		const dropped: Card[] = [];
		for (const node of this.nodes.values()) {
			node.cards = node.cards.filter((card) => !drop(card) || (dropped.push(card), false));
		}
		return dropped;
	}

	dropRepeatedLists(): Card[] {
		const count = new Map<string, number>();
		const wholes = [...this.nodes.values()].flatMap((node) => node.cards.filter((card) => card.kind));
		for (const card of wholes) count.set(card.backText, (count.get(card.backText) ?? 0) + 1);
		// "Which row is highest" answers one row, which may well be the answer of two such questions.
		const repeated = (card: Card) =>
			card.kind !== undefined && count.get(card.backText)! > 1 && card.id !== stableId(card.tableId, 'highest', card.column);
		for (const node of this.nodes.values()) node.cards = node.cards.filter((card) => !repeated(card));
		return wholes.filter(repeated);
	}

	/** The deck a table's cards go in: its bold label's, or its innermost heading's. */
	deckFor(table: FoundTable): DeckNode {
		let parent = this.root;
		for (const section of table.sections) parent = this.child(parent, section.key, section.title);
		if (table.label) parent = this.child(parent, `${parent.key}\u001d${table.label}`, table.label);
		return parent;
	}

	finish(): NoteDecks {
		const decks: Deck[] = [];
		const cards: Card[] = [];
		const visit = (node: DeckNode) => {
			const at = decks.length;
			decks.push(node.deck);
			cards.push(...node.cards);
			const childHashes = node.children.filter((child) => visit(child)).map((child) => child.deck.hash);
			node.deck.cardCount = node.cards.length + node.children.reduce((n, c) => n + c.deck.cardCount, 0);
			if (node.deck.cardCount === 0) {
				decks.length = at; // a heading whose tables made no cards is no deck
				return false;
			}
			node.deck.hash = contentHash(JSON.stringify([node.deck.path, node.cards, childHashes]));
			return true;
		};
		visit(this.root);
		return { schema: DECK_SCHEMA, file: this.file, hash: this.root.deck.hash, decks, cards };
	}

	private child(parent: DeckNode, key: string, title: string): DeckNode {
		const existing = this.nodes.get(key);
		if (existing) return existing;
		const node = this.node(parent, key, title);
		parent.children.push(node);
		return node;
	}

	private node(parent: DeckNode | null, key: string, title: string): DeckNode {
		const deck: Deck = {
			id: stableId(this.file, key),
			title,
			parentId: parent?.deck.id ?? null,
			path: [...(parent?.deck.path ?? []), title],
			file: this.file,
			cardCount: 0,
			hash: ''
		};
		const node: DeckNode = { deck, key, cards: [], children: [] };
		this.nodes.set(key, node);
		return node;
	}
}

/** A compiled note, serialised: what crosses a worker boundary cheaply (one string, a few decks). */
export interface NoteOutput {
	file: string;
	problems: Problem[];
	warnings: Problem[];
	report: TableReport[];
	/** Null when the note has errors or makes no cards. */
	json: string | null;
	decks: Deck[];
	hash: string;
}

export function compileNoteOutput(source: NoteSource, parse: ParseStage = parseMarkdown): NoteOutput {
	const { decks: note, problems, warnings, report } = compileNote(source, parse);
	const made = note && note.cards.length > 0;
	return {
		file: source.file,
		problems,
		warnings,
		report,
		json: made ? JSON.stringify(note) : null,
		decks: made ? note.decks : [],
		hash: made ? note.hash : ''
	};
}

/** Compiled notes → the files of `static/decks/`, by name. No files when any note has an error. */
export function assembleDecks(outputs: NoteOutput[]): { files: Map<string, string> | null; problems: Problem[]; warnings: Problem[] } {
	const { index, problems, warnings } = indexDecks(outputs);
	const files = new Map<string, string>();
	for (const output of byFile(outputs)) if (output.json) files.set(deckFileName(output), output.json);
	files.set('index.json', index);
	return { files: problems.length ? null : files, problems, warnings };
}

/** The deck file of a note that made cards. */
export const deckFileName = (output: Pick<NoteOutput, 'decks'>) => `${output.decks[0].id}.json`;

const byFile = <T extends { file: string }>(outputs: T[]) => [...outputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

/**
 * index.json of compiled notes, with their problems and warnings in file order. Only whether a
 * note made JSON matters here, not the JSON itself: the Node build writes each note's file as
 * it is made and passes its output on without it (`json: true`), to hold less memory.
 */
export function indexDecks(outputs: (Omit<NoteOutput, 'json'> & { json: string | true | null })[]): {
	index: string;
	problems: Problem[];
	warnings: Problem[];
} {
	const problems: Problem[] = [];
	const warnings: Problem[] = [];
	const index: DeckIndex = { schema: DECK_SCHEMA, notes: [], decks: [] };
	for (const output of byFile(outputs)) {
		problems.push(...output.problems);
		warnings.push(...output.warnings);
		if (!output.json) continue;
		const root = output.decks[0];
		index.notes.push({ file: output.file, json: deckFileName(output), deckId: root.id, cardCount: root.cardCount, hash: output.hash });
		index.decks.push(...output.decks);
	}
	return { index: JSON.stringify(index), problems, warnings };
}

/** Every note → the files of `static/decks/`, by name. Nothing is returned when any note has an error. */
export function compileNotes(sources: NoteSource[]) {
	return assembleDecks(sources.map((source) => compileNoteOutput(source)));
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
