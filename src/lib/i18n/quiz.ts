// Strings of the interview quiz.
export const quizEn = {
	title: 'Quiz'
};

export const quizKo: typeof quizEn = {
	title: '퀴즈'
};
