import { describe, expect, it } from 'vitest';
import { messageOf } from './errors';

describe('messageOf', () => {
	it("gives an Error's message, subclasses included", () => {
		expect(messageOf(new Error('disk full'))).toBe('disk full');
		expect(messageOf(new RangeError('bad step'))).toBe('bad step');
	});

	it('gives anything else thrown as text', () => {
		expect(messageOf('plain')).toBe('plain');
		expect(messageOf(42)).toBe('42');
		expect(messageOf(undefined)).toBe('undefined');
		expect(messageOf({ message: 'not an Error' })).toBe('[object Object]');
	});
});
