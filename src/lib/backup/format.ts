/**
 * The backup file. One JSON object; the big sections hold rows as arrays in the column order
 * named in `columns` (half the size of objects, and much faster to read back). Version 2:
 *
 * {"format":"tabledeck-backup","version":2,"exportedAt":"2025-03-10T12:00:00.000Z",
 *  "columns":{"progress":[…],"reviewLog":[…],"previous":[…]},
 *  "settings":{"scheduler.newPerDay":20,…},"preferences":{"theme":"dark","locale":"system"},
 *  "sentToReview":{"until":1741651200000,"cardIds":["9a1e…"]},
 *  "progress":[
 *  ["3f0c…",1741608000000,…],
 *  …],
 *  "logPages":[
 *  [417,[["0b6e…","3f0c…",3,1741600000000,…],…]],
 *  …],
 *  "quizHistory":[{…}],
 *  "counts":{"progress":2,"logPages":1,"reviewLog":3,"quizHistory":0}}
 *
 * `progress` lists every card the file knows, including cards reset to new (state 0, no
 * last review), so every rating names a card listed there. A rating is a row in the
 * `reviewLog` columns; its `previous` is the card's progress before the rating (progress
 * columns without the card id), or null.
 *
 * `logPages` holds the review log as the app stores it (db/log-page.ts), a page a line:
 * [shard, ratings], 1 to PAGE_CAP (500) ratings in the order they were stored, every one of a
 * card in `shard` (FNV-1a, 32 bits, of the card id's UTF-16 units, mod 1,024: log-page.ts
 * shardOf). The app writes the pages as it stores them, by shard, then page; a restore into an
 * empty log numbers each shard's pages in file order and stores them as they come, and into a log
 * that holds ratings merges them by id as for version 1. `counts.logPages` is the number of pages,
 * `counts.reviewLog` the number of ratings in them. Every rating passes version 1's rules, so none
 * holds a value JSON cannot (a stored odd row, log-page.ts: NaN, ±Infinity, a Date): a log holding
 * one exports a file this app refuses, as version 1's export did. A "-0" in the file is read as -0
 * and stored among its page's odd rows (an export writes a stored -0 as 0, as JSON.stringify does).
 *
 * Version 1 (files made before December 2026) is the same but for the log: a `reviewLog`
 * section of one rating a line, in any order, and no `logPages`. This app reads both, and
 * writes version 1 only for a writer given review-log rows (tests and benchmarks).
 *
 * `sentToReview` (added in December 2026 to version 1, optional, null when empty) is the list of
 * new cards sent to today's review and the end of the study day it holds for. Files without it
 * still import, and an app from before it reads newer files and ignores it.
 *
 * `exam` (added in December 2026 to version 1, optional in the same way) is the interview date setting:
 * {"date":"2026-12-20","target":0.9,"decks":{"<deck id>":"2026-12-18"}}.
 *
 * `notes` (added in December 2026 to version 1, optional, left out when empty) holds the notes added in the
 * app, as their markdown: [{"file":"http-basics.md","markdown":"# HTTP basics\n…"}]. Their decks
 * and cards are not in the file: a restore builds them again, with the same ids. This app reads
 * it element by element; an app from before it reads it whole (up to MAX_VALUE_CHARS) and drops it.
 */
import type { CardProgress, ReviewLogEntry } from '$lib/scheduler/types';

export const BACKUP_FORMAT = 'tabledeck-backup';
/** The version this app writes; it reads every one of BACKUP_VERSIONS. */
export const BACKUP_VERSION = 2;
export const BACKUP_VERSIONS: readonly number[] = [1, 2];

export const PROGRESS_COLUMNS = [
	'cardId',
	'due',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'state',
	'lastReview',
	'suspended',
	'buriedUntil'
] as const;

export const PREVIOUS_COLUMNS = PROGRESS_COLUMNS.slice(1);

export const REVIEW_LOG_COLUMNS = [
	'id',
	'cardId',
	'rating',
	'review',
	'stateBefore',
	'stateAfter',
	'elapsedDays',
	'scheduledDays',
	'due',
	'stability',
	'difficulty',
	'durationMs',
	'previous'
] as const;

// Which times are plausible is one rule for backups, sync and the log's readers: it lives with the study clock.
export { DUE_HORIZON, EARLIEST, REVIEW_SLACK } from '$lib/scheduler/time';

/**
 * How deep the file nests, the top object being 1: quizHistory › a result › answers › an
 * answer › its cardIds is 6, and so is logPages › a page › its ratings › a rating › its previous.
 * A reader refuses anything deeper before building it.
 */
export const FORMAT_DEPTH = 6;
/** The longest text of one row or one header member (JSON characters): a quiz of every card fits. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;
/**
 * The most rows a section may hold: ten times the 100k cards and twice the 1M ratings the app
 * is built for (2M ratings are 27 years of 200 a day), so that a file cannot fill the memory.
 * The ratings in `logPages` count against `reviewLog`'s limit.
 */
export const MAX_ROWS = { progress: 1_000_000, reviewLog: 2_000_000, logPages: 2_000_000, quizHistory: 100_000 } as const;
/** The most notes a backup may carry: their markdown is held in memory until restored. */
export const MAX_NOTES = 1_000;

/** Sections written as one array element per line, and read back in batches (logPages: a page a line). */
export const ROW_SECTIONS = ['progress', 'reviewLog', 'logPages', 'quizHistory'] as const;
export type RowSection = (typeof ROW_SECTIONS)[number];

export type ProgressTuple = [
	cardId: string,
	due: number,
	stability: number,
	difficulty: number,
	elapsedDays: number,
	scheduledDays: number,
	learningSteps: number,
	reps: number,
	lapses: number,
	state: CardProgress['state'],
	lastReview: number | null,
	suspended: 0 | 1,
	buriedUntil: number
];

type Rest<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
export type PreviousTuple = Rest<ProgressTuple>;

export type ReviewLogTuple = [
	id: string,
	cardId: string,
	rating: ReviewLogEntry['rating'],
	review: number,
	stateBefore: ReviewLogEntry['stateBefore'],
	stateAfter: ReviewLogEntry['stateAfter'],
	elapsedDays: number,
	scheduledDays: number,
	due: number,
	stability: number,
	difficulty: number,
	durationMs: number,
	previous: PreviousTuple | null
];

/** A page of `logPages`: a shard and its ratings. */
export type LogPageTuple = [shard: number, ratings: ReviewLogTuple[]];

export function toProgressTuple(p: CardProgress): ProgressTuple {
	return [p.cardId, ...toPreviousTuple(p)];
}

function toPreviousTuple(p: CardProgress): PreviousTuple {
	return [
		p.due,
		p.stability,
		p.difficulty,
		p.elapsedDays,
		p.scheduledDays,
		p.learningSteps,
		p.reps,
		p.lapses,
		p.state,
		p.lastReview,
		p.suspended,
		p.buriedUntil
	];
}

export function fromProgressTuple(t: ProgressTuple): CardProgress {
	return fromPreviousTuple(t[0], t.slice(1) as PreviousTuple);
}

function fromPreviousTuple(cardId: string, t: PreviousTuple): CardProgress {
	const [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil] =
		t;
	return {
		cardId,
		due,
		stability,
		difficulty,
		elapsedDays,
		scheduledDays,
		learningSteps,
		reps,
		lapses,
		state,
		lastReview,
		suspended,
		buriedUntil
	};
}

export function toReviewLogTuple(log: ReviewLogEntry): ReviewLogTuple {
	return [
		log.id,
		log.cardId,
		log.rating,
		log.review,
		log.stateBefore,
		log.stateAfter,
		log.elapsedDays,
		log.scheduledDays,
		log.due,
		log.stability,
		log.difficulty,
		log.durationMs,
		log.previous === null ? null : toPreviousTuple(log.previous)
	];
}

export function fromReviewLogTuple(t: ReviewLogTuple): ReviewLogEntry {
	const [
		id,
		cardId,
		rating,
		review,
		stateBefore,
		stateAfter,
		elapsedDays,
		scheduledDays,
		due,
		stability,
		difficulty,
		durationMs,
		previous
	] = t;
	return {
		id,
		cardId,
		rating,
		review,
		stateBefore,
		stateAfter,
		elapsedDays,
		scheduledDays,
		due,
		stability,
		difficulty,
		durationMs,
		previous: previous === null ? null : fromPreviousTuple(cardId, previous)
	};
}
