/** Helpers for this folder's tests: a fresh fake IndexedDB per test and tiny hand-made notes. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Card, Deck, DeckIndex, NoteDecks } from '$lib/notes/types';
import {
	LEARNING,
	RELEARNING,
	REVIEW,
	type CardProgress,
	type CardStateKind,
	type Rating,
	type ReviewLogEntry
} from '$lib/scheduler/types';
import { cmp } from 'dexie';
import { openDatabase, read, write, type TabledeckDatabase } from './database';
import { addRatings, eachRatings, LOG_TABLES, ratingCount } from './log-store';
import { buryUntil, recordReview, setSuspended } from './progress';
import { newProgress, type QuizResult, type ReviewLogRow } from './rows';
import { syncDecks } from './sync';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 2025-03-10 12:00 UTC: tests pass every time in explicitly. */
export const NOW = Date.UTC(2025, 2, 10, 12);
/** The study day of NOW ends here (for tests that need no exact day start). */
export const NEXT_DAY = NOW + 12 * HOUR;

export function openTestDatabase(factory: IDBFactory = new IDBFactory()): Promise<TabledeckDatabase> {
	return openDatabase({ name: 'tabledeck-test', indexedDB: factory, IDBKeyRange });
}

/** Every stored rating in id order, read through log-store (whatever the log's layout). */
export function storedRatings(): Promise<ReviewLogRow[]> {
	return read(LOG_TABLES, async (db) => {
		const rows: ReviewLogRow[] = [];
		await eachRatings(db, (batch) => void rows.push(...batch));
		return rows.sort((a, b) => cmp(a.id, b.id));
	});
}

export const storedRatingCount = (): Promise<number> => read(LOG_TABLES, ratingCount);

/** Stores ratings as given, the way an older version or a restore could have. */
export const storeRatings = (rows: ReviewLogRow[]): Promise<void> => write(LOG_TABLES, (db) => addRatings(db, rows));

export interface DeckSpec {
	id: string;
	parentId?: string;
	cards?: string[];
	/** Answer text; changing it changes the card and the note's hash. */
	back?: string;
}

/** A note whose first deck is its root; `hash` is free-form, the tests set it on purpose. */
export function makeNote(file: string, hash: string, specs: DeckSpec[]): NoteDecks {
	const cards: Card[] = specs.flatMap((spec) =>
		(spec.cards ?? []).map((id) => ({
			id,
			deckId: spec.id,
			front: `<b>${id}</b>`,
			back: spec.back ?? `answer ${id}`,
			frontText: id,
			backText: spec.back ?? `answer ${id}`,
			source: { file, line: 1 },
			tableId: `t-${spec.id}`,
			rowKey: id,
			column: 'col',
			direction: 'forward' as const
		}))
	);
	const below = (id: string): string[] => [id, ...specs.filter((s) => s.parentId === id).flatMap((s) => below(s.id))];
	const pathOf = (spec: DeckSpec): string[] =>
		spec.parentId ? [...pathOf(specs.find((s) => s.id === spec.parentId)!), spec.id] : [spec.id];
	const decks: Deck[] = specs.map((spec) => ({
		id: spec.id,
		title: spec.id,
		parentId: spec.parentId ?? null,
		path: pathOf(spec),
		file,
		cardCount: cards.filter((c) => below(spec.id).includes(c.deckId)).length,
		hash: `${hash}-${spec.id}`
	}));
	return { schema: 1, file, hash, decks, cards };
}

export function makeIndex(notes: NoteDecks[]): DeckIndex {
	return {
		schema: 1,
		notes: notes.map((n) => ({
			file: n.file,
			json: `${n.decks[0].id}.json`,
			deckId: n.decks[0].id,
			cardCount: n.cards.length,
			hash: n.hash
		})),
		decks: notes.flatMap((n) => n.decks)
	};
}

/** A fetchJson serving these notes (and their index), recording every path asked for. */
export function serve(notes: NoteDecks[]) {
	const files = new Map<string, unknown>([['index.json', makeIndex(notes)]]);
	for (const n of notes) files.set(`${n.decks[0].id}.json`, structuredClone(n));
	const fetched: string[] = [];
	const fetchJson = async (path: string) => {
		fetched.push(path);
		if (!files.has(path)) throw new Error(`404 ${path}`);
		return structuredClone(files.get(path));
	};
	return { files, fetched, fetchJson };
}

/** Note "n1": n1 › svc › ext, n1 › probe. */
export function k8sNote(hash = 'h1', back?: string): NoteDecks {
	return makeNote('k8s.md', hash, [
		{ id: 'n1', cards: [] },
		{ id: 'svc', parentId: 'n1', cards: ['s1', 's2', 's3'], back },
		{ id: 'ext', parentId: 'svc', cards: ['e1', 'e2'] },
		{ id: 'probe', parentId: 'n1', cards: ['p1', 'p2'] }
	]);
}

/** Note "n2": n2 › logs. */
export function logsNote(hash = 'h2'): NoteDecks {
	return makeNote('logs.md', hash, [
		{ id: 'n2', cards: ['l0'] },
		{ id: 'logs', parentId: 'n2', cards: ['l1', 'l2'] }
	]);
}

export function progressOf(cardId: string, fields: Partial<CardProgress> = {}): CardProgress {
	return {
		...newProgress(cardId),
		state: REVIEW,
		due: NOW,
		stability: 5,
		difficulty: 5,
		reps: 3,
		lastReview: NOW - 5 * DAY,
		scheduledDays: 5,
		...fields
	};
}

let logCount = 0;

/** The log row of a rating that took `previous` to `next` at `review`. */
export function logOf(next: CardProgress, previous: CardProgress | null, review: number, rating: Rating = 3): ReviewLogEntry {
	return {
		id: `log-${++logCount}`,
		cardId: next.cardId,
		rating,
		review,
		stateBefore: (previous?.state ?? 0) as CardStateKind,
		stateAfter: next.state,
		elapsedDays: 0,
		scheduledDays: next.scheduledDays,
		due: next.due,
		stability: next.stability,
		difficulty: next.difficulty,
		durationMs: 4000,
		previous
	};
}

async function rate(progress: CardProgress) {
	await recordReview(progress, logOf(progress, null, NOW - HOUR));
}

/**
 * n1 › svc (s1 due review, s2 new, s3 learning) › ext (e1 relearning, e2 suspended review);
 * n1 › probe (p1 buried new, p2 review due in a month); n2 (l0 new) › logs (l1 hidden, l2 new).
 * Every rating was given an hour before NOW.
 */
export async function scenario() {
	await syncDecks(serve([k8sNote(), logsNote()]).fetchJson);
	await rate(progressOf('s1', { due: NOW - DAY }));
	await rate(progressOf('s3', { state: LEARNING, due: NOW + 10 * MINUTE }));
	await rate(progressOf('e1', { state: RELEARNING, due: NOW - MINUTE }));
	await rate(progressOf('e2', { due: NOW - DAY }));
	await setSuspended('e2', true);
	await buryUntil('p1', NEXT_DAY);
	await rate(progressOf('p2', { due: NOW + 30 * DAY }));
	await rate(progressOf('l1', { due: NOW - DAY }));
	const withoutL1 = makeNote('logs.md', 'h2b', [
		{ id: 'n2', cards: ['l0'] },
		{ id: 'logs', parentId: 'n2', cards: ['l2'] }
	]);
	await syncDecks(serve([k8sNote(), withoutL1]).fetchJson);
}

/** A finished one-question quiz, right answer, over card s1. */
export function quizResult(id: string, at: number, deckIds: string[]): QuizResult {
	const answer = {
		questionId: `${id}-1`,
		type: 'mcq' as const,
		prompt: 'ClusterIP · 설명?',
		given: '클러스터 내부',
		expected: '클러스터 내부',
		outcome: 'correct' as const,
		overruled: false,
		cardIds: ['s1']
	};
	return { id, at, deckIds, score: 1, total: 1, durationMs: 30_000, answers: [answer] };
}
