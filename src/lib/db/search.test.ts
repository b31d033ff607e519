import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from './database';
import { setSuspended } from './progress';
import { searchContent } from './search';
import { syncDecks } from './sync';
import { k8sNote, logsNote, NOW, openTestDatabase, serve } from './testing';

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
});
afterEach(closeDatabase);

describe('searchContent', () => {
	it('reads every card in note order with its progress, and every deck', async () => {
		await setSuspended('e1', true, NOW);
		const { cards, decks } = await searchContent();
		expect(cards.map((c) => c.card.id)).toEqual(['s1', 's2', 's3', 'e1', 'e2', 'p1', 'p2', 'l0', 'l1', 'l2']);
		expect(cards.find((c) => c.card.id === 'e1')?.progress?.suspended).toBe(1);
		expect(cards.find((c) => c.card.id === 's1')?.progress).toBeNull();
		expect(decks.map((d) => d.id)).toEqual(['n1', 'svc', 'ext', 'probe', 'n2', 'logs']);
	});

	it('leaves out cards gone from the notes, whose progress stays hidden', async () => {
		await setSuspended('l2', true, NOW);
		await syncDecks(serve([k8sNote(), { ...logsNote('h3'), cards: logsNote().cards.filter((c) => c.id !== 'l2') }]).fetchJson);
		const { cards } = await searchContent();
		expect(cards.map((c) => c.card.id)).not.toContain('l2');
		expect(cards).toHaveLength(9);
	});
});
