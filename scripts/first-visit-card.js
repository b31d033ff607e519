// The first card of a first visit to /review, known when the site is built (issue #20; README
// "Decisions"). Before anything is studied the session over every deck starts with the first
// card of the first note (src/lib/services/first-visit-card.ts says why), so the prerendered
// page can hold it: `virtual:first-visit-card` gives the page that card's fields as the deck
// files built just before hold them, and the page shows it from the HTML, before any script
// runs. The app checks these fields as it checks the deck files (fileCardOf). Plain
// JavaScript: vite.config.ts imports it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ID = 'virtual:first-visit-card';
const RESOLVED = `\0${ID}`;

/**
 * The first note's first card, its deck's path and the number of cards in every note, as the
 * deck files in `dir` hold them; null
 * when there are none (no decks built yet, no notes, a first note without cards) or a file
 * cannot be read as JSON: the page then waits for the session, as without this module.
 * @param {string} dir
 * @param {(path: string) => void} [watch] called with every file read
 * @returns {{ card: unknown; path: unknown; cards: number } | null}
 */
export function firstVisitCard(dir, watch = () => {}) {
	/** @param {string} name */
	const json = (name) => {
		const file = join(dir, name);
		watch(file);
		return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
	};
	try {
		const notes = json('index.json')?.notes;
		const entry = notes?.[0];
		if (!entry || !entry.cardCount || typeof entry.json !== 'string') return null;
		const note = json(entry.json);
		const card = note?.cards?.[0];
		if (!card) return null;
		const deck = note.decks?.find((/** @type {{ id: unknown }} */ d) => d.id === card.deckId);
		const cards = notes.reduce((/** @type {number} */ sum, /** @type {{ cardCount: unknown }} */ n) => sum + Number(n.cardCount), 0);
		return { card, path: deck?.path ?? [], cards };
	} catch {
		return null;
	}
}

/**
 * The Vite plugin serving `virtual:first-visit-card` from the deck files in `dir`; in `vite
 * dev` a rebuild of the decks reloads it.
 * @param {string} dir
 */
export function firstVisitCardModule(dir) {
	return {
		name: 'tabledeck:first-visit-card',
		resolveId: (/** @type {string} */ source) => (source === ID ? RESOLVED : null),
		/** @this {{ addWatchFile(path: string): void }} @param {string} id */
		load(id) {
			if (id !== RESOLVED) return null;
			return `export default ${JSON.stringify(firstVisitCard(dir, (file) => this.addWatchFile(file)))};`;
		}
	};
}
