import type { Problem } from './types';

/**
 * Real notes nest a handful of levels. Deeper nesting is refused before parsing: micromark's
 * time grew with the cube of list depth (500 indented levels took over a minute; the parser
 * before issue #17) and the tree walks recurse once per level (3,000 levels overflowed the stack).
 */
export const MAX_NESTING = 100;

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The first place where blockquotes and lists may nest deeper than `max`, or null. A scan of
 * line prefixes, not a parse, so it errs towards counting more: `>` markers and list markers
 * at a line's start each count one, and list items opened on earlier lines count while later
 * items stay indented past them (a list can only nest deeper by indenting further).
 */
export function nestingProblem(file: string, text: string, max = MAX_NESTING): Problem | null {
	const open: number[] = []; // content columns of list items that may still be open
	let lineNo = 0;
	for (const line of text.split(/\r\n|\r|\n/)) {
		lineNo++;
		let pos = 0;
		let col = 0;
		let quotes = 0;
		let first = true;
		for (;;) {
			while (line[pos] === ' ' || line[pos] === '\t') col = line[pos++] === '\t' ? col + 4 - (col % 4) : col + 1;
			const start = pos;
			const rest = line.slice(pos, pos + 12);
			if (line[pos] === '>') {
				quotes++;
				pos++;
				col++;
			} else if (LIST_MARKER.test(rest) && !THEMATIC_BREAK.test(line.slice(pos))) {
				// The first list marker on a line closes the items it is not indented into.
				if (first) while (open.length && open[open.length - 1] > col) open.pop();
				first = false;
				const width = LIST_MARKER.exec(rest)![0].length;
				pos += width;
				col += width;
				open.push(col + 1);
			} else break;
			if (quotes + open.length > max) return { file, line: lineNo, column: start + 1, message: `nesting deeper than ${max}` };
		}
	}
	return null;
}
