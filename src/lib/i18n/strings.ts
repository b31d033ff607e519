/**
 * Every user-facing string, in English and Korean. Card content is never translated: it is
 * shown as the notes wrote it. English accessible names of the main controls are part of the
 * product's contract (tests and screen-reader users rely on them), so keep them stable.
 *
 * This file holds what every page needs; the review and deck pages', the quiz's and the
 * settings and statistics pages' strings are in their own files (STUDY_STRINGS, QUIZ_STRINGS,
 * SETTINGS_STRINGS), which only those pages load, through `preferences.pick`.
 */
import { pwaEn, pwaKo } from './pwa';

const en = {
	appName: 'Tabledeck',
	cancel: 'Cancel',
	nav: { home: 'Home', review: 'Review', quiz: 'Quiz', stats: 'Stats', settings: 'Settings', main: 'Main', search: 'Find a card' },
	loading: 'Loading…',
	storageUnavailable:
		'Tabledeck cannot save progress in this browser: storage (IndexedDB) is unavailable. Private browsing or full storage can cause this. Nothing you do here will be kept.',
	storageError: (message: string) => `Saving failed: ${message}`,
	decksError: (message: string) => `The decks could not be loaded: ${message}`,
	home: {
		title: 'Today',
		due: 'Due',
		learning: 'Learning',
		newLeft: 'New',
		doneToday: 'Done today',
		streak: 'Streak',
		days: (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`,
		startReview: 'Start review',
		nothingDue: 'Nothing due now.',
		decks: 'Decks',
		cards: (n: number) => `${n} cards`,
		studyDeck: (title: string) => `Study ${title}`,
		openDeck: (title: string) => `Open ${title}`,
		noDecks: 'No decks yet. Put markdown notes with tables in decks/ and rebuild.',
		addedHere: 'added on this device'
	},
	notFound: { title: 'Page not found', text: 'There is no page at this address.', home: 'Back to home', error: 'Something went wrong' },
	update: pwaEn
};

export type Strings = typeof en;

const ko: Strings = {
	appName: 'Tabledeck',
	cancel: '취소',
	nav: { home: '홈', review: '복습', quiz: '퀴즈', stats: '통계', settings: '설정', main: '주 메뉴', search: '카드 찾기' },
	loading: '불러오는 중…',
	storageUnavailable:
		'이 브라우저에서는 진행 상황을 저장할 수 없습니다: 저장소(IndexedDB)를 사용할 수 없습니다. 시크릿 모드이거나 저장 공간이 가득 찼을 수 있습니다. 여기서 한 학습은 저장되지 않습니다.',
	storageError: (message: string) => `저장하지 못했습니다: ${message}`,
	decksError: (message: string) => `덱을 불러오지 못했습니다: ${message}`,
	home: {
		title: '오늘',
		due: '복습 예정',
		learning: '학습 중',
		newLeft: '새 카드',
		doneToday: '오늘 완료',
		streak: '연속 학습',
		days: (n: number) => `${n}일`,
		startReview: '복습 시작',
		nothingDue: '지금 복습할 카드가 없습니다.',
		decks: '덱',
		cards: (n: number) => `카드 ${n}장`,
		studyDeck: (title: string) => `${title} 학습`,
		openDeck: (title: string) => `${title} 열기`,
		noDecks: '아직 덱이 없습니다. 표가 있는 마크다운 노트를 decks/에 넣고 다시 빌드하세요.',
		addedHere: '이 기기에서 추가함'
	},
	notFound: { title: '페이지를 찾을 수 없습니다', text: '이 주소에는 페이지가 없습니다.', home: '홈으로', error: '문제가 생겼습니다' },
	update: pwaKo
};

export type Locale = 'en' | 'ko';
export const STRINGS: Record<Locale, Strings> = { en, ko };

/** Korean for any `ko*` browser language, English otherwise. */
export function localeFrom(languages: readonly string[]): Locale {
	return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
