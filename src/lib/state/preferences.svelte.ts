import { browser } from '$app/environment';
import { localeFrom, STRINGS, type Locale } from '$lib/i18n/strings';

export type Theme = 'system' | 'light' | 'dark';
export type LocaleChoice = Locale | 'system';

// Mirrored in localStorage (not only IndexedDB) so static/boot.js can apply them before the
// first paint: no flash of the wrong theme or language.
const THEME_KEY = 'tabledeck.theme';
const LOCALE_KEY = 'tabledeck.locale';

class Preferences {
	theme = $state<Theme>('system');
	localeChoice = $state<LocaleChoice>('system');
	systemLocale = $state<Locale>('en');
	locale = $derived<Locale>(this.localeChoice === 'system' ? this.systemLocale : this.localeChoice);
	t = $derived(STRINGS[this.locale]);

	/** One feature's strings in the current language (e.g. QUIZ_STRINGS): only its pages load them. */
	pick<T>(table: Record<Locale, T>): T {
		return table[this.locale];
	}

	constructor() {
		if (!browser) return;
		this.systemLocale = localeFrom(navigator.languages ?? [navigator.language]);
		this.theme = (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'system';
		this.localeChoice = (localStorage.getItem(LOCALE_KEY) as LocaleChoice | null) ?? 'system';
	}

	setTheme(theme: Theme) {
		this.theme = theme;
		localStorage.setItem(THEME_KEY, theme);
		applyTheme(theme);
	}

	setLocale(choice: LocaleChoice) {
		this.localeChoice = choice;
		localStorage.setItem(LOCALE_KEY, choice);
		document.documentElement.lang = this.locale;
	}

	reset() {
		this.theme = 'system';
		this.localeChoice = 'system';
	}
}

function applyTheme(theme: Theme) {
	if (theme === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = theme;
}

export const preferences = new Preferences();
