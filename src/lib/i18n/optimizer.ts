import type { Locale } from './strings';
// Strings of Settings → Scheduling → Optimize; loaded with its panel only.
export const optimizerEn = {
	title: 'Your memory model',
	intro:
		'FSRS predicts when you would forget each card from 21 parameters. Optimize fits them to your own review log, on this device; nothing is sent anywhere.',
	usingDefaults: 'In use: FSRS’s default parameters, fitted to many people’s reviews.',
	usingOwn: 'In use: your own parameters.',
	lastRun: (when: string) => `Last optimized ${when}.`,
	parameters: 'Parameters in use',
	optimize: 'Optimize',
	needMore: (have: number, need: number) =>
		`Optimize needs about ${need} reviews of cards on a later day than their previous review; your log has ${have}. With fewer, the fit follows chance more than your memory (Anki uses the same threshold).`,
	stage: {
		reading: 'Reading your review log…',
		evaluating: 'Measuring the parameters in use…',
		training: 'Fitting parameters to your reviews… You can keep using Tabledeck meanwhile.',
		comparing: 'Comparing old and new…'
	},
	cancel: 'Cancel',
	cancelled: 'Cancelled. Nothing changed.',
	failed: (message: string) => `The optimizer stopped (${message}). Nothing changed.`,
	tooFew: (have: number, need: number) => `Only ${have} of your reviews can be learned from; ${need} are needed. Nothing changed.`,
	caption: (n: number) => `How well each set predicts your ${n} reviews (lower is better)`,
	inUse: 'In use',
	optimized: 'Optimized',
	logLoss: 'Log loss',
	rmse: 'RMSE (bins)',
	better: 'The optimized parameters predict your reviews better.',
	notBetter: 'The parameters in use predict your reviews at least as well, so they stay, as Anki keeps them.',
	apply: 'Use the new parameters',
	applyNote: 'Applying changes no due date: each card’s next interval is computed with the new parameters from its next rating on.',
	applied: 'The new parameters are in use. Due dates stay; intervals change from each card’s next rating on.',
	reset: 'Reset to defaults',
	resetDone: 'FSRS’s default parameters are in use again. Due dates stay as they were.',
	reminder: 'A month has passed since you last optimized, and you have reviewed a lot since: optimizing again may fit your memory better.',
	reminderLabel: 'Optimize reminder',
	reminderAction: 'Open Optimize',
	notNow: 'Not now'
};

export const optimizerKo: typeof optimizerEn = {
	title: '나의 기억 모델',
	intro:
		'FSRS는 21개의 매개변수로 카드를 언제 잊을지 예측합니다. 최적화는 이 기기에서 내 복습 기록에 맞춰 매개변수를 계산하며, 아무것도 외부로 보내지 않습니다.',
	usingDefaults: '사용 중: 많은 사람의 복습으로 맞춘 FSRS 기본 매개변수.',
	usingOwn: '사용 중: 나만의 매개변수.',
	lastRun: (when: string) => `마지막 최적화: ${when}.`,
	parameters: '사용 중인 매개변수',
	optimize: '최적화',
	needMore: (have: number, need: number) =>
		`최적화하려면 이전 복습 다음 날 이후에 한 복습이 약 ${need}개 필요합니다. 지금 기록에는 ${have}개가 있습니다. 그보다 적으면 기억보다 우연에 맞춰집니다(Anki도 같은 기준을 씁니다).`,
	stage: {
		reading: '복습 기록을 읽는 중…',
		evaluating: '사용 중인 매개변수를 측정하는 중…',
		training: '내 복습에 매개변수를 맞추는 중… 그동안 Tabledeck을 계속 쓸 수 있습니다.',
		comparing: '이전 값과 새 값을 비교하는 중…'
	},
	cancel: '취소',
	cancelled: '취소했습니다. 바뀐 것은 없습니다.',
	failed: (message: string) => `최적화가 멈췄습니다(${message}). 바뀐 것은 없습니다.`,
	tooFew: (have: number, need: number) => `학습에 쓸 수 있는 복습이 ${have}개뿐입니다. ${need}개가 필요합니다. 바뀐 것은 없습니다.`,
	caption: (n: number) => `각 매개변수가 내 복습 ${n}개를 얼마나 잘 예측하는지(낮을수록 좋음)`,
	inUse: '사용 중',
	optimized: '최적화 결과',
	logLoss: '로그 손실',
	rmse: 'RMSE(구간)',
	better: '최적화한 매개변수가 내 복습을 더 잘 예측합니다.',
	notBetter: '사용 중인 매개변수가 내 복습을 같거나 더 잘 예측하므로, Anki처럼 그대로 둡니다.',
	apply: '새 매개변수 사용',
	applyNote: '적용해도 복습 예정일은 바뀌지 않습니다. 각 카드의 다음 간격은 다음 평가부터 새 매개변수로 계산됩니다.',
	applied: '새 매개변수를 사용합니다. 예정일은 그대로이고, 간격은 각 카드의 다음 평가부터 바뀝니다.',
	reset: '기본값으로 되돌리기',
	resetDone: 'FSRS 기본 매개변수를 다시 사용합니다. 예정일은 그대로입니다.',
	reminder: '마지막 최적화 후 한 달이 지났고 그동안 복습을 많이 했습니다. 다시 최적화하면 기억에 더 잘 맞을 수 있습니다.',
	reminderLabel: '최적화 알림',
	reminderAction: '최적화 열기',
	notNow: '나중에'
};

export const OPTIMIZER_STRINGS: Record<Locale, typeof optimizerEn> = { en: optimizerEn, ko: optimizerKo };
