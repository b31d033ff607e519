/**
 * Every user-facing string, in English and Korean. Card content is never translated: it is
 * shown as the notes wrote it. English accessible names of the main controls are part of the
 * product's contract (tests and screen-reader users rely on them), so keep them stable.
 *
 * This file holds what every page needs; the quiz's and the settings and statistics pages'
 * strings are in their own files (QUIZ_STRINGS, SETTINGS_STRINGS), which only those pages
 * load, through `preferences.pick`.
 */
import { pwaEn, pwaKo } from './pwa';
import type { Rating } from '$lib/scheduler/types';

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
	review: {
		title: 'Review',
		showAnswer: 'Show answer',
		again: 'Again',
		hard: 'Hard',
		good: 'Good',
		easy: 'Easy',
		undo: 'Undo',
		left: (n: number, l: number, r: number) => `${n} new · ${l} learning · ${r} review left`,
		question: 'Question',
		answer: 'Answer',
		keys: 'Keys: Space shows the answer, 1–4 rate, U undoes, - buries, @ suspends.',
		tapHint: 'Tap the card to see the answer',
		swipeHint: 'Swipe left for Again, right for Good',
		doneTitle: 'Session complete',
		summary: (n: number, minutes: string, againRate: string) =>
			`${n} ${n === 1 ? 'card' : 'cards'} reviewed in ${minutes}; again rate ${againRate}.`,
		nextDue: (when: string) => `Next card due ${when}.`,
		noneScheduled: 'No cards are scheduled.',
		backHome: 'Back to home',
		newWaiting: (n: number) => `${n} new ${n === 1 ? 'card is' : 'cards are'} past today’s limit.`,
		learnMore: (n: number) => `Learn ${n} more`,
		leech: (front: string, lapses: number) =>
			`“${front}” is a leech: forgotten ${lapses} times. Rewording its row in your notes, or suspending it (⋯), may help.`,
		cardActions: 'Card actions',
		bury: 'Bury until tomorrow',
		suspend: 'Suspend card',
		hiddenNotice: (how: 'bury' | 'suspend', front: string) => `“${front}” is ${how === 'bury' ? 'buried until tomorrow' : 'suspended'}.`,
		source: (file: string, line: number) => `${file}, line ${line}`
	},
	deck: {
		cards: 'Cards',
		state: 'State',
		due: 'Due',
		stability: 'Stability',
		actions: 'Actions',
		new: 'New',
		learning: 'Learning',
		review: 'Review',
		relearning: 'Relearning',
		suspended: 'Suspended',
		buried: 'Buried',
		suspend: 'Suspend',
		unsuspend: 'Unsuspend',
		bury: 'Bury until tomorrow',
		unbury: 'Unbury',
		reset: 'Reset progress',
		confirmReset: (front: string) => `Reset all progress on “${front}”? Its review history is kept.`,
		studyThis: 'Study this deck',
		quizThis: 'Quiz this deck',
		notFound: 'This deck is not in the current notes.',
		history: 'History',
		historyCounts: (ratings: number, lapses: number) =>
			`${ratings} ${ratings === 1 ? 'rating' : 'ratings'}, ${lapses} ${lapses === 1 ? 'lapse' : 'lapses'}`,
		noHistory: 'Not rated yet.',
		when: 'When',
		rating: 'Rating',
		interval: 'Next in'
	},
	notFound: { title: 'Page not found', text: 'There is no page at this address.', home: 'Back to home', error: 'Something went wrong' },
	update: pwaEn,
	reminder: {
		label: 'Backup',
		text: (days: number) => `You have studied on ${days} days since your last backup. Your progress lives only in this browser.`,
		action: 'Back up now',
		dismiss: 'Dismiss'
	}
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
	review: {
		title: '복습',
		showAnswer: '정답 보기',
		again: '다시',
		hard: '어려움',
		good: '알맞음',
		easy: '쉬움',
		undo: '되돌리기',
		left: (n: number, l: number, r: number) => `새 카드 ${n} · 학습 ${l} · 복습 ${r} 남음`,
		question: '질문',
		answer: '정답',
		keys: '단축키: Space 정답 보기, 1–4 평가, U 되돌리기, - 보류, @ 일시 중지',
		tapHint: '카드를 누르면 정답이 보입니다',
		swipeHint: '왼쪽으로 밀면 다시, 오른쪽으로 밀면 알맞음',
		doneTitle: '복습 완료',
		summary: (n: number, minutes: string, againRate: string) => `${minutes} 동안 카드 ${n}장 복습, 다시 비율 ${againRate}.`,
		nextDue: (when: string) => `다음 카드: ${when}.`,
		noneScheduled: '예정된 카드가 없습니다.',
		backHome: '홈으로',
		newWaiting: (n: number) => `오늘 한도를 넘은 새 카드가 ${n}장 있습니다.`,
		learnMore: (n: number) => `${n}장 더 학습`,
		leech: (front: string, lapses: number) =>
			`“${front}” 카드는 ${lapses}번 잊은 거머리 카드입니다. 노트의 해당 행을 고쳐 쓰거나 일시 중지(⋯)해 보세요.`,
		cardActions: '카드 작업',
		bury: '내일까지 보류',
		suspend: '카드 일시 중지',
		hiddenNotice: (how: 'bury' | 'suspend', front: string) =>
			`“${front}” 카드를 ${how === 'bury' ? '내일까지 보류했습니다' : '일시 중지했습니다'}.`,
		source: (file: string, line: number) => `${file}, ${line}번째 줄`
	},
	deck: {
		cards: '카드',
		state: '상태',
		due: '예정일',
		stability: '안정도',
		actions: '작업',
		new: '새 카드',
		learning: '학습 중',
		review: '복습',
		relearning: '재학습',
		suspended: '일시 중지',
		buried: '보류',
		suspend: '일시 중지',
		unsuspend: '다시 시작',
		bury: '내일까지 보류',
		unbury: '보류 해제',
		reset: '진행 초기화',
		confirmReset: (front: string) => `“${front}”의 진행 상황을 초기화할까요? 복습 기록은 남습니다.`,
		studyThis: '이 덱 학습',
		quizThis: '이 덱 퀴즈',
		notFound: '현재 노트에 없는 덱입니다.',
		history: '기록',
		historyCounts: (ratings: number, lapses: number) => `평가 ${ratings}번, 잊음 ${lapses}번`,
		noHistory: '아직 평가하지 않았습니다.',
		when: '날짜',
		rating: '평가',
		interval: '다음 복습'
	},
	notFound: { title: '페이지를 찾을 수 없습니다', text: '이 주소에는 페이지가 없습니다.', home: '홈으로', error: '문제가 생겼습니다' },
	update: pwaKo,
	reminder: {
		label: '백업',
		text: (days: number) => `마지막 백업 이후 ${days}일 동안 학습했습니다. 진행 상황은 이 브라우저에만 저장되어 있습니다.`,
		action: '지금 백업',
		dismiss: '닫기'
	}
};

/** The four ratings' names, by rating (1 Again … 4 Easy). */
// Keyed by Rating's numbers (Again 1 … Easy 4), not its names: this file is in every page's
// first download, and Rating's object is not.
export function ratingNames(t: Strings): Record<Rating, string> {
	return { 1: t.review.again, 2: t.review.hard, 3: t.review.good, 4: t.review.easy };
}

export type Locale = 'en' | 'ko';
export const STRINGS: Record<Locale, Strings> = { en, ko };

/** Korean for any `ko*` browser language, English otherwise. */
export function localeFrom(languages: readonly string[]): Locale {
	return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}
