/**
 * The line shown while decks are written into the database (a first load or a deck update):
 * a file of its own (DECK_UPDATE_STRINGS, through `preferences.pick`), loaded with the pages
 * that show it, never by a first visit's home.
 */
import type { Locale } from './strings';

const count = (locale: string) => (n: number) => new Intl.NumberFormat(locale).format(n);
const en_ = count('en-US');
const ko_ = count('ko-KR');

const en = {
	progress: (done: number, total: number) => `Updating the decks: ${en_(done)} of ${en_(total)} cards`,
	label: 'Deck update'
};

const ko: typeof en = {
	progress: (done: number, total: number) => `덱 업데이트 중: 카드 ${ko_(total)}장 중 ${ko_(done)}장`,
	label: '덱 업데이트'
};

export const DECK_UPDATE_STRINGS: Record<Locale, typeof en> = { en, ko };
