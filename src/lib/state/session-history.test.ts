import { describe, expect, it } from 'vitest';
import type { ReviewLogEntry } from '$lib/scheduler/types';
import { SessionHistory, type Hidden } from './session-history';

const log = (id: string, cardId = `card-${id}`) => ({ id, cardId }) as ReviewLogEntry;
const hidden = (cardId: string, how: Hidden['how'] = 'bury'): Hidden => ({ cardId, how, front: cardId });

describe('SessionHistory', () => {
	it('knows its own latest stored rating from one another tab wrote', () => {
		const history = new SessionHistory('before');
		expect(history.isOwnHead('before')).toBe(true);
		history.rated(log('r1'));
		expect(history.isOwnHead('r1')).toBe(true);
		expect(history.isOwnHead('before')).toBe(false);
		expect(history.isOwnHead('elsewhere')).toBe(false);
		history.dropRating();
		expect(history.isOwnHead('before')).toBe(true);
	});

	it('takes back in the order done: a hide after ratings first, then the ratings', () => {
		const history = new SessionHistory(null);
		history.rated(log('r1'));
		history.hid(hidden('a', 'suspend'));
		expect(history.hideToUndo()).toEqual(hidden('a', 'suspend'));
		history.dropHide();
		expect(history.hideToUndo()).toBeNull();
		expect(history.isLatestRating('r1')).toBe(true);
	});

	it('takes back a rating given after a hide before the hide', () => {
		const history = new SessionHistory(null);
		history.hid(hidden('a'));
		history.rated(log('r1'));
		expect(history.hideToUndo()).toBeNull();
		history.dropRating();
		expect(history.hideToUndo()).toEqual(hidden('a'));
	});

	it('names only the session latest rating as its own', () => {
		const history = new SessionHistory(null);
		expect(history.isLatestRating('r1')).toBe(false);
		history.rated(log('r1'));
		history.rated(log('r2'));
		expect(history.isLatestRating('r1')).toBe(false);
		expect(history.isLatestRating('r2')).toBe(true);
	});

	it('lists the cards hidden so far, undone hides left out', () => {
		const history = new SessionHistory(null);
		history.hid(hidden('a'));
		history.hid(hidden('b', 'suspend'));
		expect(history.hiddenIds()).toEqual(new Set(['a', 'b']));
		history.dropHide();
		expect(history.hiddenIds()).toEqual(new Set(['a']));
	});
});
