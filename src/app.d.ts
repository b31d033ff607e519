// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** Shallow-routing state: an open menu is a history entry, so Back closes it. */
		interface PageState {
			cardMenu?: boolean;
			/** The card opened from the search page's results: Back returns to them. */
			searchCard?: string;
		}
	}
}

export {};
