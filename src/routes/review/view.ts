import type { Card } from '$lib/notes/types';
import type { Rating } from '$lib/scheduler/types';

/** What a first visit did on the card shown from the deck index before the session took over. */
export interface Preview {
	cardId: string;
	revealed: boolean;
	/** A rating key pressed (or a swipe) on the open answer, given once the session can save it. */
	rating: Rating | null;
}

/** The session's card on screen, as the page's ReviewCard draws it. */
export interface SessionView {
	card: Card;
	context: string;
	revealed: boolean;
	left: string;
	intervals: Record<Rating, number>;
	notice: string;
	menuOpen: boolean;
	onmenu: () => void;
	onundo: () => void;
	onreveal: () => void;
	onrate: (rating: Rating) => void;
	onbury: () => void;
	onsuspend: () => void;
	onclosemenu: () => void;
}
