/** Random collections for the tests that compare sessionHead and Study.open with the whole queue. */
import type { NoteDecks } from '$lib/notes/types';
import { mulberry32 } from '$lib/quiz/rng';
import {
	DEFAULT_SETTINGS,
	LEARNING,
	NEW,
	RELEARNING,
	REVIEW,
	type CardProgress,
	type CardStateKind,
	type ReviewLogEntry,
	type SchedulerSettings
} from '$lib/scheduler/types';
import { importProgress } from './bulk';
import { newProgress } from './rows';
import { syncDecks } from './sync';
import { DAY, HOUR, makeNote, MINUTE, NEXT_DAY, NOW, progressOf, serve } from './testing';

export interface RandomCollection {
	notes: NoteDecks[];
	progress: CardProgress[];
	/** Today's ratings (they use up some of the daily limits). */
	log: ReviewLogEntry[];
	settings: SchedulerSettings;
	/** Rows imported before their cards exist: kept under no deck. */
	early: CardProgress[];
}

/** Stores a collection in the open database: early rows, then the decks, then the rest. */
export async function storeCollection({ notes, progress, log, early }: RandomCollection): Promise<void> {
	await importProgress(early);
	await syncDecks(serve(notes).fetchJson);
	await importProgress(progress, log);
}

const LEARNING_DUES = [-2 * HOUR, -30 * MINUTE, -MINUTE, 0, 5 * MINUTE, 15 * MINUTE, 25 * MINUTE, 2 * HOUR, DAY];
const REVIEW_DUES = [-5 * DAY, -2 * DAY, -DAY, -HOUR, 0, 3 * HOUR, DAY, 3 * DAY];

/**
 * 1–3 notes of 3–150 cards; rows in every state with due times that tie, suspended and
 * buried ones, rows of cards gone from the notes, and random daily limits.
 */
export function randomCollection(seed: number): RandomCollection {
	const rng = mulberry32(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
	const notes = Array.from({ length: 1 + Math.floor(rng() * 3) }, (_, n) => {
		// Sometimes past the 64 cards sessionHead judges one by one at the start of a note.
		const count = pick([3, 12, 40, 90, 150]);
		const ids = Array.from({ length: count }, (_, i) => `n${n}c${i}`);
		const cut = Math.floor(rng() * count);
		return makeNote(`n${n}.md`, `h${n}`, [
			{ id: `n${n}`, cards: ids.slice(0, cut) },
			{ id: `n${n}-t`, parentId: `n${n}`, cards: ids.slice(cut) }
		]);
	});
	const studied = pick([0.2, 0.6, 0.95]);
	// Cards studied in note order: every note starts with a studied stretch, sometimes past the
	// 64 cards sessionHead judges one by one, with a few reset (new-state) rows in it.
	const stretch = pick([0, 0, 70, 120]);
	const progress: CardProgress[] = [];
	const ids = [...notes.flatMap((note) => note.cards.map((card) => card.id)), 'gone1', 'gone2', 'gone3'];
	for (const id of ids) {
		const inStretch = Number(id.slice(id.indexOf('c') + 1)) < stretch;
		const r = inStretch ? studied * (0.04 + rng() * 0.96) : rng();
		if (r > studied) continue;
		let row: CardProgress;
		if (r < studied * (inStretch ? 0.05 : 0.1)) row = newProgress(id);
		else if (r < studied * 0.35) {
			const state: CardStateKind = rng() < 0.5 ? LEARNING : RELEARNING;
			row = progressOf(id, { state, due: NOW + pick(LEARNING_DUES), scheduledDays: 0 });
		} else row = progressOf(id, { due: NOW + pick(REVIEW_DUES) });
		const extra = rng();
		if (extra < 0.07) row.suspended = 1;
		else if (extra < 0.12) row.buriedUntil = NEXT_DAY;
		else if (extra < 0.16) row.buriedUntil = NOW - HOUR;
		progress.push(row);
	}
	// Today's ratings use up some of the limits.
	const log: ReviewLogEntry[] = Array.from({ length: Math.floor(rng() * 4) }, (_, i) => ({
		...logRow(`today-${seed}-${i}`, pick(ids), rng() < 0.5 ? NEW : REVIEW)
	}));
	const settings: SchedulerSettings = {
		...DEFAULT_SETTINGS,
		newPerDay: pick([0, 1, 2, 3, 5, 20]),
		reviewsPerDay: pick([0, 1, 2, 4, 200]),
		learnAheadMinutes: pick([0, 20])
	};
	// Some rows arrive before their cards (a restore before the decks): kept under no deck.
	const early = progress.filter(() => rng() < 0.1);
	return { notes, progress, log, settings, early };
}

function logRow(id: string, cardId: string, stateBefore: CardStateKind): ReviewLogEntry {
	return {
		id,
		cardId,
		rating: 3,
		review: NOW - HOUR,
		stateBefore,
		stateAfter: REVIEW,
		elapsedDays: 0,
		scheduledDays: 1,
		due: NOW + DAY,
		stability: 1,
		difficulty: 5,
		durationMs: 3000,
		previous: null
	};
}
