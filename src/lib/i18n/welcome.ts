/**
 * A first visit's welcome (components/Welcome.svelte). Each language is a module of its own,
 * loaded with home's first-visit numbers (routes/+page.svelte), so a first visit downloads only
 * the language it shows, and no other page carries either.
 */
import type { Locale } from './strings';

export interface WelcomeStrings {
	label: string;
	what: string;
	review: string;
	installPrompt: string;
	install: string;
	installIos: string;
	installMenu: string;
	dismiss: string;
}

export function welcomeStrings(locale: Locale): Promise<WelcomeStrings> {
	return (locale === 'ko' ? import('./welcome-ko') : import('./welcome-en')).then((module) => module.default);
}
