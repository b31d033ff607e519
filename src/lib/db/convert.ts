/**
 * History written before sync existed (or restored since) becomes sync events, once, when sync
 * runs: a `legacy.<id>` rating per review-log row, a quiz event per quiz result, and the events
 * that the stored progress implies but no row records (a reset, a suspension, a bury, cards
 * sent to today's review). Idempotent and sliced (the log in one transaction, quizzes and cards
 * in slices): cut off anywhere, it simply runs again.
 */
import { replayCard } from '$lib/scheduler/replay';
import { NEW, type SchedulerSettings } from '$lib/scheduler/types';
import { eventsFromQuizHistory, eventsFromReviewLog } from '$lib/sync/legacy';
import type { CardEvent, SyncEvent } from '$lib/sync/events';
import { MAX_KEY, MIN_KEY, read, write, type Tables } from './database';
import { cardRatings, eachRatings, LOG_TABLES, type LogTables } from './log-store';
import { maker } from './device';
import { journal } from './journal';
import { findProgressRow } from './progress';
import { SENT_KEY, sentList, type SentList } from './sent';
import { CONVERTED_KEY } from './sync-keys';

const SLICE = 2_000;
const CARD_SLICE = 200;

export interface Conversion {
	events: number;
	problems: string[];
}

export async function convertLegacy(settings: SchedulerSettings, now: number): Promise<Conversion> {
	const done = await read(['settings'], async (db) => (await db.settings.get(CONVERTED_KEY))?.value === true);
	const result: Conversion = { events: 0, problems: [] };
	if (done) return result;
	const cardIds = new Set<string>();
	// The log in one transaction, a batch at a time (log-store gives no place to resume from).
	await write([...LOG_TABLES, 'events'], (db) =>
		eachRatings(db, async (rows) => {
			for (const row of rows as { cardId?: unknown }[]) if (typeof row.cardId === 'string') cardIds.add(row.cardId);
			await journalFresh(db, eventsFromReviewLog(rows, now));
		})
	);
	await walk((rows) => eventsFromQuizHistory(rows, now));
	for (const key of await read(['progress'], (db) => db.progress.orderBy('cardId').uniqueKeys())) {
		if (typeof key === 'string') cardIds.add(key);
	}
	const ids = [...cardIds];
	for (let i = 0; i < ids.length; i += CARD_SLICE) {
		result.events += await write([...LOG_TABLES, 'progress', 'events', 'settings'], async (db) => {
			const made: SyncEvent[] = [];
			for (const cardId of ids.slice(i, i + CARD_SLICE)) made.push(...(await stateEvents(db, cardId, settings, now)));
			await journal(db, made);
			return made.length;
		});
	}
	await write(['settings'], (db) => db.settings.put({ key: CONVERTED_KEY, value: true }));
	return result;

	/** Journals the converted events not journaled yet. */
	async function journalFresh(db: Pick<Tables, 'events'>, { events, problems }: { events: SyncEvent[]; problems: string[] }) {
		result.problems.push(...problems);
		const present = await db.events.bulkGet(events.map((event) => event.id));
		const fresh = events.filter((_, k) => !present[k]);
		await journal(db, fresh);
		result.events += fresh.length;
	}

	/** The quiz history, a slice per transaction. */
	async function walk(convert: (rows: unknown[]) => { events: SyncEvent[]; problems: string[] }): Promise<void> {
		let after: string | undefined;
		for (;;) {
			const count = await write(['quizHistory', 'events'], async (db) => {
				const source = db.quizHistory;
				const rows = await (after === undefined ? source.orderBy(':id') : source.where(':id').above(after)).limit(SLICE).toArray();
				if (rows.length === 0) return 0;
				after = rows[rows.length - 1].id;
				await journalFresh(db, convert(rows));
				return rows.length;
			});
			if (count < SLICE) return;
		}
	}
}

/**
 * The events the card's stored state implies beyond its ratings: a reset before a rating that
 * started from a new card again, a reset after the last one, and the card's suspension, bury
 * and place in today's sent list, so that replaying its events gives what is stored.
 */
async function stateEvents(
	db: LogTables & Pick<Tables, 'progress' | 'events' | 'settings'>,
	cardId: string,
	settings: SchedulerSettings,
	now: number
): Promise<CardEvent[]> {
	const [row, logRows, events, sent] = await Promise.all([
		findProgressRow(db, cardId),
		cardRatings(db, cardId),
		db.events.where('[cardId+at]').between([cardId, MIN_KEY], [cardId, MAX_KEY]).toArray(),
		db.settings.get(SENT_KEY)
	]);
	const make = maker();
	const made: CardEvent[] = [];
	logRows.forEach((log, i) => {
		const fresh = log.previous === null || log.previous?.state === NEW;
		if (i === 0 || !fresh || typeof log.review !== 'number') return;
		// Journaled since the journal began: the reset is there already.
		const since = logRows[i - 1].review;
		const journaled = events.some((e) => e.type === 'reset' && e.at > since && e.at <= (log.review as number));
		if (!journaled) made.push(make.reset(cardId, Math.max(1, log.review - 1)));
	});
	const replayed = replayCard(cardId, [...events, ...made], settings, now).progress;
	const stored = row ?? null;
	if ((stored?.state ?? NEW) === NEW && (stored?.reps ?? 0) === 0 && replayed && replayed.state !== NEW) made.push(make.reset(cardId, now));
	const suspended = stored?.suspended ?? 0;
	if (suspended !== (replayed?.suspended ?? 0)) made.push(suspended ? make.suspend(cardId, now) : make.unsuspend(cardId, now));
	const buried = stored && stored.buriedUntil > now ? stored.buriedUntil : 0;
	if (buried !== ((replayed?.buriedUntil ?? 0) > now ? replayed!.buriedUntil : 0)) {
		made.push(buried ? make.bury(cardId, now, buried) : make.unbury(cardId, now));
	}
	const list = sent?.value as SentList | undefined;
	if (sentList(list, now).includes(cardId) && !events.some((e) => e.type === 'send')) made.push(make.send(cardId, now, list!.until));
	return made;
}
