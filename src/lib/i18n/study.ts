/**
 * The review and deck pages' strings (and the card list's, wherever it shows): a file of its
 * own, through `preferences.pick`, so that home's first visit does not carry them.
 */
import type { Locale } from './strings';
import type { Rating } from '$lib/scheduler/types';

const en = {
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
	}
};

export type StudyStrings = typeof en;

const ko: StudyStrings = {
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
	}
};

export const STUDY_STRINGS: Record<Locale, StudyStrings> = { en, ko };

/** The four ratings' names, by rating (1 Again … 4 Easy). */
// Keyed by Rating's numbers (Again 1 … Easy 4), not its names: Rating's object is not needed here.
export function ratingNames(t: StudyStrings): Record<Rating, string> {
	return { 1: t.review.again, 2: t.review.hard, 3: t.review.good, 4: t.review.easy };
}
