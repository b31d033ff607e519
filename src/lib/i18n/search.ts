/**
 * The search box's words (the search page and the deck page's box): a file of its own
 * (SEARCH_STRINGS, through `preferences.pick`), so a first visit's home does not load it.
 */
import type { Locale } from './strings';

const count = (locale: string) => (n: number) => new Intl.NumberFormat(locale).format(n);
const en_ = count('en-US');
const ko_ = count('ko-KR');

const en = {
	title: 'Find a card',
	label: 'Search cards',
	inDeck: (deck: string) => `Search in ${deck}`,
	placeholder: 'Words on the front, back or key',
	state: 'State',
	filters: {
		all: 'All',
		new: 'New',
		learning: 'Learning',
		due: 'Due',
		suspended: 'Suspended',
		buried: 'Buried',
		leech: 'Leeches'
	},
	found: (n: number) => `${en_(n)} ${n === 1 ? 'card' : 'cards'}`,
	option: (name: string, n: number) => `${name} (${en_(n)})`,
	showing: (shown: number, total: number) => `showing the first ${en_(shown)} of ${en_(total)}`,
	none: 'No card matches.',
	back: 'Back to results',
	deck: 'Deck',
	hint: 'Every word must appear; case and full-width letters do not matter.'
};

export type SearchStrings = typeof en;

const ko: SearchStrings = {
	title: '카드 찾기',
	label: '카드 검색',
	inDeck: (deck: string) => `${deck}에서 검색`,
	placeholder: '앞면, 뒷면, 키의 단어',
	state: '상태',
	filters: {
		all: '전체',
		new: '새 카드',
		learning: '학습 중',
		due: '복습 예정',
		suspended: '일시 중지',
		buried: '보류',
		leech: '거머리'
	},
	found: (n: number) => `${ko_(n)}장`,
	option: (name: string, n: number) => `${name} (${ko_(n)})`,
	showing: (shown: number, total: number) => `${ko_(total)}장 중 처음 ${ko_(shown)}장 표시`,
	none: '맞는 카드가 없습니다.',
	back: '검색 결과로',
	deck: '덱',
	hint: '모든 단어가 들어 있는 카드를 찾습니다. 대소문자와 전각 문자는 구별하지 않습니다.'
};

export const SEARCH_STRINGS: Record<Locale, SearchStrings> = { en, ko };
