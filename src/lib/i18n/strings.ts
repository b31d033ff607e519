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
	storageError: (message: string) => `Saving failed: ${message}`,
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
	update: pwaEn
};

export type Strings = typeof en;

const ko: Strings = {
	appName: 'Tabledeck',
	cancel: '취소',
	nav: { home: '홈', review: '복습', quiz: '퀴즈', stats: '통계', settings: '설정', main: '주 메뉴', search: '카드 찾기' },
	loading: '불러오는 중…',
	storageError: (message: string) => `저장하지 못했습니다: ${message}`,
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
	update: pwaKo
};

export type Locale = 'en' | 'ko';
export const STRINGS: Record<Locale, Strings> = { en, ko };

/** Korean for any `ko*` browser language, English otherwise. */
export function localeFrom(languages: readonly string[]): Locale {
	return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
