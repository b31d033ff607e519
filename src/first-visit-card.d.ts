// scripts/first-visit-card.js: the first note's first card as the built deck files hold it,
// its deck's path and the number of cards in all notes.
declare module 'virtual:first-visit-card' {
	const built: { card: unknown; path: unknown; cards: unknown } | null;
	export default built;
}
