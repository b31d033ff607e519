import type { TypedMatch } from './match';

export const QUESTION_TYPES = ['mcq', 'reverse', 'typed', 'explain'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUIZ_LENGTHS = [10, 20, 50, 'all'] as const;
export type QuizLength = (typeof QUIZ_LENGTHS)[number];

/**
 * `decks`: random cards from `deckIds` (all decks when empty); `due`/`weak`/`exam`: lowest ranking
 * first (`exam`: predicted recall on the interview date, services/exam-plan.ts examRanking).
 */
export type QuizSource = 'decks' | 'due' | 'weak' | 'exam';

export interface QuizSetup {
	/** Decks to draw from, each with every deck below it. With `due`/`weak` they narrow the ranking. */
	deckIds: string[];
	source: QuizSource;
	length: QuizLength;
	/** At least one, in canonical order. */
	types: QuestionType[];
	/** Kept in the URL so a reload asks the same quiz; absent means the page picks one. */
	seed?: number;
}

/**
 * cardId → a number where lower comes first: retrievability 0–1 for `weak`, the due time
 * (ms) for `due`; or card ids already in that order (e.g. from an index on `due`), the
 * cheapest form. Cards without a value (new cards) are left out of those quizzes.
 */
export type CardRanking = ReadonlyMap<string, number> | ((cardId: string) => number | undefined) | readonly string[];

interface QuestionBase {
	/** Unique within a quiz. */
	id: string;
	/** The type the round-robin asked for; differs from `type` when the card was asked another way. */
	requested: QuestionType;
	/** The card this question was built from; no card is the main card of two questions. */
	cardId: string;
	/** Every card the question tests: these go to review when it is missed. */
	cardIds: string[];
	deckId: string;
	tableId: string;
	prompt: string;
	/** Safe HTML (built from the cards' build-time HTML; plain parts escaped). */
	promptHtml: string;
}

export interface ChoiceOption {
	text: string;
	html: string;
}

/** What a question asking for a row key shows, so a page can word it in its own language. */
export interface ReverseAsk {
	/** The table's deck title; null when unknown. */
	subject: string | null;
	/** The column the value is from; null for a one-column table. */
	column: string | null;
	value: ChoiceOption;
}

/** `mcq`: a card's front, its back among distractors; `reverse`: a value, its row key among sibling keys. */
export interface ChoiceQuestion extends QuestionBase {
	type: 'mcq' | 'reverse';
	options: ChoiceOption[];
	answerIndex: number;
	/** Set when the question asks for a row key (type `reverse`). */
	reverse?: ReverseAsk;
}

export interface TypedQuestion extends QuestionBase {
	type: 'typed';
	expected: string;
	expectedHtml: string;
	/** Set when the question asks for a row key. */
	reverse?: ReverseAsk;
}

export interface ModelCell {
	text: string;
	html: string;
}

/** Rows of a table side by side: `columns[i]` is the header of each row's `cells[i]` (empty text when blank). */
export interface ModelAnswer {
	columns: string[];
	rows: { key: string; keyHtml: string; cells: ModelCell[] }[];
}

/** `compare`: two sibling rows; `attributes`: two columns of one row; `single`: the one row of its table. */
export type ExplainKind = 'compare' | 'attributes' | 'single';

export interface ExplainQuestion extends QuestionBase {
	type: 'explain';
	kind: ExplainKind;
	model: ModelAnswer;
}

export type Question = ChoiceQuestion | TypedQuestion | ExplainQuestion;

export type SelfGrade = 'again' | 'partial' | 'good';

/** What the person did with one question; an `undefined` response means skipped. */
export type QuizResponse =
	{ type: 'choice'; chosenIndex: number } | { type: 'typed'; given: string; match: TypedMatch } | { type: 'explain'; grade: SelfGrade };
