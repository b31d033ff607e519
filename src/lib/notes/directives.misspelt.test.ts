import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNote } from './build';
import { FIXTURES } from './testing';

const file = 'directives.md';
const bytes = readFileSync(join(FIXTURES, 'misspelt', file));

describe('a misspelt directive', () => {
	const { decks, warnings } = compileNote({ file, bytes });

	it('is warned about at file:line with the spelling it probably meant', () => {
		expect(warnings.map((w) => [w.line, w.message])).toEqual([
			[3, 'comment is not a tabledeck directive and is ignored; did you mean <!-- tabledeck: skip -->?'],
			[8, 'comment is not a tabledeck directive and is ignored; did you mean <!-- tabledeck: skip -->?']
		]);
		expect(warnings.every((w) => w.file === file && w.column === 1)).toBe(true);
	});

	it('changes no cards: a misspelt directive is still ignored, a differently cased one still works', () => {
		const keys = decks!.cards.map((card) => card.rowKey);
		expect(new Set(keys)).toEqual(new Set(['Pod', 'Node', 'Ingress']));
	});
});
