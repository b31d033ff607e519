/**
 * Rating grids: `| 방식 | 격리 수준 | 확장성 |` with `낮음/중간/높음` in every cell, `Some/Many/Most`,
 * `★★★`, `상/중/하`. "필드 · 확장성 → 높음" has one answer only by accident of the table; what the
 * grid says is which row is highest on a column. Such columns make no row cards, and at most
 * one "highest" card each, when their words are steps of a known scale with one row on top.
 */
import { escapeHtml } from './cell';
import { stableId } from './ids';
import type { KeyedTable } from './shape';
import type { Card } from './types';
import { hangul, isPlaceholder, isRating } from './values';
import type { WholeContext } from './whole';

// Steps of a scale, lowest first; each step lists its spellings. The last entry is how a
// question says "the highest" on that scale, in Korean (the adnominal: 높음 → 높은).
const SCALES: { steps: string[][]; top: string }[] = [
	{ steps: [['매우 낮음'], ['낮음', '하', 'low'], ['중간', '보통', '중', 'medium'], ['높음', '상', 'high'], ['매우 높음']], top: '높은' },
	{ steps: [['매우 느림'], ['느림', 'slow'], ['보통', '중간'], ['빠름', 'fast'], ['매우 빠름']], top: '빠른' },
	{
		steps: [
			['적음', 'few', 'some'],
			['보통', '중간', 'many'],
			['많음', 'most']
		],
		top: '많은'
	},
	{
		steps: [
			['작음', 'small'],
			['중간', '보통', 'medium'],
			['큼', 'large']
		],
		top: '큰'
	},
	{
		steps: [
			['나쁨', 'bad', 'poor'],
			['보통', '중간'],
			['좋음', 'good']
		],
		top: '좋은'
	},
	{
		steps: [
			['쉬움', 'easy'],
			['보통', '중간'],
			['어려움', 'hard']
		],
		top: '어려운'
	},
	{
		steps: [
			['약함', 'weak'],
			['보통', '중간'],
			['강함', 'strong']
		],
		top: '강한'
	},
	{
		steps: [
			['단순', '단순함', 'simple'],
			['보통', '중간'],
			['복잡', '복잡함', 'complex']
		],
		top: '복잡한'
	}
];
// Stars and dots: a scale of their own.
const MARKS = /^(?:[★☆]+|[●◐○]+)$/;
// `매우 어려움`, `상대적으로 쉬움`: a degree before a step is the same step to rank by.
const DEGREE = /^(?:더|덜|매우|아주|조금|약간|상대적으로|비교적|very|quite|relatively)\s+/;

const word = (text: string) => text.trim().toLowerCase();

/** The step of a cell on a scale: as written (`매우 높음`), else without its degree word; -1 if none. */
function stepOn(scale: (typeof SCALES)[number], text: string): number {
	const at = (spelling: string) => scale.steps.findIndex((spellings) => spellings.includes(spelling));
	const step = at(text);
	return step >= 0 ? step : at(text.replace(DEGREE, ''));
}

/**
 * A cell from a small enumerated scale: `높음`, `Some`, `★★☆`, `상`. Yes/no (`가능`, `있음`)
 * is not one: "Filter · Bean 접근 → 가능" is a fact about one row.
 */
export function isScaleValue(text: string): boolean {
	const step = word(text);
	return MARKS.test(step) || (isRating(text) && SCALES.some((scale) => stepOn(scale, step) >= 0));
}

/**
 * The attribute indexes whose every value is a step of a scale, when the table is a grid of
 * them: a comparison, or two such columns (`| 항목 | 조건 | 심각도 |` keeps its one 심각도).
 */
export function ratingColumns(table: KeyedTable): Set<number> {
	const columns = new Set<number>();
	table.attributes.forEach((_, i) => {
		// One pass, stopping at the first value that is no step: most columns stop at their first row.
		let given = 0;
		let first = '';
		let varied = false;
		for (const entry of table.entries) {
			const text = entry.values[i]?.text ?? '';
			if (!text || isPlaceholder(text)) continue;
			if (!isScaleValue(text)) return;
			given++;
			if (given === 1) first = word(text);
			else varied ||= word(text) !== first;
		}
		if (given >= 2 && varied) columns.add(i);
	});
	return table.transposed || columns.size >= 2 ? columns : new Set();
}

/** The row on top of a rating column, and how a question says "highest", or null when none is clear. */
export function topOf(table: KeyedTable, index: number): { row: number; top: string } | null {
	const texts = table.entries.map((entry) => {
		const text = entry.values[index]?.text ?? '';
		return entry.key.text && !isPlaceholder(text) ? word(text) : '';
	});
	if (texts.some((text) => MARKS.test(text))) {
		const stars = texts.map((text) => [...text].filter((c) => c === '★' || c === '●').length);
		const best = Math.max(...stars);
		const rows = stars.flatMap((n, row) => (n === best ? [row] : []));
		return rows.length === 1 ? { row: rows[0], top: '높은' } : null;
	}
	for (const scale of SCALES) {
		const steps = texts.map((text) => (text ? stepOn(scale, text) : -2));
		if (steps.some((step) => step === -1)) continue;
		const best = Math.max(...steps);
		const rows = steps.flatMap((step, row) => (step === best ? [row] : []));
		if (rows.length === 1 && steps.filter((step) => step >= 0).length >= 2) return { row: rows[0], top: scale.top };
	}
	return null;
}

/**
 * `| 방식 | 격리 수준 | 확장성 |` rated `낮음/중간/높음`: per rating column (ratings.ts), the row on
 * top, asked in Korean as the scale says it ("격리 수준: 가장 높은 방식?", "속도: 더 빠른 쪽 (L1 /
 * L2)?"). Only for a Korean table: the question is Korean words around the note's own.
 */
export function highestCards(table: KeyedTable, ctx: WholeContext): Card[] {
	const korean = hangul(table.keyName) || table.attributes.some((a) => hangul(a.name)) || hangul(ctx.title);
	if (!korean) return [];
	const cards: Card[] = [];
	for (const i of ratingColumns(table)) {
		const attribute = table.attributes[i].name;
		const found = topOf(table, i);
		if (!found || [...attribute].length > 30 || /^#\d+$/.test(attribute)) continue;
		const key = table.entries[found.row].key;
		if (!key.text) continue;
		// The rows rated: a comparison names them as the choices (`프로세스 / 스레드`).
		const rated = table.entries.filter((entry) => entry.key.text && entry.values[i].text && !isPlaceholder(entry.values[i].text));
		const keyName = table.transposed ? rated.map((entry) => entry.key.text).join(' / ') : table.keyName;
		const name = keyName && !/^#\d+$/.test(keyName) ? keyName : '';
		const which =
			rated.length === 2 || table.transposed || !name
				? `${rated.length === 2 ? '더' : '가장'} ${found.top} 쪽${name ? ` (${name})` : ''}`
				: `가장 ${found.top} ${name}`;
		const front = `${ctx.subject ? `${ctx.subject} › ` : ''}${attribute}: ${which}?`;
		cards.push({
			id: stableId(ctx.tableId, 'highest', attribute),
			deckId: ctx.deckId,
			front: escapeHtml(front),
			back: key.html,
			frontText: front,
			backText: key.text,
			source: { file: ctx.file, line: ctx.line },
			tableId: ctx.tableId,
			rowKey: '',
			column: attribute,
			direction: 'forward',
			kind: 'keys'
		});
	}
	return cards;
}
