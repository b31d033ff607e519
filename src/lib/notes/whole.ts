/**
 * Questions about a table as a whole, the kind interviews ask: "RED 메트릭 3가지?" (the keys of a
 * small table) and "log levels in order?" (keys that form an ordered scale). A row's cards ask
 * what one row says; these ask what the table says by its rows together.
 */
import { escapeHtml, type CellContent } from './cell';
import { stableId } from './ids';
import { MAX_LIST } from './lists';
import { highestCards } from './ratings';
import type { KeyedTable } from './shape';
import type { Card, CardKind } from './types';
import { hangul, isBareSymbol, isPlaceholder, yesRows } from './values';

/** Fewer keys than this are a pair, not a list worth recalling. */
export const MIN_WHOLE = 3;

export interface WholeContext {
	file: string;
	deckId: string;
	tableId: string;
	line: number;
	/** What the question names the table by (build.ts subjectOf); may be empty. */
	subject: string;
	/** The deck's own title, as the heading says it. */
	title: string;
	/** `<!-- tabledeck: ordered | list | no-whole -->`. */
	ordered: boolean;
	list: boolean;
	noWhole: boolean;
}

// Scales whose order people are asked about, lowest first; a key matches a step by its words
// (`WARN`, `Warning`, `⚠️ 경고`). Each step lists its spellings.
const SCALES: string[][][] = [
	// Log levels (syslog, log4j, Python, Go, Spring).
	[
		['trace', 'finest'],
		['debug', 'fine', '디버그'],
		['info', 'information', 'notice', '정보'],
		['warn', 'warning', '경고'],
		['error', 'err', '에러', '오류'],
		['critical', 'crit', 'fatal', 'alert', 'emergency', 'emerg', 'panic', '치명', '심각']
	],
	// Severity and priority words.
	[
		['lowest', '매우 낮음'],
		['low', 'minor', '낮음', '하'],
		['medium', 'moderate', 'normal', 'major', '중간', '보통', '중'],
		['high', 'severe', '높음', '상'],
		['highest', 'critical', 'urgent', 'blocker', '긴급', '치명', '매우 높음']
	],
	// Sizes.
	[
		['xs', 'extra small'],
		['s', 'small', '소'],
		['m', 'medium', '중'],
		['l', 'large', '대'],
		['xl', 'extra large']
	]
];

function words(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The keys' steps on one known scale, or null when any key is on none of them. */
function stepsOn(scale: string[][], keys: readonly string[]): number[] | null {
	const steps: number[] = [];
	for (const key of keys) {
		const text = words(key);
		const step = scale.findIndex((spellings) => spellings.includes(text));
		if (step < 0) return null;
		steps.push(step);
	}
	return steps;
}

const strictly = (steps: number[]) =>
	steps.every((step, i) => i === 0 || step > steps[i - 1]) || steps.every((step, i) => i === 0 || step < steps[i - 1]);

/** `L1 … L7`, `P0 … P3`, `Level 1 …`, `1단계 …`: one number each, rising or falling by one. */
function numbered(keys: readonly string[]): boolean {
	if (keys.length < MIN_WHOLE) return false;
	const numbers = keys.map((key) => {
		const found = key.match(/\d+/g);
		return found?.length === 1 && key.replace(/\d+/, '#') === keys[0].replace(/\d+/, '#') ? Number(found[0]) : NaN;
	});
	if (numbers.some(Number.isNaN)) return false;
	const step = numbers[1] - numbers[0];
	return Math.abs(step) === 1 && numbers.every((n, i) => i === 0 || n - numbers[i - 1] === step);
}

/** Why the keys are in a meaningful order, or null. */
export function orderOf(keys: readonly string[]): string | null {
	if (keys.length < MIN_WHOLE) return null;
	for (const scale of SCALES) {
		const steps = stepsOn(scale, keys);
		if (steps && strictly(steps)) return 'keys are steps of a known scale (levels, severities, sizes)';
	}
	return null;
}

// Headings whose rows are picks from an open set: examples, cases, pitfalls, mistakes, "the
// main ones" (`주요 CSI 드라이버`, `대표적인 도구`), considerations and reasons the author chose,
// and a summary's arrangement of what came before.
const OPEN_SET =
	/(예시|예제|사례|함정|실수|안티 ?패턴|주요|대표|대안|유명한|인기|일반적인|고려사항|필요성|조합|요약|정리|examples?|pitfalls?|mistakes?|anti-?patterns?|gotchas?|popular|common|notable|main|major|some|well-known|considerations|summary|alternatives?)/i;
// A key column of things of which there are always more than a note lists: tools, plugins, drivers.
const OPEN_KINDS =
	/^(도구|툴|플러그인|드라이버|구현체|구현|컨트롤러|라이브러리|프레임워크|솔루션|제품|벤더|서비스|카테고리|(?:베이스 |base )?이미지|(?:base )?images?|cni|csi|operator|converter|starter|tools?|plugins?|drivers?|implementations?|librar(?:y|ies)|frameworks?|products?|vendors?|providers?|solutions?)$/i;

// A key column of cases or conditions (`상황`, `When`): its list is no knowledge of its own.
const CASES =
	/^(상황|경우|조건|시나리오|케이스|문제|증상|when|case|cases|condition|conditions|scenario|scenarios|situation|situations|symptom|symptoms|problem|if)$/i;

/** The same words the subject and key column would be asked in, by the table's language. */
function question(kind: CardKind, ctx: WholeContext, table: KeyedTable, n: number, first: string, korean: boolean): string {
	const name = table.keyName && !/^#\d+$/.test(table.keyName) ? table.keyName : '';
	const lead = ctx.subject ? `${ctx.subject}: ` : '';
	if (kind === 'order') {
		const what = name ? `${name} ` : '';
		return korean ? `${lead}${what}순서 (${first} → …)?` : `${lead}${what}in order (${first} → …)?`;
	}
	return korean ? `${lead}${name ? `${name} ` : ''}${n}가지?` : `${lead}${name ? `${name} ` : ''}(all ${n})?`;
}

/**
 * `| 상황 | Ingress 선택 | LB 선택 |` with `O`/`X` cells: per marked column, the rows marked
 * yes as one list (`…: Ingress 선택 O → 상황` → `HTTP/HTTPS 서비스, 비용 최적화`), instead of a
 * yes/no question per row (cards.ts leaves those out).
 */
export function markedRowCards(table: KeyedTable, ctx: WholeContext): Card[] {
	if (table.transposed || ctx.noWhole) return [];
	const cards: Card[] = [];
	table.attributes.forEach((attribute, i) => {
		const marked = yesRows(table.entries.map((entry) => entry.values[i].text));
		if (!marked || marked.yes.length > MAX_LIST) return;
		const keys = marked.yes.map((row) => table.entries[row].key).filter((key) => key.text);
		if (keys.length === 0 || keys.some((key) => key.text.includes(','))) return;
		// `멱등성 O인 메서드?`, `Verb with Idempotent Yes?` (a footnote mark `*` is no part of the name).
		const column = attribute.name.replace(/[*†‡]+$/, '').trim();
		const korean = hangul(column) || hangul(table.keyName) || hangul(ctx.subject);
		const asked = korean
			? `${column} ${marked.mark}인 ${table.keyName || '것'}?`
			: `${table.keyName || 'Rows'} with ${column} ${marked.mark}?`;
		const front = `${ctx.subject ? `${ctx.subject}: ` : ''}${asked}`;
		cards.push({
			id: stableId(ctx.tableId, 'marked', attribute.name),
			deckId: ctx.deckId,
			front: escapeHtml(front),
			back: keys.map((key) => key.html).join(', '),
			frontText: front,
			backText: keys.map((key) => key.text).join(', '),
			source: { file: ctx.file, line: ctx.line },
			tableId: ctx.tableId,
			rowKey: '',
			column: attribute.name,
			direction: 'forward',
			kind: 'keys'
		});
	});
	return cards;
}

export interface WholeCards {
	cards: Card[];
	/** What was made or why not, for the build report. */
	signals: string[];
}

/**
 * The whole-table cards of a keyed table: the keys in order when they form an ordered scale
 * (or the `ordered` directive says so), else the keys as a set when the table is small (3 to 7
 * rows, or any size with `list`). None for comparisons (the things compared are the heading),
 * keys that say nothing alone (`1`, `/24`), or a subject that already names the keys
 * (`SLI / SLO / SLA`).
 */
export function wholeTableCards(table: KeyedTable, ctx: WholeContext): WholeCards {
	if (ctx.noWhole) return { cards: [], signals: ['no whole-table card: directive no-whole'] };
	const highest = highestCards(table, ctx);
	const rated = highest.length ? [`${highest.length} which-row-is-highest card(s) for rating columns`] : [];
	if (table.transposed) return { cards: highest, signals: rated };
	const marked = markedRowCards(table, ctx);
	const keysCard = keysOrOrder(table, ctx);
	const signals = marked.length ? [...keysCard.signals, `${marked.length} which-rows card(s) for yes/no columns`] : keysCard.signals;
	return { cards: [...keysCard.cards, ...marked, ...highest], signals: [...signals, ...rated] };
}

function keysOrOrder(table: KeyedTable, ctx: WholeContext): WholeCards {
	const keys: CellContent[] = [];
	const seen = new Set<string>();
	for (const entry of table.entries) {
		const text = entry.key.text;
		if (!text || isPlaceholder(text) || seen.has(text)) continue;
		seen.add(text);
		keys.push(entry.key);
	}
	const texts = keys.map((key) => key.text);
	if (keys.length < MIN_WHOLE) return { cards: [], signals: [] };
	// Each key a name, not a sentence, and one item: `w:1, j:true` in a list of commas is two.
	if (!ctx.list && texts.some((text) => [...text].length > 40 || text.includes(','))) {
		return { cards: [], signals: ['no whole-table card: keys are sentences or hold commas'] };
	}
	if (keys.length > MAX_LIST && !ctx.list) return { cards: [], signals: [`no whole-table card: more than ${MAX_LIST} rows`] };
	const heading = new Set(words(`${ctx.subject} ${ctx.title}`).split(' '));
	const named = texts.filter((text) => heading.has(words(text).split(' ')[0])).length;
	if (named * 2 >= texts.length) return { cards: [], signals: ['no whole-table card: the heading names the keys'] };
	// `Pointcut 표현식 예시`, `흔한 함정`: the note's own picks from an open set, no list to recall.
	if (!ctx.list && !ctx.ordered && OPEN_SET.test(ctx.title)) {
		return { cards: [], signals: ['no whole-table card: the heading says its rows are picks (examples, pitfalls, the main ones)'] };
	}
	if (!ctx.list && !ctx.ordered && OPEN_KINDS.test(table.keyName.trim())) {
		return { cards: [], signals: [`no whole-table card: there are always more "${table.keyName}" than a note lists`] };
	}
	const korean =
		hangul(ctx.subject) || hangul(table.keyName) || table.entries.some((entry) => entry.values.some((value) => hangul(value.text)));

	// `L1 … L7`: numbers in sequence are no question; what is asked is the first column in their order.
	if (numbered(texts)) {
		const items = table.entries.filter((entry) => entry.key.text && seen.has(entry.key.text)).map((entry) => entry.values[0]);
		const name = table.attributes[0]?.name ?? '';
		// Each a name, not a sentence: an order of paragraphs is no card.
		const unnamed = (item: CellContent | undefined) =>
			!item?.text || isPlaceholder(item.text) || isBareSymbol(item.text) || [...item.text].length > 40;
		if (items.length !== keys.length || items.some(unnamed)) {
			return { cards: [], signals: ['no whole-table card: numbered keys without a name for each'] };
		}
		const lead = ctx.subject ? `${ctx.subject}: ` : '';
		const front = korean ? `${lead}${name} 순서 (${texts[0]} → …)?` : `${lead}${name} in order (${texts[0]} → …)?`;
		return { cards: [card(ctx, 'order', front, items, table.keyName)], signals: ['order card: keys are numbered in sequence'] };
	}
	const order = ctx.ordered ? 'directive ordered' : orderOf(texts);
	if (!order && texts.some(isBareSymbol)) return { cards: [], signals: ['no whole-table card: keys say nothing alone'] };
	// `| 상황 | 선택 |`: the keys are cases of a decision, not things to name.
	if (!order && !ctx.list && CASES.test(table.keyName.trim())) {
		return { cards: [], signals: [`no whole-table card: "${table.keyName}" lists cases, not things`] };
	}
	const kind: CardKind = order ? 'order' : 'keys';
	const front = question(kind, ctx, table, keys.length, texts[0], korean);
	return {
		cards: [card(ctx, kind, front, keys, table.keyName)],
		signals: [kind === 'order' ? `order card: ${order}` : `list card: ${keys.length} keys`]
	};
}

function card(ctx: WholeContext, kind: CardKind, front: string, items: CellContent[], column: string): Card {
	const joiner = kind === 'order' ? ' → ' : ', ';
	return {
		id: stableId(ctx.tableId, 'whole', kind),
		deckId: ctx.deckId,
		front: escapeHtml(front),
		back: items.map((item) => item.html).join(escapeHtml(joiner)),
		frontText: front,
		backText: items.map((item) => item.text).join(joiner),
		source: { file: ctx.file, line: ctx.line },
		tableId: ctx.tableId,
		rowKey: '',
		column,
		direction: 'forward',
		kind
	};
}
