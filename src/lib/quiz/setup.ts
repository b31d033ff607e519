import { QUESTION_TYPES, QUIZ_LENGTHS, type QuestionType, type QuizLength, type QuizSetup, type QuizSource } from './types';

export const DEFAULT_QUIZ_SETUP: Readonly<QuizSetup> = Object.freeze({
	deckIds: [],
	source: 'decks',
	length: 10,
	types: [...QUESTION_TYPES]
});

// Deck ids are hex from the build; anything else is a hand-edited URL, ignored rather than trusted.
const DECK_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_DECKS = 100;
const SOURCES: Record<string, QuizSource> = { due: 'due', weak: 'weak', exam: 'exam' };

/**
 * Reads `?deck=<id>&deck=<id2>&source=due|weak|exam&n=10|20|50|all&types=mcq,reverse,typed,explain&seed=<uint32>`;
 * bad values fall back to defaults, never throw.
 */
export function parseQuizSetup(params: URLSearchParams): QuizSetup {
	const deckIds = [...new Set(params.getAll('deck').map((id) => id.trim()))].filter((id) => DECK_ID.test(id)).slice(0, MAX_DECKS);
	const setup: QuizSetup = {
		deckIds,
		source: SOURCES[params.get('source')?.trim().toLowerCase() ?? ''] ?? 'decks',
		length: parseLength(params.get('n')),
		types: parseTypes(params.getAll('types'))
	};
	const seed = params.get('seed')?.trim() ?? '';
	if (/^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) setup.seed = Number(seed);
	return setup;
}

/** The query string (without `?`) for a setup, in a stable order and with commas left readable. */
export function quizSearch(setup: QuizSetup): string {
	const parts = setup.deckIds.map((id) => `deck=${encodeURIComponent(id)}`);
	if (setup.source !== 'decks') parts.push(`source=${setup.source}`);
	parts.push(`n=${setup.length}`);
	parts.push(`types=${canonicalTypes(setup.types).join(',')}`);
	if (setup.seed !== undefined) parts.push(`seed=${setup.seed >>> 0}`);
	return parts.join('&');
}

/** `/quiz?…` for a setup. */
export function quizHref(setup: QuizSetup, path = '/quiz'): string {
	return `${path}?${quizSearch(setup)}`;
}

function parseLength(value: string | null): QuizLength {
	const text = value?.trim().toLowerCase() ?? '';
	if (text === 'all') return 'all';
	const number = /^\d+$/.test(text) ? Number(text) : NaN;
	return QUIZ_LENGTHS.find((length) => length === number) ?? DEFAULT_QUIZ_SETUP.length;
}

/** `types` may be repeated or comma-separated; unknown names are dropped, and none left means all. */
function parseTypes(values: string[]): QuestionType[] {
	const names = new Set(values.flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase()));
	const types = QUESTION_TYPES.filter((type) => names.has(type));
	return types.length ? types : [...DEFAULT_QUIZ_SETUP.types];
}

function canonicalTypes(types: readonly QuestionType[]): QuestionType[] {
	const chosen = QUESTION_TYPES.filter((type) => types.includes(type));
	return chosen.length ? chosen : [...DEFAULT_QUIZ_SETUP.types];
}
