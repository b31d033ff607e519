import type { Card } from '../notes/types';
import { buildMcq, buildReverse, buildTyped } from './choices';
import { buildExplain } from './explain';
import type { ExplainWords } from './prompt';
import { QuizIndex, type CardScope } from './quiz-index';
import { shuffled, type Rng } from './rng';
import { LazyShuffle, lowestFirst } from './sampling';
import type { CardRanking, Question, QuestionType, QuizSetup } from './types';

export interface BuildQuizOptions {
	/** Required for `due` and `weak` quizzes: lower values are asked first. */
	ranking?: CardRanking;
	/** Let multiple choice borrow distractors from any deck when the card's table and deck have too few. */
	poolDistractors?: boolean;
	/** The wording of explain-aloud prompts (src/lib/i18n/quiz.ts); without it, a bare form for callers that show no text. */
	explainWords?: ExplainWords;
}

const BARE_WORDS: ExplainWords = {
	compare: (first, second) => `${first} vs ${second}`,
	attributes: (key, first, second) => `${key}: ${first}, ${second}`,
	single: (key) => key
};

/**
 * A quiz of exactly `setup.length` questions (or every one available), the selected types
 * taking turns in a seeded order. A fact is asked once: a card's forward and reverse
 * directions count as one, and rows shown whole by an explain prompt are not asked again.
 * A card that cannot make the requested type (too few distractors) is asked as typed.
 */
export function buildQuiz(source: QuizIndex | readonly Card[], setup: QuizSetup, rng: Rng, options: BuildQuizOptions = {}): Question[] {
	const index = source instanceof QuizIndex ? source : new QuizIndex(source);
	const want = setup.length === 'all' ? Infinity : setup.length;
	const types = shuffled(setup.types.length ? setup.types : (['typed'] as QuestionType[]), rng);
	const scope = index.scope(setup.deckIds);
	const candidates = setup.source === 'decks' ? randomCards(scope, rng) : rankedCards(index, scope, options.ranking, want);

	const askedFacts = new Set<string>();
	const askedRows = new Set<string>();
	const explainedRows = new Set<string>();
	const questions: Question[] = [];
	for (const card of candidates) {
		if (questions.length >= want) break;
		const fact = `${card.tableId}\u0000${card.rowKey}\u0000${card.column}`;
		const row = `${card.tableId}\u0000${card.rowKey}`;
		if (askedFacts.has(fact) || explainedRows.has(row)) continue;
		const requested = types[questions.length % types.length];
		if (requested === 'explain' && !card.kind) {
			const made = buildExplain(index, card, rng, options.explainWords ?? BARE_WORDS, (tableId, key) =>
				askedRows.has(`${tableId}\u0000${key}`)
			);
			for (const shown of made.rows) explainedRows.add(`${card.tableId}\u0000${shown.key}`);
			questions.push(made.question);
		} else {
			questions.push(askedAs(index, card, requested, rng, options.poolDistractors ?? false));
		}
		askedFacts.add(fact);
		askedRows.add(row);
	}
	return questions;
}

function askedAs(index: QuizIndex, card: Card, requested: QuestionType, rng: Rng, poolDistractors: boolean): Question {
	// A whole table's keys or order has no sibling answers to choose from, and no row to explain.
	if (card.kind) return buildTyped(index, card, requested, false);
	if (requested === 'mcq') return buildMcq(index, card, rng, { poolDistractors }) ?? buildTyped(index, card, requested, false);
	if (requested === 'reverse') return buildReverse(index, card, rng) ?? buildTyped(index, card, requested, true);
	return buildTyped(index, card, requested, false);
}

function* randomCards(scope: CardScope, rng: Rng): Generator<Card> {
	const order = new LazyShuffle(scope.size, rng);
	for (let at = order.next(); at >= 0; at = order.next()) yield scope.at(at);
}

/**
 * Lowest first. Ordered ids are read as they come. A map is read in passes that keep only the
 * next few lowest ids (see lowestFirst), and only those are looked up, since a lookup costs
 * more than reading an entry; when the scope is much smaller than the map, the scope is read.
 */
function* rankedCards(index: QuizIndex, scope: CardScope, ranking: CardRanking | undefined, want: number): Generator<Card> {
	if (!ranking) throw new TypeError('a due or weak quiz needs a ranking');
	const inScope = (id: string) => {
		const card = index.card(id);
		return card && scope.has(card) ? card : undefined;
	};
	if (Array.isArray(ranking)) {
		for (const id of ranking as readonly string[]) {
			const card = inScope(id);
			if (card) yield card;
		}
		return;
	}
	// Some cards get skipped (the other direction of an asked fact, rows an explain prompt
	// showed, other decks), so a pass keeps four times what the quiz asks for.
	const batch = want === Infinity ? Infinity : want * 4 + 32;
	const map = typeof ranking === 'function' ? undefined : (ranking as ReadonlyMap<string, number>);
	if (map && (scope.deckIds === null || scope.size * 4 >= map.size)) {
		for (const id of lowestFirst<string>((visit) => map.forEach((value, id) => visit(id, value)), batch)) {
			const card = inScope(id);
			if (card) yield card;
		}
		return;
	}
	const valueOf = map ? (id: string) => map.get(id) : (ranking as (cardId: string) => number | undefined);
	yield* lowestFirst<Card>((visit) => scope.forEach((card) => visit(card, valueOf(card.id))), batch);
}
