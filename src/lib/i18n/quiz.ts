// Strings of the interview quiz. Prompt wording (`words`) takes and returns safe HTML.
import { withParticle } from './particle';
import type { Locale } from './strings';
import type { ExplainWords, PromptWords } from '$lib/quiz/prompt';
import type { Outcome } from '$lib/quiz/score';
import type { QuestionType, SelfGrade } from '$lib/quiz/types';

const wordsEn: PromptWords = {
	which: (subject, column, value) => `Which ${subject ?? 'one'}${column === null ? '' : ` (${column})`}: ${value}?`,
	compare: (first, second) => `${first} vs ${second}: explain the difference`,
	attributes: (key, one, two) => `${key}: ${one} and ${two}?`,
	single: (key) => `Explain ${key}`
};

const wordsKo: PromptWords = {
	which: (subject, column, value) => `${value}: 어떤 ${subject ?? '항목'}${column === null ? '' : ` (${column})`}일까요?`,
	compare: (first, second) => `${first} vs ${second}: 차이를 설명하세요`,
	attributes: (key, one, two) => `${key}: ${withParticle(one, '과', '와')} ${withParticle(two, '은', '는')}?`,
	single: (key) => `${key}에 대해 설명하세요`
};

/**
 * The words of the prompt an explain-aloud question carries, kept in quiz history: Korean,
 * like the built-in decks, whatever the reader's language (the screen words it anew, above).
 */
export const EXPLAIN_WORDS: ExplainWords = wordsKo;

const pad = (n: number) => String(n).padStart(2, '0');
/** 125 000 ms → 2:05. */
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${pad(Math.floor(ms / 1000) % 60)}`;

export const quizEn = {
	title: 'Quiz',
	setupTitle: 'Set up a quiz',
	decks: 'Decks',
	allDecks: 'All decks',
	decksChosen: (titles: string[]) => (titles.length ? titles.join(', ') : 'All decks'),
	includedWithParent: 'included with the deck above',
	source: 'Which cards',
	sources: {
		decks: 'Random cards from the decks',
		due: 'Everything due soon (7 days)',
		weak: 'My weakest cards',
		exam: 'Weakest on interview day'
	},
	length: 'Questions',
	lengthAll: 'All',
	types: 'Question types',
	typeNames: { mcq: 'Multiple choice', reverse: 'Reverse multiple choice', typed: 'Typed answer', explain: 'Explain aloud' } as Record<
		QuestionType,
		string
	>,
	keepOneType: 'Keep at least one question type.',
	start: 'Start quiz',
	preparing: 'Preparing the quiz…',
	empty: {
		decks: 'These decks have no cards to ask.',
		due: 'No studied card is due in the next 7 days in these decks.',
		weak: 'No card here has been studied yet; weakest cards are ranked by what you have reviewed.',
		exam: 'No studied card in these decks has an interview date: set one in Settings or on a deck’s page.'
	},
	questionOf: (at: number, total: number) => `Question ${at} of ${total}`,
	shorter: (n: number) => `Only ${n} ${n === 1 ? 'question' : 'questions'} could be made from these decks.`,
	keys: {
		choice: 'Keys: 1–4 answer, Enter goes on.',
		typed: 'Enter checks your answer, then goes on.',
		explain: 'Keys: Enter shows the model answer, 1–3 grade, Enter goes on.'
	},
	options: 'Options',
	yourAnswer: 'Your answer',
	check: 'Check',
	typeFirst: 'Type an answer first, or skip the question.',
	skip: 'Skip',
	next: 'Next',
	seeResults: 'See results',
	correct: 'Correct',
	close: 'Almost',
	closeAsk: 'Count it as right, or keep it wrong? It stays wrong unless you count it.',
	countRight: 'Count as right',
	keepWrong: 'Keep as wrong',
	kept: 'Kept as wrong.',
	wrong: 'Not quite',
	rightAnswer: 'Right answer:',
	chosenMark: '(your answer)',
	rightMark: '(right answer)',
	whatDiffered: 'What differed:',
	diffLegend: 'Struck through: typed but not expected. Underlined: expected but missing.',
	overrule: 'I was right',
	overruled: 'Counted as right, on your word.',
	showModel: 'Show model answer',
	modelAnswer: 'Model answer',
	selfGrade: 'How did you do?',
	grades: { again: 'Missed it', partial: 'Partly', good: 'Got it' } as Record<SelfGrade, string>,
	timerStart: 'Start 2-minute timer',
	timerStop: 'Stop timer',
	timerLeft: (ms: number) => `${clock(ms)} left`,
	timeUp: 'Time is up.',
	results: 'Results',
	score: 'Score',
	time: 'Time',
	clock,
	extraCounts: (partial: number, skipped: number) =>
		[partial && `${partial} partly right`, skipped && `${skipped} skipped`].filter(Boolean).join(' · '),
	questions: 'Questions',
	given: 'Your answer:',
	expected: 'Expected:',
	noAnswer: '—',
	outcomes: { correct: 'Right', partial: 'Partly', wrong: 'Wrong', skipped: 'Skipped' } as Record<Outcome, string>,
	missed: (n: number) => `Missed cards (${n})`,
	noneMissed: 'No card missed.',
	reviewMissed: 'Review the missed cards now',
	sent: (due: number, fresh: number) =>
		`In today’s review: ${due} studied ${due === 1 ? 'card' : 'cards'} due now, ${fresh} new ${fresh === 1 ? 'card' : 'cards'} first in line.`,
	sentSkipped: (n: number) => `${n} suspended or removed ${n === 1 ? 'card was' : 'cards were'} left out.`,
	goReview: 'Go to review',
	newQuiz: 'New quiz',
	saveFailed: (message: string) => `The result could not be saved: ${message}`,
	history: 'History',
	historyEmpty: 'No quiz taken here yet.',
	historyScore: (score: number, total: number) => `${score} / ${total}`,
	words: wordsEn
};

export const quizKo: typeof quizEn = {
	title: '퀴즈',
	setupTitle: '퀴즈 설정',
	decks: '덱',
	allDecks: '모든 덱',
	decksChosen: (titles: string[]) => (titles.length ? titles.join(', ') : '모든 덱'),
	includedWithParent: '상위 덱에 포함됨',
	source: '출제 카드',
	sources: { decks: '덱에서 무작위', due: '곧 복습할 카드 전부 (7일)', weak: '가장 약한 카드', exam: '면접 날 가장 약한 카드' },
	length: '문제 수',
	lengthAll: '전부',
	types: '문제 유형',
	typeNames: { mcq: '객관식', reverse: '역방향 객관식', typed: '직접 입력', explain: '말로 설명하기' },
	keepOneType: '문제 유형을 하나 이상 남겨 두세요.',
	start: '퀴즈 시작',
	preparing: '퀴즈를 준비하는 중…',
	empty: {
		decks: '이 덱에는 출제할 카드가 없습니다.',
		due: '이 덱에는 7일 안에 복습할 카드가 없습니다.',
		weak: '아직 학습한 카드가 없습니다. 가장 약한 카드는 복습 기록으로 정합니다.',
		exam: '이 덱에는 면접 날짜가 정해진 학습한 카드가 없습니다. 설정이나 덱 페이지에서 날짜를 정하세요.'
	},
	questionOf: (at: number, total: number) => `${total}문제 중 ${at}번`,
	shorter: (n: number) => `이 덱으로는 ${n}문제만 만들 수 있습니다.`,
	keys: {
		choice: '단축키: 1–4 답하기, Enter 다음으로',
		typed: 'Enter로 답을 확인하고 다음으로',
		explain: '단축키: Enter 모범 답안 보기, 1–3 자기 평가, Enter 다음으로'
	},
	options: '보기',
	yourAnswer: '내 답',
	check: '확인',
	typeFirst: '답을 입력하거나 문제를 건너뛰세요.',
	skip: '건너뛰기',
	next: '다음',
	seeResults: '결과 보기',
	correct: '정답',
	close: '거의 맞음',
	closeAsk: '정답으로 칠까요, 오답으로 둘까요? 정답으로 치지 않으면 오답입니다.',
	countRight: '정답으로 치기',
	keepWrong: '오답으로 두기',
	kept: '오답으로 두었습니다.',
	wrong: '오답',
	rightAnswer: '정답:',
	chosenMark: '(내 답)',
	rightMark: '(정답)',
	whatDiffered: '다른 부분:',
	diffLegend: '취소선: 입력했지만 정답에 없음. 밑줄: 정답에 있지만 빠짐.',
	overrule: '맞게 답했어요',
	overruled: '내 판단으로 정답 처리했습니다.',
	showModel: '모범 답안 보기',
	modelAnswer: '모범 답안',
	selfGrade: '얼마나 답했나요?',
	grades: { again: '못 함', partial: '일부', good: '잘 함' },
	timerStart: '2분 타이머 시작',
	timerStop: '타이머 멈추기',
	timerLeft: (ms: number) => `${clock(ms)} 남음`,
	timeUp: '시간이 다 되었습니다.',
	results: '결과',
	score: '점수',
	time: '시간',
	clock,
	extraCounts: (partial: number, skipped: number) =>
		[partial && `일부 정답 ${partial}`, skipped && `건너뜀 ${skipped}`].filter(Boolean).join(' · '),
	questions: '문제',
	given: '내 답:',
	expected: '정답:',
	noAnswer: '—',
	outcomes: { correct: '정답', partial: '일부', wrong: '오답', skipped: '건너뜀' },
	missed: (n: number) => `틀린 카드 (${n})`,
	noneMissed: '틀린 카드가 없습니다.',
	reviewMissed: '틀린 카드 지금 복습하기',
	sent: (due: number, fresh: number) => `오늘 복습에 추가: 학습한 카드 ${due}장은 지금 복습, 새 카드 ${fresh}장은 맨 앞에.`,
	sentSkipped: (n: number) => `일시 중지했거나 노트에서 빠진 카드 ${n}장은 제외했습니다.`,
	goReview: '복습하러 가기',
	newQuiz: '새 퀴즈',
	saveFailed: (message: string) => `결과를 저장하지 못했습니다: ${message}`,
	history: '기록',
	historyEmpty: '아직 본 퀴즈가 없습니다.',
	historyScore: (score: number, total: number) => `${score} / ${total}`,
	words: wordsKo
};

export const QUIZ_STRINGS: Record<Locale, typeof quizEn> = { en: quizEn, ko: quizKo };
