import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NoteDecks } from '$lib/notes/types';
import { cardChanges, previewNote, SAMPLE_CARDS } from './preview';
import { readNote } from './read-note';

function compiled(text: string): NoteDecks {
	return JSON.parse(readNote('http-basics.md', new TextEncoder().encode(text)).output!.json!) as NoteDecks;
}

const original = readFileSync('tests/fixtures/notes/import/http-basics.md', 'utf8');

describe('previewNote', () => {
	it('lists each table with its deck, first row’s line, card count and a few cards front → back', () => {
		const preview = previewNote(compiled(original), null);
		expect(preview.changes).toBeNull();
		expect(preview.cardCount).toBe(13);
		expect(preview.tables.map((t) => [t.deck, t.line, t.count])).toEqual([
			['HTTP basics › Status codes', 7, 8],
			['HTTP basics › Methods', 16, 5]
		]);
		expect(preview.tables[0].sample).toHaveLength(SAMPLE_CARDS);
		expect(preview.tables[0].sample[0]).toEqual({ front: 'Code: 200', back: 'OK' });
	});
});

describe('cardChanges', () => {
	it('a re-import: an edited answer is a changed card (same id), a renamed key a new and a removed one', () => {
		const before = compiled(original).cards;
		const edited = compiled(
			original.replace('| 404 | Not Found |', '| 404 | Not Found (no such resource) |').replace('| 503 |', '| 502 |')
		);
		const changes = cardChanges(before, edited.cards);
		// The reverse card asks the edited value, yet keeps its id: ids come from the row's key.
		expect(changes.changed.map((c) => c.frontText)).toEqual(['Code: 404', 'Meaning: Not Found (no such resource) → Code']);
		expect(changes.added.map((c) => c.frontText).sort()).toEqual(['Code: 502', 'Meaning: Service Unavailable → Code']);
		expect(changes.removed.map((c) => c.frontText).sort()).toEqual(['Code: 503', 'Meaning: Service Unavailable → Code']);
	});

	it('the same note again changes nothing', () => {
		const cards = compiled(original).cards;
		expect(cardChanges(cards, compiled(original).cards)).toEqual({ added: [], changed: [], removed: [] });
	});
});
