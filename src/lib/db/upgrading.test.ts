/**
 * upgradingData() while the upgrades that move stored rows run: the page says "upgrading your
 * data, keep this tab open" instead of "reload", which would start the upgrade over. The moves
 * are observed from inside, through the real upgrade functions wrapped by a mock that records
 * the flag as each begins and ends; a frozen fixture of schema 5 or 6 gives them rows to move.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARD_TABLES, cardsById } from './card-store';
import { closeDatabase, read, upgradingData } from './database';
import { fixture, released } from './fixtures.testing';
import { openTestDatabase, storedRatingCount } from './testing';

const seen = vi.hoisted(() => ({ cards: [] as boolean[], log: [] as boolean[], failLog: false }));

vi.mock('./card-pages-upgrade', async (original) => {
	const real = await original<typeof import('./card-pages-upgrade')>();
	return {
		...real,
		packStoredCards: async (...args: Parameters<typeof real.packStoredCards>) => {
			seen.cards.push(upgradingData());
			await real.packStoredCards(...args);
			seen.cards.push(upgradingData());
		}
	};
});

vi.mock('./log-pages-upgrade', async (original) => {
	const real = await original<typeof import('./log-pages-upgrade')>();
	return {
		...real,
		packStoredLog: async (...args: Parameters<typeof real.packStoredLog>) => {
			seen.log.push(upgradingData());
			await real.packStoredLog(...args);
			seen.log.push(upgradingData());
			if (seen.failLog) throw new Error('the log upgrade failed');
		}
	};
});

beforeEach(() => {
	seen.cards = [];
	seen.log = [];
	seen.failLog = false;
});
afterEach(closeDatabase);

describe('upgradingData', () => {
	it('is true while version 7 moves the log of a version 6 database, and false once it has opened', async () => {
		const v6 = fixture('v6.json');
		expect(v6.tables.reviewLog.length).toBeGreaterThan(0);
		const factory = await released(v6);
		expect(upgradingData()).toBe(false);
		await openTestDatabase(factory);
		expect(seen.log).toEqual([true, true]);
		expect(seen.cards).toEqual([]);
		expect(upgradingData()).toBe(false);
		expect(await storedRatingCount()).toBe(v6.tables.reviewLog.length);
	});

	it('is true while version 6 packs the cards of a version 5 database, and again while version 7 moves its log', async () => {
		const v5 = fixture('v5.json');
		const factory = await released(v5);
		await openTestDatabase(factory);
		expect(seen.cards).toEqual([true, true]);
		expect(seen.log).toEqual([true, true]);
		expect(upgradingData()).toBe(false);
		const ids = v5.tables.cards.map((card) => card.id as string);
		const cards = await read(CARD_TABLES, (db) => cardsById(db, ids));
		expect(cards.filter(Boolean)).toHaveLength(ids.length);
	});

	it('is false again after an upgrade that throws, and the next open moves the log', async () => {
		const v6 = fixture('v6.json');
		const factory = await released(v6);
		seen.failLog = true;
		await expect(openTestDatabase(factory)).rejects.toThrow();
		expect(seen.log).toEqual([true, true]);
		expect(upgradingData()).toBe(false);

		seen.failLog = false;
		await openTestDatabase(factory);
		expect(upgradingData()).toBe(false);
		expect(await storedRatingCount()).toBe(v6.tables.reviewLog.length);
	});
});
