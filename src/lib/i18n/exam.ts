/**
 * The interview date: its settings, readiness on a deck page, and the plan's share of today.
 * A file of its own (EXAM_STRINGS, through `preferences.pick`), so a first visit's home does
 * not load it.
 */
import type { Locale } from './strings';

// Rounded down (with room for float error): a plan shown to reach 90% does reach it.
const percent = (share: number) => `${Math.floor(share * 1000 + 1e-9) / 10}%`;
const en = {
	title: 'Interview date',
	intro:
		'Set the day you want to be ready by. Cards you would recall less well than the target on that day are brought forward into your daily reviews, spread evenly over the days left. After the date, scheduling is normal again.',
	date: 'Date for every deck',
	dateHelp: 'Clear it to turn the plan off. A deck can have its own date (on its page), which covers its sub-decks.',
	target: 'Target recall on the day (%)',
	targetHelp: 'From 70 to 99.',
	deckDates: 'Decks with their own date',
	clear: 'Clear',
	save: 'Set interview date',
	saved: 'Saved.',
	invalid: 'Use a date, and a target from 70 to 99.',
	ownDate: 'Interview date for this deck',
	ownDateHelp: (all: string | null) => (all ? `Empty: the date for every deck (${all}).` : 'Empty: no date for this deck.'),
	readiness: 'Ready by the interview',
	on: (date: string, days: number) => (days > 0 ? `${date} — ${days} ${days === 1 ? 'day' : 'days'} left.` : `${date} — the day has come.`),
	recallNow: (share: number) => `Predicted recall on that day: ${percent(share)} of the cards.`,
	recallPlanned: (share: number, perDay: number) =>
		perDay > 0
			? `With the plan: ${percent(share)}, taking up to ${perDay} extra ${perDay === 1 ? 'review' : 'reviews'} a day.`
			: `No extra reviews are needed: ${percent(share)}.`,
	targetIs: (share: number) => `Target: ${percent(share)}.`,
	unstudied: (n: number) => `${n} ${n === 1 ? 'card is' : 'cards are'} not studied yet and count as not recalled.`,
	plannedToday: (n: number) => `${n} extra ${n === 1 ? 'review' : 'reviews'} today ${n === 1 ? 'comes' : 'come'} from the interview plan.`
};

const ko: typeof en = {
	title: '면접 날짜',
	intro:
		'준비를 마칠 날짜를 정하세요. 그날 기억할 확률이 목표보다 낮을 카드를 남은 날에 고르게 나누어 매일 복습에 미리 넣습니다. 날짜가 지나면 일정은 원래대로 돌아갑니다.',
	date: '모든 덱의 날짜',
	dateHelp: '지우면 계획이 꺼집니다. 덱마다 따로 날짜를 정할 수 있으며(덱 페이지에서), 하위 덱에도 적용됩니다.',
	target: '그날의 목표 기억률 (%)',
	targetHelp: '70에서 99 사이.',
	deckDates: '따로 날짜를 정한 덱',
	clear: '지우기',
	save: '면접 날짜 정하기',
	saved: '저장했습니다.',
	invalid: '날짜와 70에서 99 사이의 목표를 입력하세요.',
	ownDate: '이 덱의 면접 날짜',
	ownDateHelp: (all: string | null) => (all ? `비우면 모든 덱의 날짜(${all})를 따릅니다.` : '비우면 이 덱에는 날짜가 없습니다.'),
	readiness: '면접 준비',
	on: (date: string, days: number) => (days > 0 ? `${date} — ${days}일 남았습니다.` : `${date} — 그날이 되었습니다.`),
	recallNow: (share: number) => `그날 예상 기억률: 카드의 ${percent(share)}.`,
	recallPlanned: (share: number, perDay: number) =>
		perDay > 0
			? `계획대로 하면 ${percent(share)}, 하루에 최대 ${perDay}개를 더 복습합니다.`
			: `추가 복습이 필요 없습니다: ${percent(share)}.`,
	targetIs: (share: number) => `목표: ${percent(share)}.`,
	unstudied: (n: number) => `아직 학습하지 않은 카드 ${n}개는 기억하지 못한 것으로 셉니다.`,
	plannedToday: (n: number) => `오늘 복습 중 ${n}개는 면접 계획에 따라 앞당긴 것입니다.`
};

export const EXAM_STRINGS: Record<Locale, typeof en> = { en, ko };
