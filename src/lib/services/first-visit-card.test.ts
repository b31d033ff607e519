import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, getCards, sessionHead, syncDecks } from '$lib/db';
import { DAY, k8sNote, logsNote, makeNote, NEXT_DAY, NOW, openTestDatabase, serve } from '$lib/db/testing';
import { DEFAULT_SETTINGS, MINUTE_MS } from '$lib/scheduler';
import { firstCardFromIndex } from './first-visit-card';

afterEach(closeDatabase);

const limits = { newLimit: DEFAULT_SETTINGS.newPerDay, reviewLimit: DEFAULT_SETTINGS.reviewsPerDay, learnAheadMs: 20 * MINUTE_MS };

describe('firstCardFromIndex', () => {
	it('is the card a session over every deck starts with once the same decks are stored', async () => {
		const empty = makeNote('empty.md', 'h0', [{ id: 'n0', cards: [] }]);
		const { fetchJson } = serve([empty, k8sNote(), logsNote()]);
		const fromIndex = await firstCardFromIndex(fetchJson);
		expect(fromIndex?.card.id).toBe('s1');
		// The context line a session shows: the deck's path below the note.
		expect(fromIndex?.context).toBe('svc');

		await openTestDatabase();
		await syncDecks(fetchJson);
		const head = await sessionHead({ now: NOW, dayStart: NEXT_DAY - DAY, nextDayStart: NEXT_DAY }, limits);
		expect(head).toEqual({ cardId: 's1', progress: null });
		expect(await getCards(['s1'])).toEqual([fromIndex?.card]);
	});

	it('gives nothing for decks without cards', async () => {
		const { fetchJson } = serve([makeNote('empty.md', 'h0', [{ id: 'n0', cards: [] }])]);
		expect(await firstCardFromIndex(fetchJson)).toBeNull();
	});
});
