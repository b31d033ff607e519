import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase } from './database';
import { ankiText, reviewLogCsv } from './export';
import { importProgress } from './bulk';
import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';

import { syncDecks } from './sync';
import { k8sNote, logOf, NOW, openTestDatabase, progressOf, serve } from './testing';

// These fixtures invent past states that were never stored, which recordReview refuses as
// stale; history is written directly instead.
const recordReview = (progress: CardProgress, log: ReviewLogEntry) => importProgress([progress], [log]);

beforeEach(async () => {
	await openTestDatabase();
	await syncDecks(serve([k8sNote()]).fetchJson);
});
afterEach(closeDatabase);

describe('reviewLogCsv', () => {
	it('writes every review once, oldest first, across slices that share a time', async () => {
		const times = [NOW - 5000, NOW - 3000, NOW - 3000, NOW - 3000, NOW - 1000, NOW];
		for (const [i, at] of times.entries()) {
			const p = progressOf(i % 2 ? 's1' : 'p1', { lastReview: at });
			await recordReview(p, logOf(p, null, at));
		}
		for (const slice of [1, 2, 3, 10]) {
			const lines = (await reviewLogCsv((text) => text, slice)).join('').trim().split('\r\n');
			expect(lines).toHaveLength(7);
			expect(lines.slice(1).map((line) => Date.parse(line.split(',')[2]))).toEqual(times);
			expect(lines[1]).toMatch(/^p1,n1::probe,/);
			expect(lines[2]).toMatch(/^s1,n1::svc,/);
		}
	});

	it('is a header alone without reviews', async () => {
		expect((await reviewLogCsv((text) => text)).join('')).toBe(
			'card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms\r\n'
		);
	});
});

describe('ankiText', () => {
	it('lists every card of the notes under its deck path', async () => {
		const lines = (await ankiText((text) => text)).join('').trim().split('\n');
		expect(lines.filter((line) => !line.startsWith('#'))).toHaveLength(7);
		expect(lines).toContain('<b>e1</b>\tanswer e1\tn1::svc::ext\ttabledeck::k8s\te1');
	});
});
