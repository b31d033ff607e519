/**
 * Reads one top-level JSON object from text that arrives in chunks, without ever holding the
 * whole text: small members are handed over whole, and the arrays named in `streamed` are
 * handed over in batches of elements as they arrive. The scanner only finds where values
 * end (brackets, strings); JSON.parse checks everything it hands over, batch by batch, so a
 * file that is not JSON fails on the first wrong character and a cut-off one at its end.
 *
 * Time and memory stay bounded whatever the text holds: nesting deeper than `maxDepth` and a
 * value (a member, or one element of a streamed array) longer than `maxValueChars` are refused
 * as soon as the scanner reaches them, before any of it is parsed or kept.
 *
 * Over 250 lines on purpose: ObjectStream is one state machine across chunk boundaries, and
 * its scanners share its cursor (mode, depth, the text pending, string and escape flags) in
 * the import's hot loop; split, they would pass that state back and forth.
 */
import { JsonLimitError, JsonSyntaxError, NO_LIMITS, type JsonLimits } from './json-errors';

export interface MemberHandler {
	/** A member that is not streamed, parsed. */
	value(key: string, value: unknown): void;
	/** Some consecutive elements of a streamed array (never an empty batch). */
	elements(key: string, elements: unknown[]): void;
	/**
	 * Elements of an array named in `fast`, parsed without the scanner: keeps them and says
	 * true only if each is one it would take from `elements` and within the limits (depth and
	 * length); false, and the stream reads the same text again the careful way.
	 */
	batch?(key: string, elements: unknown[]): boolean;
}

type Mode = 'begin' | 'key' | 'colon' | 'value' | 'scalar' | 'elements' | 'after' | 'end';

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
/** Stands for the member name while it is being read. */
const KEY = '\u0000key';
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class ObjectStream {
	private mode: Mode = 'begin';
	private key = '';
	/** Text of the value (or of the elements since the last batch) before the current chunk. */
	private pending = '';
	private depth = 0;
	private inString = false;
	private escaped = false;
	/** The value being read is a number or literal: it ends at a delimiter. */
	private primitive = false;
	/** In 'key' mode right after a comma (a '}' there is a trailing comma). */
	private afterComma = false;
	/** A batch boundary (comma) was consumed, so the next batch must hold an element. */
	private needElement = false;
	private consumed = 0;

	constructor(
		private readonly streamed: ReadonlySet<string>,
		private readonly handler: MemberHandler,
		private readonly limits: JsonLimits = NO_LIMITS,
		private readonly fast: ReadonlySet<string> = new Set()
	) {}

	feed(chunk: string): void {
		let i = 0;
		const n = chunk.length;
		while (i < n) {
			const c = chunk.charCodeAt(i);
			switch (this.mode) {
				case 'begin':
				case 'colon':
				case 'after':
				case 'end':
				case 'key':
					if (isSpace(c)) {
						i++;
					} else if (this.mode === 'key' && c === QUOTE) {
						// A member name: read like a string value, then parsed in finishScalar.
						this.key = KEY;
						this.startScalar(c);
						i = this.scanScalar(chunk, i + 1, i);
					} else {
						this.punctuation(c, i);
						i++;
					}
					continue;
				case 'value':
					if (isSpace(c)) {
						i++;
						continue;
					}
					if (c === 0x5b && this.streamed.has(this.key)) {
						this.mode = 'elements';
						this.depth = 0;
						this.pending = '';
						this.needElement = false;
						i++;
						i = this.scanElements(chunk, i);
					} else {
						this.mode = 'scalar';
						this.startScalar(c);
						i = this.scanScalar(chunk, i + 1, i);
					}
					continue;
				case 'scalar':
					i = this.scanScalar(chunk, i, i);
					continue;
				case 'elements':
					i = this.scanElements(chunk, i);
					continue;
			}
		}
		this.consumed += n;
	}

	/** Call after the last chunk: throws when the object is not complete. */
	end(): void {
		if (this.mode !== 'end') {
			const where = this.key && this.key !== KEY ? ` inside "${this.key}"` : '';
			throw new JsonSyntaxError(`The file ends early${where}: it is cut off or incomplete`);
		}
	}

	private fail(what: string, at: number): never {
		throw new JsonSyntaxError(`Not valid JSON: ${what} at character ${this.consumed + at + 1}`);
	}

	private tooDeep(at: number): never {
		throw new JsonLimitError(
			`Nesting deeper than ${this.limits.maxDepth} levels at character ${this.consumed + at + 1}: a backup never nests that deep`
		);
	}

	private checkSize(chars: number, at: number) {
		if (chars > this.limits.maxValueChars) {
			const max = this.limits.maxValueChars;
			const size = max >= 1 << 20 ? `${Math.round(max / (1 << 20))} MB` : `${max} characters`;
			const what = this.key === KEY ? 'a member name' : `a value in "${this.key}"`;
			throw new JsonLimitError(`${what} is longer than ${size} (at character ${this.consumed + at + 1}): a backup holds no value that big`);
		}
	}

	private punctuation(c: number, at: number) {
		const ch = String.fromCharCode(c);
		if (this.mode === 'begin') {
			if (c !== 0x7b) this.fail(`expected "{" but found "${ch}"`, at);
			this.mode = 'key';
			this.afterComma = false;
		} else if (this.mode === 'key') {
			if (c === 0x7d && !this.afterComma) this.mode = 'end';
			else this.fail(`expected a member name but found "${ch}"`, at);
		} else if (this.mode === 'colon') {
			if (c !== 0x3a) this.fail(`expected ":" but found "${ch}"`, at);
			this.mode = 'value';
		} else if (this.mode === 'after') {
			if (c === COMMA) {
				this.mode = 'key';
				this.afterComma = true;
			} else if (c === 0x7d) this.mode = 'end';
			else this.fail(`expected "," or "}" but found "${ch}"`, at);
		} else {
			this.fail(`unexpected "${ch}" after the end of the backup`, at);
		}
	}

	private startScalar(c: number) {
		this.mode = 'scalar';
		this.pending = '';
		this.depth = 0;
		this.escaped = false;
		this.inString = c === QUOTE;
		this.primitive = c !== QUOTE && !OPEN.has(c);
		if (OPEN.has(c)) this.depth = 1;
		if (this.depth + 1 > this.limits.maxDepth) this.tooDeep(0);
	}

	/** Reads on from `i` (the value began at `start` of this chunk, or before it). */
	private scanScalar(chunk: string, i: number, start: number): number {
		const n = chunk.length;
		for (; i < n; i++) {
			const c = chunk.charCodeAt(i);
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (c === BACKSLASH) this.escaped = true;
				else if (c === QUOTE) {
					this.inString = false;
					if (this.depth === 0) return this.finishScalar(chunk, start, i + 1);
				}
			} else if (this.primitive) {
				if (isSpace(c) || c === COMMA || CLOSE.has(c)) return this.finishScalar(chunk, start, i);
			} else if (c === QUOTE) this.inString = true;
			else if (OPEN.has(c)) {
				// The member's value is at depth 2, inside the top-level object.
				if (++this.depth + 1 > this.limits.maxDepth) this.tooDeep(i);
			} else if (CLOSE.has(c) && --this.depth === 0) return this.finishScalar(chunk, start, i + 1);
		}
		this.pending += chunk.slice(start);
		this.checkSize(this.pending.length, n - 1);
		return n;
	}

	private finishScalar(chunk: string, start: number, end: number): number {
		this.checkSize(this.pending.length + end - start, end - 1);
		const text = this.pending + chunk.slice(start, end);
		this.pending = '';
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			this.fail(`"${text.slice(0, 40)}" is not a JSON value`, end - 1);
		}
		if (this.key === KEY) {
			this.key = value as string;
			this.mode = 'colon';
		} else {
			this.handler.value(this.key, value);
			this.mode = 'after';
		}
		return end;
	}

	/**
	 * Inside a streamed array: hands over every run of complete elements. The hot loop of an
	 * import (hundreds of megabytes): plain comparisons, and strings skipped with indexOf.
	 */
	private scanElements(chunk: string, i: number): number {
		if (this.fast.has(this.key)) i = this.fastElements(chunk, i);
		const n = chunk.length;
		let from = i;
		let lastComma = -1;
		let depth = this.depth;
		// The current element's text: `carried` characters from earlier chunks, then from `start`.
		let carried = this.pending.length;
		let start = i;
		// The array is at depth 2, so its elements' own brackets begin at 3.
		const maxDepth = this.limits.maxDepth - 2;
		if (this.inString) i = this.skipString(chunk, i);
		while (i < n) {
			const c = chunk.charCodeAt(i);
			if (c === QUOTE) {
				this.inString = true;
				i = this.skipString(chunk, i + 1);
				continue;
			}
			if (c === 0x5b || c === 0x7b) {
				if (++depth > maxDepth) this.tooDeep(i);
			} else if (c === 0x5d || c === 0x7d) {
				if (depth === 0) {
					this.checkSize(carried + i - start, i);
					this.depth = 0;
					this.emit(this.pending + chunk.slice(from, i), true, i);
					this.pending = '';
					this.mode = 'after';
					return i + 1;
				}
				depth--;
			} else if (c === COMMA && depth === 0) {
				this.checkSize(carried + i - start, i);
				carried = 0;
				start = i + 1;
				lastComma = i;
			}
			i++;
		}
		this.depth = depth;
		if (lastComma >= 0) {
			this.emit(this.pending + chunk.slice(from, lastComma), false, lastComma);
			this.needElement = true;
			this.pending = '';
			from = lastComma + 1;
		}
		this.checkSize(this.pending.length + n - from, n - 1);
		this.pending += chunk.slice(from);
		return n;
	}

	/**
	 * The fast path, for files as the app writes them (a row a line): the text up to the chunk's
	 * last ",\n" goes to JSON.parse whole, unscanned. If `[` + that text + `]` parses, the text is
	 * complete elements and that comma separates two of them (a "]" closing the section would
	 * leave the parsed text unbalanced), so the scanner goes on after it with nothing pending.
	 * Anything else (no such comma, text that does not parse, a batch the handler refuses)
	 * changes nothing, and the scanner reads the chunk from `i` as it always did.
	 */
	private fastElements(chunk: string, i: number): number {
		const comma = chunk.lastIndexOf(',\n');
		if (comma < i || this.pending.length + comma - i > this.limits.maxValueChars) return i;
		let elements: unknown[];
		try {
			elements = JSON.parse(`[${this.pending}${chunk.slice(i, comma)}]`) as unknown[];
		} catch {
			return i;
		}
		if (elements.length === 0 || !this.handler.batch?.(this.key, elements)) return i;
		this.pending = '';
		this.depth = 0;
		this.inString = false;
		this.escaped = false;
		this.needElement = true;
		return comma + 1;
	}

	/** From inside a string: the index after its closing quote, or the chunk's end (still inside). */
	private skipString(chunk: string, i: number): number {
		const n = chunk.length;
		for (;;) {
			if (this.escaped) {
				this.escaped = false;
				i++;
			}
			const quote = chunk.indexOf('"', i);
			const end = quote === -1 ? n : quote;
			// A backslash before the quote escapes something: step over it and look again.
			let backslash = -1;
			for (let j = i; j < end; j++) {
				if (chunk.charCodeAt(j) === BACKSLASH) {
					backslash = j;
					break;
				}
			}
			if (backslash !== -1) {
				i = backslash + 1;
				this.escaped = true;
				if (i >= n) return n;
				continue;
			}
			if (quote === -1) return n;
			this.inString = false;
			return quote + 1;
		}
	}

	private emit(text: string, last: boolean, at: number) {
		if (text.trim() === '') {
			if (this.needElement || !last) this.fail(`a missing array element in "${this.key}"`, at);
			return;
		}
		let elements: unknown[];
		try {
			elements = JSON.parse(`[${text}]`) as unknown[];
		} catch {
			this.fail(`a broken element in "${this.key}"`, at);
		}
		this.needElement = false;
		this.handler.elements(this.key, elements);
	}
}
