import type { Html } from 'mdast';
import type { Problem } from './types';

/** `<!-- tabledeck: skip | transpose | key=N | no-reverse -->`, any of them, space/comma/pipe separated. */
export interface Directives {
	skip: boolean;
	transpose: boolean;
	noReverse: boolean;
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
		else if (key && Number(key[1]) >= 1) directives.keyColumn = Number(key[1]) - 1;
		else {
			problems.push({
				file,
				line,
				column,
				message: `unknown tabledeck directive "${word}" (expected skip, transpose, key=N or no-reverse)`
			});
		}
	}
	return { directives, problems };
}
