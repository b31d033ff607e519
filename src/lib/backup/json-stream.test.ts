import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, ObjectStream } from './json-stream';

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
