import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/quiz/rng';
import { LEECH_LAPSES } from '$lib/scheduler/leech';
import { LEARNING, NEW, RELEARNING, REVIEW, type CardProgress } from '$lib/scheduler/types';
import { CardSearch, matchesState, searchClock, STATE_FILTERS, type SearchCard, type SearchClock, type StateFilter } from './card-search';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 2, 10, 12);
const CLOCK: SearchClock = { now: NOW, dayEnd: NOW + 16 * HOUR };

function card(id: string, front: string, back: string, rowKey = front, progress: Partial<CardProgress> | null = null): SearchCard {
	const base: CardProgress = {
		cardId: id,
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		state: NEW,
		lastReview: null,
		suspended: 0,
		buriedUntil: 0
	};
	return {
		card: { id, front: `<strong>${front}</strong>`, back, frontText: front, backText: back, rowKey },
		progress: progress && { ...base, reps: 1, ...progress }
	};
}

const ids = (result: { shown: SearchCard[] }) => result.shown.map((entry) => entry.card.id);
const search = (cards: SearchCard[], query: string, filter: StateFilter = 'all', limit = 100) =>
	new CardSearch(cards).search(query, filter, CLOCK, limit);

describe('matching words', () => {
	const cards = [
		card('pod', 'Pod', '가장 작은 배포 단위'),
		card('canary', 'Canary · 장점?', '점진적 교체, 빠른 롤백', 'Canary'),
		card('rev', '가장 작은 배포 단위 → 개념', 'Pod', 'Pod'),
		card('blue', 'Blue/Green', '즉시 전환', 'Blue/Green')
	];

	it('finds a word in fronts, backs and keys, whatever its case', () => {
		expect(ids(search(cards, 'POD'))).toEqual(['pod', 'rev']);
		expect(ids(search(cards, 'canary'))).toEqual(['canary']);
	});

	it('finds Korean inside words, and a query in decomposed jamo (NFD)', () => {
		expect(ids(search(cards, '배포'))).toEqual(['pod', 'rev']);
		expect(ids(search(cards, '롤백'.normalize('NFD')))).toEqual(['canary']);
		expect(ids(search(cards, 'ｃａｎａｒｙ'))).toEqual(['canary']);
	});

	it('wants every word, in any order', () => {
		expect(ids(search(cards, '단위 pod'))).toEqual(['pod', 'rev']);
		expect(ids(search(cards, '단위 canary'))).toEqual([]);
	});

	it('matches text, never markup: a card without plain text is searched by its HTML stripped', () => {
		expect(ids(search(cards, 'strong'))).toEqual([]);
		const htmlOnly: SearchCard = { card: { id: 'h', front: '<code>kubectl</code><br>apply', back: 'a &amp; b' }, progress: null };
		expect(ids(search([htmlOnly], 'kubectl apply'))).toEqual(['h']);
		expect(ids(search([htmlOnly], 'a & b'))).toEqual(['h']);
		expect(ids(search([htmlOnly], 'code'))).toEqual([]);
	});

	it('never matches a word across two cards, even one typed with U+0000', () => {
		const pair = [card('a', 'xab', 'x', 'x'), card('b', 'cdx', 'x', 'x')];
		expect(ids(search(pair, 'abcd'))).toEqual([]);
		expect(ids(search(pair, 'ab\0cd'))).toEqual([]);
		expect(ids(search(pair, 'ab\0'))).toEqual(['a']);
	});

	it('shows every card for an empty query, and tolerates rows with missing fields', () => {
		const odd = { card: { id: 'odd', front: 42, back: null }, progress: null } as unknown as SearchCard;
		expect(ids(search([...cards, odd], '  '))).toEqual(['pod', 'canary', 'rev', 'blue', 'odd']);
	});

	it('shows the first `limit` matches and counts them all', () => {
		const many = Array.from({ length: 30 }, (_, i) => card(`c${i}`, `Key ${i}`, 'value'));
		const result = search(many, 'key', 'all', 10);
		expect(result.total).toBe(30);
		expect(ids(result)).toEqual(many.slice(0, 10).map((c) => c.card.id));
	});
});

describe('state filters (Anki is:new, is:learn, is:due, is:suspended, is:buried, is:leech)', () => {
	const cards = [
		card('new', 'a new card', 'x'),
		card('started-new', 'a new card with a row', 'x', undefined, { state: NEW, reps: 0 }),
		card('learning-now', 'learning due now', 'x', undefined, { state: LEARNING, due: NOW - 60_000 }),
		card('learning-later', 'learning due later', 'x', undefined, { state: LEARNING, due: NOW + HOUR }),
		card('relearning', 'relearning', 'x', undefined, { state: RELEARNING, due: NOW - 1 }),
		card('review-today', 'review due today', 'x', undefined, { state: REVIEW, due: NOW + 10 * HOUR }),
		card('review-tomorrow', 'review due tomorrow', 'x', undefined, { state: REVIEW, due: NOW + 20 * HOUR }),
		card('suspended', 'suspended review due', 'x', undefined, { state: REVIEW, due: NOW - HOUR, suspended: 1 }),
		card('suspended-new', 'suspended new', 'x', undefined, { state: NEW, reps: 0, suspended: 1 }),
		card('buried', 'buried review due', 'x', undefined, { state: REVIEW, due: NOW - HOUR, buriedUntil: NOW + HOUR }),
		card('bury-over', 'burial over', 'x', undefined, { state: REVIEW, due: NOW - HOUR, buriedUntil: NOW - 1 }),
		card('leech', 'leech', 'x', undefined, { state: REVIEW, due: NOW + 99 * HOUR, lapses: LEECH_LAPSES }),
		card('suspended-leech', 'suspended leech', 'x', undefined, { state: RELEARNING, due: NOW, lapses: LEECH_LAPSES + 3, suspended: 1 })
	];
	const under = (filter: StateFilter) => ids(search(cards, '', filter));

	it('lists a suspended card only under "suspended" (and all), even when it is due or new', () => {
		for (const filter of STATE_FILTERS) {
			expect(under(filter).includes('suspended'), filter).toBe(filter === 'all' || filter === 'suspended');
			expect(under(filter).includes('suspended-new'), filter).toBe(filter === 'all' || filter === 'suspended');
		}
		expect(under('suspended')).toEqual(['suspended', 'suspended-new', 'suspended-leech']);
	});

	it('lists a buried card only under "buried" until its burial ends', () => {
		expect(under('buried')).toEqual(['buried']);
		expect(under('due')).not.toContain('buried');
		expect(under('due')).toContain('bury-over');
	});

	it('has new cards with or without a row, learning and relearning under "learning"', () => {
		expect(under('new')).toEqual(['new', 'started-new']);
		expect(under('learning')).toEqual(['learning-now', 'learning-later', 'relearning']);
	});

	it('counts as due reviews due before the day ends and learning cards due now', () => {
		expect(under('due')).toEqual(['learning-now', 'relearning', 'review-today', 'bury-over']);
	});

	it('calls a card forgotten 8 times a leech, suspended or not', () => {
		expect(under('leech')).toEqual(['leech', 'suspended-leech']);
	});

	it('counts each filter over the matching words', () => {
		const { counts, total } = search(cards, 'due', 'due');
		expect(total).toBe(2);
		expect(counts).toEqual({ all: 6, new: 0, learning: 2, due: 2, suspended: 1, buried: 1, leech: 0 });
	});

	it('follows a card whose progress changed, as after suspending it from its page', () => {
		const index = new CardSearch(cards);
		expect(ids(index.search('learning due now', 'suspended', CLOCK, 10))).toEqual([]);
		const suspended = { ...cards[2].progress!, suspended: 1 as const };
		index.update('learning-now', suspended);
		expect(ids(index.search('learning due now', 'suspended', CLOCK, 10))).toEqual(['learning-now']);
		expect(ids(index.search('learning due now', 'learning', CLOCK, 10))).toEqual([]);
		expect(matchesState(suspended, 'due', CLOCK)).toBe(false);
	});

	it('moves cards between filters as the clock moves on (a learning card falls due)', () => {
		const index = new CardSearch(cards);
		const at = (now: number) => ids(index.search('learning', 'due', searchClock(now, 4), 10));
		expect(at(NOW)).toEqual(['learning-now', 'relearning']);
		expect(at(NOW + HOUR)).toEqual(['learning-now', 'learning-later', 'relearning']);
	});
});

describe('typing a query, keystroke by keystroke', () => {
	it('gives the same results as a fresh search at every step, whatever was typed before', () => {
		const rng = mulberry32(16);
		const words = ['pod', 'Pod', '배포', '배', '단위', 'canary', 'can', 'x', '롤백', ''];
		const cards = Array.from({ length: 300 }, (_, i) => {
			const pick = () => words[Math.floor(rng() * words.length)];
			return card(`c${i}`, `${pick()} ${pick()}`, `${pick()}${pick()}`, pick());
		});
		const typing = new CardSearch(cards);
		let query = '';
		for (let step = 0; step < 400; step++) {
			const r = rng();
			// Mostly typing on, sometimes deleting, sometimes a new query.
			if (r < 0.6) query += 'pod 배포단위canry x'[Math.floor(rng() * 18)];
			else if (r < 0.9) query = query.slice(0, -1);
			else query = words[Math.floor(rng() * words.length)];
			expect(ids(typing.search(query, 'all', CLOCK, 1000)), query).toEqual(ids(search(cards, query, 'all', 1000)));
		}
	});
});
