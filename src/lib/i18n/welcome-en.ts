import type { WelcomeStrings } from './welcome';

const en: WelcomeStrings = {
	label: 'Welcome',
	what: 'Tabledeck turns the tables in your notes into flashcards and quizzes, and works offline.',
	review: 'A review: read the question, tap Show answer, then say how well you knew it: Again, Hard, Good or Easy.',
	installPrompt: 'Install it to open it from your home screen:',
	install: 'Install',
	installIos: 'To install it, tap Share, then Add to Home Screen.',
	installMenu: 'To install it, choose Install app or Add to Home screen in the browser menu.',
	dismiss: 'Got it'
};

export default en;
