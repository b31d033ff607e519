import { describe, expect, it } from 'vitest';
import { mulberry32, type Rng } from '$lib/quiz/rng';
import { JsonLimitError, JsonSyntaxError } from './json-errors';
import { ObjectStream } from './json-stream';

/** Feeds `text` cut into pieces of `size` characters; returns what the handler saw. */
function scan(text: string, size: number) {
	const values: Record<string, unknown> = {};
	const rows: Record<string, unknown[]> = {};
	const stream = new ObjectStream(new Set(['rows', 'more']), {
		value: (key, value) => (values[key] = value),
		elements: (key, elements) => (rows[key] ??= []).push(...elements)
	});
	for (let i = 0; i < text.length; i += size) stream.feed(text.slice(i, i + size));
	stream.end();
	return { values, rows };
}

const SAMPLE = `{ "format" : "x", "version":1, "flag": true, "nothing": null,
 "nested": {"a": [1, {"b": "c]}\\"{"}], "s": "\\u00e9"},
 "rows": [
 ["a,b", 1, [2, 3]],
 {"k": "]"},
 "plain", 4.5e3, false
 ],
 "more": [], "after": "end" }
`;

describe('ObjectStream', () => {
	it('reads the same members and rows whatever the chunk size', () => {
		const whole = JSON.parse(SAMPLE);
		for (const size of [1, 2, 3, 7, 16, 1000]) {
			const { values, rows } = scan(SAMPLE, size);
			expect(values).toEqual({
				format: 'x',
				version: 1,
				flag: true,
				nothing: null,
				nested: whole.nested,
				after: 'end'
			});
			expect(rows).toEqual({ rows: whole.rows });
		}
	});

	it('hands over an empty streamed array as no rows at all', () => {
		expect(scan('{"rows":[ ]}', 4).rows).toEqual({});
	});

	it.each([
		['not JSON at all', 'hello', /expected "\{"/],
		['a cut-off file', SAMPLE.slice(0, SAMPLE.indexOf('plain')), /ends early inside "rows"/],
		['a file cut after a row', '{"rows":[[1],\n[2],', /ends early/],
		['an empty file', '', /ends early/],
		['a trailing comma in rows', '{"rows":[1,2,]}', /missing array element|broken element/],
		['a double comma in rows', '{"rows":[1,,2]}', /broken element|missing/],
		['a trailing comma in the object', '{"a":1,}', /member name/],
		['a broken literal', '{"a":tru}', /not a JSON value/],
		['a broken row', '{"rows":[[1,2}]}', /./],
		['content after the end', '{"a":1} x', /after the end/],
		['a missing colon', '{"a" 1}', /expected ":"/]
	])('refuses %s', (_name, text, message) => {
		for (const size of [1, 5, 1000]) {
			expect(() => scan(text, size)).toThrow(JsonSyntaxError);
			expect(() => scan(text, size)).toThrow(message);
		}
	});
});

describe('ObjectStream limits', () => {
	const limits = { maxDepth: 6, maxValueChars: 1000 };
	/** Feeds chunks until the stream throws; returns the error and how many chunks it took. */
	function feedUntilRefused(chunks: Iterable<string>) {
		const stream = new ObjectStream(new Set(['rows']), { value: () => {}, elements: () => {} }, limits);
		let fed = 0;
		try {
			for (const chunk of chunks) {
				fed++;
				stream.feed(chunk);
			}
			stream.end();
		} catch (error) {
			return { error, fed };
		}
		throw new Error('accepted');
	}
	/** `head`, then `filler` for ever, in chunks of 100 characters: only a refusal ends it. */
	function* endless(head: string, filler: string) {
		yield head;
		for (;;) yield filler.repeat(100 / filler.length);
	}

	it('reads the format at its deepest', () => {
		const { rows } = scan('{"rows":[{"a":[{"b":[1]}]}]}', 3);
		expect(rows.rows).toEqual([{ a: [{ b: [1] }] }]);
	});

	it.each([
		['in a streamed row', '{"rows":[', '['],
		['in a member', '{"settings":', '['],
		['in a member, of objects', '{"settings":', '{"a":']
	])('refuses 100,000 levels of nesting %s at the first level too deep', (_name, head, open) => {
		const text = head + open.repeat(100_000);
		const { error, fed } = feedUntilRefused(text.match(/[^]{1,100}/g)!);
		expect(error).toBeInstanceOf(JsonLimitError);
		expect(String(error)).toMatch(/Nesting deeper than 6 levels at character \d+: a backup never nests that deep/);
		expect(fed).toBe(1);
	});

	it.each([
		['in a streamed row', '{"rows":["', 'x', /a value in "rows" is longer than/],
		['in a member', '{"name":"', 'x', /a value in "name" is longer than/],
		['as a member name', '{"', 'x', /a member name is longer than/],
		['of spaces in a row', '{"rows":[1,', ' ', /a value in "rows" is longer than/],
		['as a number', '{"n":1', '1', /a value in "n" is longer than/]
	])('refuses a giant string %s while it streams, before it ends', (_name, head, filler, message) => {
		const { error, fed } = feedUntilRefused(endless(head, filler));
		expect(error).toBeInstanceOf(JsonLimitError);
		expect(String(error)).toMatch(message);
		// 1000 characters are allowed: the refusal comes within the chunk that passes them.
		expect(fed).toBeLessThanOrEqual(12);
	});

	it('refuses a giant value handed over in one chunk without parsing it', () => {
		const { error } = feedUntilRefused([`{"rows":[["${'x'.repeat(5000)}"]]}`]);
		expect(String(error)).toMatch(/a value in "rows" is longer than/);
	});
});

describe("ObjectStream's fast path", () => {
	const limits = { maxDepth: 6, maxValueChars: 300 };
	const depth = (value: unknown): number =>
		Array.isArray(value)
			? 1 + Math.max(0, ...value.map(depth))
			: value && typeof value === 'object'
				? 1 + depth(Object.values(value)) - 1
				: 0;
	/** Reads `text` in chunks of `size`, with or without the fast path; gives the rows seen, or the error. */
	function read(text: string, size: number, fast: boolean): string {
		const rows: unknown[] = [];
		const stream = new ObjectStream(
			new Set(['rows']),
			{
				value: () => {},
				elements: (_key, elements) => rows.push(...elements),
				// As a handler must: refuse what the careful path would refuse (too deep, too long).
				batch: (_key, elements) => {
					if (!elements.every((e) => depth(e) <= limits.maxDepth - 2 && JSON.stringify(e).length <= 100)) return false;
					rows.push(...elements);
					return true;
				}
			},
			limits,
			new Set(fast ? ['rows'] : [])
		);
		try {
			for (let i = 0; i < text.length; i += size) stream.feed(text.slice(i, i + size));
			stream.end();
		} catch (error) {
			// A trailing comma is "missing" or "broken" by where a chunk ends, in the scanner alone
			// too; the fast path ends its batch at a comma as a chunk's end would. Same character.
			return `${(error as Error).name}: ${(error as Error).message.replace(/a missing array element|a broken element/, 'a bad element')}`;
		}
		return JSON.stringify(rows);
	}
	/** Rows as the writer lays them out, with traps: row breaks and brackets inside strings, escapes, deep or long rows, broken separators. */
	function text(rng: Rng): string {
		const pieces = [
			'1',
			'"a,\\n b"',
			'",\n"',
			'"]"',
			'"\\""',
			'"\\\\"',
			'[1,[2,[3]]]',
			'{"k":",\n]"}',
			'null',
			'[[[[[1]]]]]',
			`"${'x'.repeat(120)}"`
		];
		const rows = Array.from({ length: 1 + Math.floor(rng() * 30) }, () =>
			rng() < 0.9
				? `[${Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pieces[Math.floor(rng() * pieces.length)]).join(',')}]`
				: '"s"'
		);
		const separators = [',\n', ',\n', ',\n', ', ', ',\n\n', ',,\n', '\n'];
		let body = rows.map((row, i) => (i ? separators[Math.floor(rng() * separators.length)] : '') + row).join('');
		if (rng() < 0.1) body += ',\n';
		if (rng() < 0.05) body = body.slice(0, Math.floor(rng() * body.length));
		return `{"a":1,"rows":[\n${body}\n],\n"b":[1,\n2]}`;
	}

	it('reads what the scanner reads, or refuses with its message, on 3,000 generated texts (seeded)', () => {
		const rng = mulberry32(12);
		const differ: unknown[] = [];
		let refused = 0;
		for (let n = 0; n < 3000; n++) {
			const t = text(rng);
			const size = [7, 50, 200, 5000][n % 4];
			const careful = read(t, size, false);
			if (read(t, size, true) !== careful) differ.push({ t, size, careful, fast: read(t, size, true) });
			if (careful.includes('Error')) refused++;
		}
		expect(differ.slice(0, 3)).toEqual([]);
		expect(refused).toBeGreaterThan(300);
	});
});
