import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNote, compileNotes, formatProblem, type NoteSource } from './build';
import { brief, cardsIn, compileText, decksOf, FIXTURES, source } from './testing';
import { DECK_SCHEMA, type DeckIndex, type NoteDecks } from './types';
import { buildQuiz } from '../quiz/build-quiz';
import { QuizIndex } from '../quiz/quiz-index';
import { mulberry32 } from '../quiz/rng';
import type { QuizSetup } from '../quiz/types';

const fixture = (name: string): NoteSource => ({ file: name, bytes: readFileSync(join(FIXTURES, 'valid', name)) });
const paths = (note: NoteDecks) => note.decks.map((d) => [d.path.join(' › '), d.cardCount]);

describe('compileNote: the deck tree', () => {
	const compiled = compileNote(fixture('shapes.md'));
	const note = compiled.decks!;

	it('nests note → ## section → ### table → bold label, titled by their text', () => {
		expect(paths(note)).toEqual([
			['캐시 노트', 46],
			['캐시 노트 › 캐시 전략', 17],
			['캐시 노트 › 캐시 전략 › 용어', 9],
			['캐시 노트 › 캐시 전략 › 용어 › 만료 정책', 4],
			['캐시 노트 › 캐시 전략 › 용어 › Eviction', 1],
			['캐시 노트 › Redis vs Memcached', 5],
			['캐시 노트 › 저장소', 16],
			['캐시 노트 › 알림', 4],
			['캐시 노트 › 알림 › 주요 알림 항목', 4]
		]);
	});

	it('puts a table above every section in the note deck, and one right under a ## in the section deck', () => {
		expect(cardsIn(note).map((c) => c.rowKey)).toEqual(['TTL', 'TTL', 'RPS', 'RPS']);
		expect(new Set(cardsIn(note, '캐시 전략').map((c) => c.rowKey))).toEqual(new Set(['Cache-Aside', 'Write-Through']));
	});

	it('makes a deck of a bold label line, and applies a directive written above the label', () => {
		expect(brief(cardsIn(note, '캐시 전략', '용어', '만료 정책'))).toEqual([
			['forward', '설명', 'LRU', '가장 오래 안 쓴 것부터'],
			['reverse', '설명', '설명: 가장 오래 안 쓴 것부터 → 정책', 'LRU'],
			['forward', '설명', 'LFU', '가장 적게 쓴 것부터'],
			['reverse', '설명', '설명: 가장 적게 쓴 것부터 → 정책', 'LFU']
		]);
		expect(brief(cardsIn(note, '캐시 전략', '용어', 'Eviction'))).toEqual([['forward', 'meaning', 'FIFO', 'first in, first out']]);
	});

	it('applies key=N, transpose and skip, and keys a category table by its unique column with a warning', () => {
		const store = cardsIn(note, '저장소');
		expect(store.filter((c) => c.rowKey === 'HTTP').map((c) => [c.direction, c.frontText, c.backText])).toEqual([
			['forward', 'HTTP · 포트', '80'],
			['forward', 'HTTP · 용도', '웹']
		]);
		expect(store.filter((c) => c.rowKey === '개발').map((c) => [c.direction, c.frontText, c.backText])).toEqual([
			['forward', '개발 · 로그 레벨', 'DEBUG'],
			['reverse', '로그 레벨: DEBUG → 개발 / 운영', '개발']
		]);
		expect(brief(store.filter((c) => c.rowKey === 'Redis'))).toEqual([
			// `분류` groups the rows: a category is not asked row by row, and the next column is reversed.
			['forward', '특징', 'Redis · 특징', '인메모리'],
			['reverse', '특징', '특징: 인메모리 → 제품', 'Redis']
		]);
		expect(store.some((c) => c.frontText.includes('할 일'))).toBe(false);
		expect(compiled.warnings.map(formatProblem)).toEqual(['shapes.md:49:1: "분류" groups rows, so column 2 "제품" is the key']);
	});

	it('gives duplicate heading paths distinct decks with the same titles', () => {
		const dup = decksOf('# N\n\n## A\n\n### B\n\n| k | v |\n|---|---|\n| x | 1 |\n\n## A\n\n### B\n\n| k | v |\n|---|---|\n| x | 1 |\n');
		expect(paths(dup)).toEqual([
			['N', 2],
			['N › A', 1],
			['N › A › B', 1],
			['N › A', 1],
			['N › A › B', 1]
		]);
		expect(new Set(dup.decks.map((d) => d.id)).size).toBe(5);
		expect(new Set(dup.cards.map((c) => c.id)).size).toBe(2);
	});

	it('names a note with no # title after its file', () => {
		expect(decksOf('| k | v |\n|---|---|\n| a | b |\n', 'study/쿠버네티스.md').decks[0].title).toBe('쿠버네티스');
	});

	it('counts and hashes each deck over itself and every deck below it', () => {
		for (const deck of note.decks) {
			const below = note.decks.filter((d) => d.path.length > deck.path.length && deck.path.every((t, i) => d.path[i] === t));
			const own = note.cards.filter((c) => c.deckId === deck.id).length;
			expect(deck.cardCount).toBe(own + below.filter((d) => d.parentId === deck.id).reduce((n, d) => n + d.cardCount, 0));
		}
		const text = readFileSync(join(FIXTURES, 'valid', 'shapes.md'), 'utf8');
		const edited = decksOf(text.replace('| LFU | 가장 적게 쓴 것부터 |', '| LFU | 덜 쓴 것부터 |'), 'shapes.md');
		const hash = (n: NoteDecks, title: string) => n.decks.find((d) => d.title === title)!.hash;
		for (const changed of ['만료 정책', '용어', '캐시 전략', '캐시 노트']) expect(hash(edited, changed)).not.toBe(hash(note, changed));
		for (const same of ['Eviction', 'Redis vs Memcached', '저장소', '알림']) expect(hash(edited, same)).toBe(hash(note, same));
		expect(edited.hash).toBe(hash(edited, '캐시 노트'));
	});
});

describe('compileNote: awkward tables and cells', () => {
	const compiled = compileNote(fixture('robust.md'));
	const note = compiled.decks!;

	it('finds tables in <details>, lists and blockquotes', () => {
		expect(brief(cardsIn(note, 'In details'))).toEqual([
			['forward', '값', 'details', '접힌 표'],
			['reverse', '값', '값: 접힌 표 → 키', 'details']
		]);
		expect(cardsIn(note, 'In a list').map((c) => c.frontText)).toEqual(['list', '값: 목록 속 → 키']);
		expect(cardsIn(note, 'In a quote').map((c) => c.frontText)).toEqual(['quote', '값: 인용 속 → 키']);
	});

	it('keeps escaped pipes, <br>, generics, $ and links; drops empty sides and cells past the header', () => {
		const forward = cardsIn(note, 'Cells').filter((c) => c.direction === 'forward');
		expect(forward.map((c) => [c.frontText, c.backText])).toEqual([
			['a | b', '코드 속 파이프'],
			['줄바꿈', '첫 줄 둘째 줄'],
			['Function<T,R>', '제네릭'],
			['List<String>', '태그처럼 보임'],
			['$match', '집계 단계 { $match: { a: 1 } }'],
			['xss-img', '<img src=x onerror=alert(1)>'],
			['xss-script', '<script>alert(1)</script>'],
			['긴 행', '값'],
			['링크', '링크 텍스트']
		]);
		expect(forward.map((c) => c.front).slice(0, 3)).toEqual([
			'<code>a | b</code>',
			'줄바꿈',
			expect.stringMatching(/^Function&#x3C;T,R(>|&#x3E;)$/)
		]);
		expect(forward[1].back).toBe('첫 줄<br>둘째 줄');
		expect(forward[4].back).toBe('집계 단계 <code>{ $match: { a: 1 } }</code>');
		expect(forward[8].front).toBe('<a href="https://example.com">링크</a>');
	});

	it('shows <img onerror> and <script> in a cell as text, never as a tag', () => {
		const xss = cardsIn(note, 'Cells').filter((c) => c.rowKey.startsWith('xss'));
		expect(xss).toHaveLength(4);
		for (const card of xss) expect(`${card.front}${card.back}`).not.toMatch(/<(img|script)/);
		expect(xss.map((c) => c.back)).toContainEqual(expect.stringMatching(/^&#x3C;script(>|&#x3E;)alert\(1\)&#x3C;\/script(>|&#x3E;)$/));
	});

	it('skips a 10-column grid of numbers with a warning, and asks a 10-column word table about each column', () => {
		expect(compiled.warnings.map(formatProblem)).toEqual(['robust.md:46:1: table skipped: a grid of numbers makes no cards']);
		const planets = cardsIn(note, 'Grids');
		expect(planets.filter((c) => c.rowKey === '화성').map((c) => c.column)).toEqual([
			'순서',
			'순서',
			'위성',
			'고리',
			'대기',
			'색',
			'크기',
			'온도',
			'하루',
			'별명'
		]);
		expect(planets).toHaveLength(20);
	});
});

describe('compileNote: tables that make no sensible card', () => {
	it('skips each with a one-line warning naming file:line and the reason', () => {
		const { warnings, decks } = compileNote(fixture('skipped.md'));
		expect(warnings.map(formatProblem)).toEqual([
			'skipped.md:36:1: tabledeck directive is not right above a table; ignored',
			'skipped.md:5:1: table skipped: the table has a header only',
			'skipped.md:10:1: table skipped: a single column makes no question and answer',
			'skipped.md:16:1: table skipped: every key cell is empty',
			'skipped.md:23:1: table skipped: a grid of numbers makes no cards',
			'skipped.md:30:1: table skipped: every cell is empty',
			'skipped.md:47:1: row skipped: its key cell is empty'
		]);
		expect(paths(decks!)).toEqual([
			['건너뛰는 표', 2],
			['건너뛰는 표 › 남는 표', 2]
		]);
	});

	it('warns when no row of a table gives a card', () => {
		const { warnings, decks } = compileText('# N\n\n| k | v |\n|---|---|\n| same | same |\n');
		expect(warnings.map(formatProblem)).toEqual(['note.md:3:1: table skipped: no row gives a card']);
		expect(decks!.cards).toEqual([]);
	});
});

describe('compileNote: errors', () => {
	it('reports every problem of a note, bad bytes included, as file:line:col', () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode('# N\n\n<!-- tabledeck: nope -->\n| k | v |\n|---|---|\n| a | caf'),
			0xe9,
			...new TextEncoder().encode(' |\n| b | 2 |\n| c | 3 |\n| a | 4 |\n')
		]);
		const { problems, decks } = compileNote({ file: 'dir/n.md', bytes });
		expect(decks).toBeNull();
		expect(problems.map(formatProblem)).toEqual([
			'dir/n.md:6:10: invalid UTF-8 byte 0xE9',
			'dir/n.md:3:1: unknown tabledeck directive "nope" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'dir/n.md:9:1: duplicate key "a" in one table (first at line 6); add <!-- tabledeck: key=N --> or rename one'
		]);
	});

	it('gives no files and every problem of every note', () => {
		const broken = ['latin1.md', 'problems.md'].map((name) => ({ file: name, bytes: readFileSync(join(FIXTURES, 'broken', name)) }));
		const { files, problems } = compileNotes([fixture('shapes.md'), ...broken]);
		expect(files).toBeNull();
		expect(problems.map(formatProblem)).toEqual([
			'latin1.md:1:6: invalid UTF-8 byte 0xE9',
			'latin1.md:5:6: invalid UTF-8 byte 0xE9',
			'problems.md:3:1: unknown tabledeck directive "reverse" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'problems.md:16:1: unknown tabledeck directive "kye=2" (expected skip, transpose, key=N, no-reverse, ordered, list or no-whole)',
			'problems.md:14:1: duplicate key "하나" in one table (first at line 12); add <!-- tabledeck: key=N --> or rename one'
		]);
	});
});

describe('compileNotes: the files', () => {
	const sources = ['shapes.md', 'robust.md', 'skipped.md', 'study/nested.md'].map(fixture);
	const { files } = compileNotes(sources);

	it('writes index.json and one file per note that has cards, named by the note deck id', () => {
		const index: DeckIndex = JSON.parse(files!.get('index.json')!);
		expect(index.schema).toBe(DECK_SCHEMA);
		expect(index.notes.map((n) => n.file)).toEqual(['robust.md', 'shapes.md', 'skipped.md', 'study/nested.md']);
		expect([...files!.keys()].sort()).toEqual(['index.json', ...index.notes.map((n) => n.json)].sort());
		for (const entry of index.notes) {
			const note: NoteDecks = JSON.parse(files!.get(entry.json)!);
			expect(entry).toEqual({
				file: note.file,
				json: `${note.decks[0].id}.json`,
				deckId: note.decks[0].id,
				cardCount: note.cards.length,
				hash: note.hash
			});
			expect(Object.keys(note)).toEqual(['schema', 'file', 'hash', 'decks', 'cards']);
			expect(note.schema).toBe(DECK_SCHEMA);
		}
		expect(index.decks.map((d) => Object.keys(d))).toEqual(
			index.decks.map(() => ['id', 'title', 'parentId', 'path', 'file', 'cardCount', 'hash'])
		);
	});

	it('gives every card the documented fields, with source.file relative to the notes folder', () => {
		const nested: NoteDecks = JSON.parse([...files!.values()].find((text) => text.includes('"file":"study/nested.md"'))!);
		expect(nested.decks[0].title).toBe('nested');
		expect(nested.cards[0]).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{16}$/),
			deckId: nested.decks[0].id,
			front: '<code>ls</code>',
			back: '목록',
			frontText: 'ls',
			backText: '목록',
			source: { file: 'study/nested.md', line: 5 },
			tableId: expect.stringMatching(/^[0-9a-f]{16}$/),
			rowKey: 'ls',
			column: '뜻',
			direction: 'forward'
		});
	});

	it('is deterministic: the same notes, in any order, give the same bytes', () => {
		const again = compileNotes([...sources].reverse()).files!;
		expect([...again.entries()].sort()).toEqual([...files!.entries()].sort());
	});

	it('gives a decomposed (NFD) note the same output as the composed one', () => {
		const text = readFileSync(join(FIXTURES, 'valid', 'shapes.md'), 'utf8');
		expect(text.normalize('NFD')).not.toBe(text);
		const nfd = compileNote(source(text.normalize('NFD'), 'shapes.md'));
		expect(JSON.stringify(nfd.decks)).toBe(JSON.stringify(compileNote(fixture('shapes.md')).decks));
	});
});

describe('compileNote: the build report', () => {
	it('says per table the shape chosen, the signals that chose it, cards by kind and columns that ask less', () => {
		const { report } = compileText(
			'# N\n\n### Kafka vs RabbitMQ\n\n| 항목 | Kafka | RabbitMQ |\n|---|---|---|\n| 모델 | 로그 기반 | 큐 기반 |\n\n## 알림\n\n| 항목 | 조건 | 심각도 |\n|---|---|---|\n| Error Rate | > 1% | Critical |\n| CPU | > 80% | Warning |\n'
		);
		expect(report).toEqual([
			{
				file: 'note.md',
				line: 5,
				deck: 'N › Kafka vs RabbitMQ',
				shape: 'comparison',
				signals: [
					'first header "항목" may name criteria',
					'the heading names every compared column',
					'the heading says it compares',
					'the other headers look like names'
				],
				cards: { forward: 2, reverse: 2, whole: 0 },
				columns: []
			},
			{
				file: 'note.md',
				line: 11,
				deck: 'N › 알림',
				shape: 'attribute',
				signals: ['"조건" names an attribute'],
				cards: { forward: 4, reverse: 0, whole: 0 },
				columns: [{ column: '조건', note: 'no reverse cards: values are numbers, ratings or too short to name a row' }]
			}
		]);
	});

	it('titles a question-id heading by its question, and a note by its front matter', () => {
		const note = decksOf(
			'---\nid: x\ntitle: "면접 노트"\n---\n\n### OS-001\n프로세스와 스레드의 차이는?\n\n| 구분 | 프로세스 | 스레드 |\n|---|---|---|\n| 메모리 | 독립 | 공유 |\n'
		);
		expect(note.decks.map((d) => d.title)).toEqual(['면접 노트', '프로세스와 스레드의 차이는? (OS-001)']);
		expect(note.cards[0].frontText).toBe('프로세스 · 메모리');
		expect(note.cards[0].source.line).toBe(11);
	});

	it('gives a question asked in two decks its deck title', () => {
		const red = '## RED\n\n| 메트릭 | 설명 |\n|---|---|\n| Rate | 초당 요청 |\n| Errors | 에러율 |\n\n';
		const use = '## USE\n\n| 메트릭 | 설명 |\n|---|---|\n| Saturation | 대기 작업 |\n| Errors | 에러 수 |\n';
		const note = decksOf(`# N\n\n${red}${use}`);
		expect(note.cards.filter((c) => c.direction === 'forward').map((c) => c.frontText)).toEqual([
			'Rate',
			'RED › Errors',
			'Saturation',
			'USE › Errors'
		]);
	});
});

describe('compileNote: pros/cons and other list tables', () => {
	it('asks each column whole, titled by the deck, instead of pairing a pro with a con by row', () => {
		const { decks, report } = compileText(
			'# N\n\n**큰 페이지 크기:**\n\n| 장점 | 단점 |\n|---|---|\n| TLB 히트율 향상 | 내부 단편화 증가 |\n| I/O 효율 증가 | - |\n'
		);
		expect(brief(decks!.cards)).toEqual([
			['forward', '장점', '큰 페이지 크기: 장점', 'TLB 히트율 향상 / I/O 효율 증가'],
			['forward', '단점', '큰 페이지 크기: 단점', '내부 단편화 증가']
		]);
		expect(decks!.cards[0].back).toBe('TLB 히트율 향상<br>I/O 효율 증가');
		expect(report[0]).toMatchObject({ shape: 'list', cards: { forward: 2, reverse: 0 } });
		expect(decksOf("# N\n\n| ✅ Do | ❌ Don't |\n|---|---|\n| 질문하기 | 침묵 |\n").cards.map((c) => c.frontText)).toEqual([
			'N: ✅ Do',
			"N: ❌ Don't"
		]);
	});

	it('makes no card of a column longer than seven items', () => {
		const rows = Array.from({ length: 8 }, (_, i) => `| 장점 ${i} | ${i < 2 ? `단점 ${i}` : ''} |`).join('\n');
		const note = decksOf(`# N\n\n| Pros | Cons |\n|---|---|\n${rows}\n`);
		expect(note.cards.map((c) => c.column)).toEqual(['Cons']);
	});
});

describe('list cards in the quiz', () => {
	it('are asked by every question type without failing', () => {
		const note = decksOf(
			'# N\n\n## 페이지\n\n| 장점 | 단점 |\n|---|---|\n| 적은 폴트 | 단편화 |\n| 작은 테이블 | 낭비 |\n\n| 타입 | 설명 |\n|---|---|\n| A형 | 첫째 |\n| B형 | 둘째 |\n| C형 | 셋째 |\n'
		);
		const setup: QuizSetup = { deckIds: [], source: 'decks', length: 'all', types: ['mcq', 'reverse', 'typed', 'explain'] };
		for (const seed of [1, 2, 3, 4]) {
			const questions = buildQuiz(new QuizIndex(note.cards, note.decks), setup, mulberry32(seed));
			expect(questions.length).toBeGreaterThan(0);
			expect(questions.every((q) => q.prompt.length > 0)).toBe(true);
		}
	});
});
