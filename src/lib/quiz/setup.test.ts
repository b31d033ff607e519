import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIZ_SETUP, parseQuizSetup, quizHref, quizSearch } from './setup';
import type { QuizSetup } from './types';

const parse = (query: string) => parseQuizSetup(new URLSearchParams(query));

describe('quiz setup in the URL', () => {
	it('writes the documented form, commas and all', () => {
		const setup: QuizSetup = {
			deckIds: ['51fbb414d38f0f09', 'd94e08aa'],
			source: 'decks',
			length: 10,
			types: ['mcq', 'reverse', 'typed', 'explain']
		};
		expect(quizHref(setup)).toBe('/quiz?deck=51fbb414d38f0f09&deck=d94e08aa&n=10&types=mcq,reverse,typed,explain');
	});

	it('round-trips every field', () => {
		const setups: QuizSetup[] = [
			{ deckIds: ['a1', 'b2'], source: 'decks', length: 50, types: ['typed'] },
			{ deckIds: [], source: 'due', length: 'all', types: ['mcq', 'explain'] },
			{ deckIds: ['x'], source: 'weak', length: 20, types: ['reverse', 'typed'], seed: 4294967295 },
			{ deckIds: ['y'], source: 'exam', length: 10, types: ['mcq'] }
		];
		for (const setup of setups) expect(parse(quizSearch(setup))).toEqual(setup);
	});

	it('writes types in canonical order whatever order they were picked in', () => {
		expect(quizSearch({ deckIds: [], source: 'weak', length: 20, types: ['explain', 'mcq'] })).toBe('source=weak&n=20&types=mcq,explain');
	});

	it('reads an empty query as the defaults', () => {
		expect(parse('')).toEqual(DEFAULT_QUIZ_SETUP);
		expect(DEFAULT_QUIZ_SETUP).toEqual({ deckIds: [], source: 'decks', length: 10, types: ['mcq', 'reverse', 'typed', 'explain'] });
	});

	it('falls back to defaults for bad values', () => {
		const setup = parse('deck=&deck=..%2Fetc&deck=%3Cscript%3E&deck=ok-1&deck=ok-1&source=soon&n=15&types=quiz,,');
		expect(setup).toEqual({ ...DEFAULT_QUIZ_SETUP, deckIds: ['ok-1'] });
		expect(parse('n=-10').length).toBe(10);
		expect(parse('n=1e3').length).toBe(10);
		expect(parse('n=ALL').length).toBe('all');
		expect(parse('n= 50 ').length).toBe(50);
		expect(parse('seed=abc').seed).toBeUndefined();
		expect(parse('seed=99999999999').seed).toBeUndefined();
	});

	it('reads types repeated, comma-encoded, in any case, ignoring unknown ones', () => {
		expect(parse('types=TYPED&types=mcq%2Cnonsense').types).toEqual(['mcq', 'typed']);
		expect(parse('source=DUE').source).toBe('due');
		expect(parse('source=exam').source).toBe('exam');
	});

	it('caps the number of decks', () => {
		const query = Array.from({ length: 150 }, (_, i) => `deck=d${i}`).join('&');
		expect(parse(query).deckIds).toHaveLength(100);
	});
});
