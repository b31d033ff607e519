import type { Html } from 'mdast';
import type { Problem } from './types';

/**
 * `<!-- tabledeck: skip | transpose | key=N | no-reverse | ordered | list | no-whole -->`, any of
 * them, space/comma/pipe separated.
 */
export interface Directives {
	skip: boolean;
	transpose: boolean;
	noReverse: boolean;
	/** The rows are in a meaningful order: ask it (whole.ts). */
	ordered?: boolean;
	/** Ask the keys as one list even when the table is longer than a list card holds. */
	list?: boolean;
	/** No card about the table as a whole. */
	noWhole?: boolean;
	/** 0-based index of the key column, from the 1-based `key=N`. */
	keyColumn: number | null;
}

const DIRECTIVE = /^<!--\s*tabledeck\s*:([\s\S]*?)-->\s*$/i;

export function isDirectiveComment(node: { type: string; value?: string }): node is Html {
	return node.type === 'html' && DIRECTIVE.test(node.value ?? '');
}

export function parseDirectives(file: string, node: Html): { directives: Directives; problems: Problem[] } {
	const directives: Directives = { skip: false, transpose: false, noReverse: false, keyColumn: null };
	const problems: Problem[] = [];
	const body = DIRECTIVE.exec(node.value)?.[1] ?? '';
	const line = node.position?.start.line ?? 1;
	const column = node.position?.start.column ?? 1;
	for (const word of body.split(/[\s,|]+/).filter(Boolean)) {
		const token = word.toLowerCase();
		const key = /^key=(\d+)$/.exec(token);
		if (token === 'skip') directives.skip = true;
		else if (token === 'transpose') directives.transpose = true;
		else if (token === 'no-reverse') directives.noReverse = true;
		else if (token === 'ordered') directives.ordered = true;
		else if (token === 'list') directives.list = true;
		else if (token === 'no-whole') directives.noWhole = true;
		else if (key && Number(key[1]) >= 1) directives.keyColumn = Number(key[1]) - 1;
		else {
			problems.push({
				file,
				line,
				column,
				message: `unknown tabledeck directive "${word}" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)`
			});
		}
	}
	return { directives, problems };
}

const NEAR_DIRECTIVE = /^<!--\s*([A-Za-z][\w-]*)\s*(:?)([\s\S]*?)-->\s*$/;

/**
 * The spelling a comment probably meant when it looks like a directive but is not one
 * (`tabeldeck: skip`, `tabledeck skip`), or null. Such a comment would otherwise be ignored
 * in silence, and the table it was for would quietly make cards.
 */
export function misspeltDirective(node: { type: string; value?: string }): string | null {
	if (node.type !== 'html' || isDirectiveComment(node)) return null;
	const match = NEAR_DIRECTIVE.exec(node.value ?? '');
	if (!match) return null;
	const [, word, colon, rest] = match;
	const distance = editDistance(word.toLowerCase(), 'tabledeck');
	if (distance > 2 || (distance === 0 && colon)) return null;
	return `<!-- tabledeck: ${rest.trim()} -->`;
}

/** Optimal string alignment distance: edits, counting a swap of two neighbours as one (`tabeldeck`). */
function editDistance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}
	return d[a.length][b.length];
}
