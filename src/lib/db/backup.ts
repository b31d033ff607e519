/**
 * Backup export and restore. Export reads every progress table in one read transaction, in
 * slices along the primary keys, into a BackupWriter: the log as its stored pages (a version-2
 * file). Restore merges a checked backup in one read-write transaction: review-log rows and quiz
 * results join by id (a row already present is skipped, so a second import changes nothing), and
 * a card's state is the one with the later last review; into an empty log, a version-2 file's
 * pages are stored as they come (fillLog), with nothing to join. Whatever the database holds, a
 * checked backup restores: a stored last review that cannot be right (in the future, before 2000,
 * not a time) never wins.
 */
import {
	EARLIEST,
	fromProgressTuple,
	fromReviewLogTuple,
	REVIEW_SLACK,
	toProgressTuple,
	toReviewLogTuple,
	type LogPageTuple,
	type ProgressTuple,
	type ReviewLogTuple
} from '$lib/backup/format';
import type { ParsedBackup } from '$lib/backup/read';
import { isValidSetting, SCHEDULER_KEYS } from '$lib/scheduler/settings';
import type { BackupNote, SentToReview } from '$lib/backup/schema';
import { EXAM_KEY, examFrom, examOn, type ExamSettings } from '$lib/scheduler/exam-settings';
import type { BackupWriter } from '$lib/backup/write';
import { CARD_TABLES, placesById } from './card-store';
import { read, write, type Tables } from './database';
import {
	countBetween,
	eachPages,
	eachRatings,
	fillLog,
	LOG_TABLES,
	logIsEmpty,
	mergeRatingBatches,
	type FillPage,
	type LogTables
} from './log-store';
import { PAGE_CAP, shardOf, type StoredEntry } from './log-page';
import { newProgress, toProgressRow, toReviewLogRow, type Placement, type ProgressKey, type ProgressRow, type ReviewLogRow } from './rows';
import { absentDeviceNotes, putDeviceNote, type CarriedNote } from './device-notes';
import { CONVERTED_KEY } from './sync-keys';
import { SENT_KEY, sentList } from './sent';
import { SCHEDULER_PREFIX } from './settings';

const SLICE = 10_000;
/**
 * Progress rows a restore writes at once. Each write waits for the one before (the deck totals'
 * middleware keeps them in turn), and IndexedDB idles while the next is made: 70k records in
 * slices of 10k took 4.1–5.0 s, in one 3.9 s (BENCHMARKS.md "The import under 10 s").
 */
const PROGRESS_SLICE = 50_000;

/** Every progress row, SLICE at a time along the primary key, so a million rows never sit in memory at once. */
async function eachProgressSlice(db: Tables, visit: (rows: ProgressRow[]) => void): Promise<void> {
	let lastKey: ProgressKey | null = null;
	for (;;) {
		const rows: ProgressRow[] = await (lastKey ? db.progress.where(':id').above(lastKey) : db.progress.toCollection())
			.limit(SLICE)
			.toArray();
		if (rows.length === 0) return;
		visit(rows);
		lastKey = [rows.at(-1)!.deckId, rows.at(-1)!.cardId];
	}
}
const NOWHERE: Placement = { deckId: '', noteId: '', live: 0 };

/** The stored scheduler settings as a backup holds them (without the key prefix). */
export function backupSettings(): Promise<Record<string, unknown>> {
	return read(['settings'], async (db) => {
		const rows = await db.settings.where('key').startsWith(SCHEDULER_PREFIX).toArray();
		const settings: Record<string, unknown> = {};
		for (const { key, value } of rows) {
			const name = key.slice(SCHEDULER_PREFIX.length);
			if (isValidSetting(name, value)) settings[name] = value;
		}
		return settings;
	});
}

/** The interview date setting, as a backup holds it; null when no date is set. */
export function backupExam(): Promise<ExamSettings | null> {
	return read(['settings'], async (db) => {
		const exam = examFrom((await db.settings.get(EXAM_KEY))?.value);
		return examOn(exam) ? exam : null;
	});
}

/** The notes added in the app, as a backup carries them, in the order they were added. */
export function backupNotes(): Promise<BackupNote[]> {
	return read(['notes'], async (db) =>
		(await db.notes.toArray())
			.filter((row) => row.source === 'device')
			.sort((a, b) => a.pos - b.pos)
			.map((row) => ({ file: row.file, markdown: row.markdown ?? '' }))
	);
}

/** The cards sent to today's review, as a backup holds them; null when there are none. */
export function backupSentToReview(now: number): Promise<SentToReview | null> {
	return read(['settings'], async (db) => {
		const value = (await db.settings.get(SENT_KEY))?.value;
		const cardIds = sentList(value, now);
		return cardIds.length ? { until: (value as SentToReview).until, cardIds } : null;
	});
}

/**
 * How far an export or a restore has got: rows moved so far of all it moves, after each slice.
 * A million reviews take minutes here (see BENCHMARKS.md), too long to wait without a sign.
 */
export type OnProgress = (done: number, total: number) => void;

/** Fills `writer` with every card's progress, the whole review log and the quiz history. */
export function exportBackup<P>(writer: BackupWriter<P>, onProgress: OnProgress = () => {}): Promise<void> {
	return read(['progress', ...LOG_TABLES, 'quizHistory'], async (db) => {
		// The log's size from its counts by time (one row), not by reading every page: ratings with
		// no finite review are in no count, so the total grows to what is done if they are found.
		const [progressRows, logRows] = await Promise.all([db.progress.count(), countBetween(db, -Infinity, Infinity)]);
		let total = progressRows + logRows.ratings;
		let done = 0;
		const moved = (rows: number) => {
			done += rows;
			total = Math.max(total, done);
			onProgress(done, total);
		};
		const listed = new Set<string>();
		await eachProgressSlice(db, (rows) => {
			writer.rows('progress', rows.map(toProgressTuple));
			for (const row of rows) listed.add(row.cardId);
			moved(rows.length);
		});
		// A card reset to new has no progress row but keeps its log: list it as new.
		const reset = new Set<string>();
		await eachPages(db, (pages) => {
			let ratings = 0;
			for (const { rows } of pages) {
				writer.pages(filePages(rows));
				for (const row of rows) if (!listed.has(row.cardId)) reset.add(row.cardId);
				ratings += rows.length;
			}
			moved(ratings);
		});
		writer.rows(
			'progress',
			[...reset].map((cardId) => toProgressTuple(newProgress(cardId)))
		);
		writer.rows('quizHistory', await db.quizHistory.orderBy('at').toArray());
	});
}

/**
 * A stored page as the file's pages: its ratings in stored order, by their card's shard (a page
 * of ours holds one shard's, but a row written anywhere goes where the reader looks for it), at
 * most PAGE_CAP a page.
 */
function filePages(rows: ReviewLogRow[]): LogPageTuple[] {
	const shards = new Map<number, ReviewLogTuple[]>();
	for (const row of rows) {
		const shard = shardOf(row.cardId);
		let tuples = shards.get(shard);
		if (!tuples) shards.set(shard, (tuples = []));
		tuples.push(toReviewLogTuple(row));
	}
	const pages: LogPageTuple[] = [];
	for (const [shard, tuples] of shards)
		for (let i = 0; i < tuples.length; i += PAGE_CAP) pages.push([shard, tuples.slice(i, i + PAGE_CAP)]);
	return pages;
}

export interface RestorePlan {
	/** Cards with no progress here that the backup adds. */
	cardsAdded: number;
	/** Cards whose progress the backup replaces (its last review is later). */
	cardsUpdated: number;
	reviewsAdded: number;
	/** Review-log rows of the backup already here. */
	reviewsPresent: number;
	quizAdded: number;
	/** Cards the backup adds to today's list of cards sent to review. */
	sentAdded: number;
	/** The backup's scheduler settings differ from the ones in use. */
	settingsChanged: boolean;
	/** Notes added in the app that the backup adds here (a note already here stays as it is). */
	notesAdded: string[];
}

interface Plan extends RestorePlan {
	progress: { tuple: ProgressTuple; place: Placement | null }[];
	/** Indexes into backup.reviewLog of the rows to add. */
	newLogRows: number[];
	/** The log held nothing when planned (the restore's transaction keeps it so until the log is written). */
	logEmpty: boolean;
	placeOf: (cardId: string) => Placement;
	/** Today's sent-to-review list after the restore, when the backup adds to it. */
	sent: SentToReview | null;
}

const isPlainNew = (t: ProgressTuple) => t[9] === 0 && t[7] === 0 && t[10] === null && t[11] === 0 && t[12] === 0;
/** The later last review wins; one that cannot be right (another app's bug, a forged file) loses to any. */
function lastReviewOf(t: unknown, now: number): number {
	return typeof t === 'number' && t >= EARLIEST && t <= now + REVIEW_SLACK ? t : -1;
}

/** `added`: the backup's notes this database lacks (a restore stores them before it plans). */
async function plan(db: Tables, backup: ParsedBackup, added: CarriedNote[]): Promise<Plan> {
	const existing = new Map<string, ProgressRow>();
	await eachProgressSlice(db, (rows) => {
		for (const row of rows) existing.set(row.cardId, row);
	});
	// Where cards without progress here belong: their card's deck, or nowhere (hidden) until a sync finds them.
	const unplaced = [...new Set([...backup.progress.map((t) => t[0]), ...backup.reviewLog.map((t) => t[1])])].filter(
		(id) => !existing.has(id)
	);
	const cards = await placesById(db, unplaced);
	const places = new Map<string, Placement>();
	cards.forEach((card, i) => card && places.set(unplaced[i], { deckId: card.deckId, noteId: card.noteId, live: 1 }));
	const placeOf = (cardId: string): Placement => existing.get(cardId) ?? places.get(cardId) ?? NOWHERE;

	const progress: Plan['progress'] = [];
	let cardsAdded = 0;
	for (const tuple of backup.progress) {
		const here = existing.get(tuple[0]);
		if (!here) {
			if (isPlainNew(tuple)) continue;
			cardsAdded++;
			progress.push({ tuple, place: null });
		} else if (lastReviewOf(tuple[10], backup.checkedAt) > lastReviewOf(here.lastReview, backup.checkedAt)) {
			progress.push({ tuple, place: here });
		}
	}
	const logEmpty = await logIsEmpty(db);
	const newLogRows = logEmpty ? backup.reviewLog.map((_, i) => i) : await absentLogRows(db, backup.reviewLog, backup.logIdsAscending);
	const quizIds = backup.quizHistory.map((q) => q.id);
	const quizPresent = (await db.quizHistory.bulkGet(quizIds)).filter((q) => q !== undefined).length;
	const current = await db.settings.bulkGet(SCHEDULER_KEYS.map((key) => SCHEDULER_PREFIX + key));
	const examNow = (await db.settings.get(EXAM_KEY))?.value;
	const settingsChanged =
		SCHEDULER_KEYS.some(
			(key, i) => key in backup.header.settings && JSON.stringify(current[i]?.value) !== JSON.stringify(backup.header.settings[key])
		) ||
		(backup.header.exam !== undefined && JSON.stringify(examFrom(examNow)) !== JSON.stringify(backup.header.exam));
	const sent = sentAfter(await db.settings.get(SENT_KEY), backup);
	return {
		cardsAdded,
		cardsUpdated: progress.length - cardsAdded,
		reviewsAdded: newLogRows.length,
		reviewsPresent: backup.reviewLog.length - newLogRows.length,
		quizAdded: quizIds.length - quizPresent,
		sentAdded: sent ? sent.added : 0,
		settingsChanged,
		notesAdded: added.map((carried) => carried.file),
		progress,
		newLogRows,
		logEmpty,
		placeOf,
		sent: sent?.list ?? null
	};
}

/**
 * Today's sent-to-review list joined with the backup's, when the backup's still holds (its
 * study day has not ended) and adds a card: the cards already listed here first. A list
 * from a day that is over means nothing any more and is left out.
 */
function sentAfter(stored: { value: unknown } | undefined, backup: ParsedBackup): { list: SentToReview; added: number } | null {
	const theirs = backup.header.sentToReview;
	const now = backup.checkedAt;
	if (!theirs || theirs.until <= now) return null;
	const ours = sentList(stored?.value, now);
	const cardIds = [...new Set([...ours, ...theirs.cardIds])];
	if (cardIds.length === ours.length) return null;
	const until = ours.length ? (stored!.value as SentToReview).until : theirs.until;
	return { list: { until, cardIds }, added: cardIds.length - ours.length };
}

/** Indexes of `log`'s rows in ascending id order (the backup's ids are unique: read.ts checks). */
function idOrder(log: ReviewLogTuple[], ascending: boolean): number[] {
	const order = log.map((_, i) => i);
	if (!ascending) order.sort((a, b) => (log[a][0] < log[b][0] ? -1 : 1));
	return order;
}

/**
 * Which rows' ids are not stored yet, in backup order. The stored log is walked once, a batch
 * at a time (only a batch in memory), each id looked up among the backup's sorted ids. (An empty
 * log is not asked: every row is absent, and 1M ids need no sort, ~0.7 s.)
 */
async function absentLogRows(db: LogTables, log: ReviewLogTuple[], ascending: boolean): Promise<number[]> {
	if (log.length === 0) return [];
	const order = idOrder(log, ascending);
	const present = new Uint8Array(log.length);
	await eachRatings(db, (rows) => {
		for (const { id } of rows) {
			let [lo, hi] = [0, order.length - 1];
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				const at = log[order[mid]][0];
				if (at === id) {
					present[order[mid]] = 1;
					break;
				}
				if (at < id) lo = mid + 1;
				else hi = mid - 1;
			}
		}
	});
	return log.map((_, i) => i).filter((i) => present[i] === 0);
}

/**
 * The rows to add (`indexes` into `log`) as review-log rows, `slice` or a little more at a time,
 * grouped by the shard of their card (a shard's rows are never split between batches), in
 * ascending id order within a shard. Rows are made as each batch is asked.
 */
export function* byShard(
	log: ReviewLogTuple[],
	indexes: number[],
	placeOf: (cardId: string) => Placement,
	slice = SLICE
): Generator<ReviewLogRow[]> {
	const shards = indexes.map((index) => shardOf(log[index][1]));
	const order = indexes.map((_, i) => i).sort((a, b) => shards[a] - shards[b] || (log[indexes[a]][0] < log[indexes[b]][0] ? -1 : 1));
	let batch: ReviewLogRow[] = [];
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const row = fromReviewLogTuple(log[indexes[i]]);
		batch.push(toReviewLogRow(row, placeOf(row.cardId).deckId));
		const next = order[k + 1];
		if (batch.length >= slice && (next === undefined || shards[next] !== shards[i])) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}

/** Whether a list holds -0: the one value of a checked rating (strings, null, finite numbers) that its JSON would change. A loop: `some` with a callback took 0.7 s over a million ratings. */
function holdsNegativeZero(values: readonly unknown[]): boolean {
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (value === 0 && 1 / value < 0) return true;
	}
	return false;
}

/**
 * A version-2 file's pages (`pages` over `log`) as the log stores them, `slice` ratings or a
 * little more a batch: each rating's tuple is a page's JSON entry once its deck id is added (the
 * file's rating columns are the first of log-page.ts STORED_COLUMNS, and a checked rating holds
 * only what JSON holds exactly), so no row is made; but a rating holding -0, which its JSON would
 * change, is made a row and goes to the page's odd rows, as encodePage would put it.
 */
function* asStored(
	log: ReviewLogTuple[],
	pages: { shard: number; count: number }[],
	placeOf: (cardId: string) => Placement,
	slice = SLICE
): Generator<FillPage[]> {
	let batch: FillPage[] = [];
	let size = 0;
	let at = 0;
	for (const { shard, count } of pages) {
		const entries: StoredEntry[] = [];
		const odd: ReviewLogRow[] = [];
		for (let i = at; i < at + count; i++) {
			const t = log[i];
			const deckId = placeOf(t[1]).deckId;
			if (holdsNegativeZero(t) || (t[12] !== null && holdsNegativeZero(t[12]))) odd.push(toReviewLogRow(fromReviewLogTuple(t), deckId));
			// Written out: a spread ([...t, deckId]) took 0.45 s over a million ratings, this 0.04 s.
			else entries.push([t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], deckId]);
		}
		at += count;
		batch.push({ shard, entries, odd });
		if ((size += count) >= slice) {
			yield batch;
			[batch, size] = [[], 0];
		}
	}
	if (batch.length > 0) yield batch;
}

/**
 * What restoring `backup` would change; changes nothing. `notes`: the backup's notes as the
 * builder made them here (import/backup-notes.ts); one whose decks another note owns throws NoteClashError.
 */
export function previewRestore(backup: ParsedBackup, notes: CarriedNote[] = []): Promise<RestorePlan> {
	return read(['notes', 'decks', ...CARD_TABLES, ...LOG_TABLES, 'progress', 'quizHistory', 'settings'], async (db) =>
		summary(await plan(db, backup, await absentDeviceNotes(db, notes)))
	);
}

function summary(p: Plan): RestorePlan {
	const { cardsAdded, cardsUpdated, reviewsAdded, reviewsPresent, quizAdded, sentAdded, settingsChanged, notesAdded } = p;
	return { cardsAdded, cardsUpdated, reviewsAdded, reviewsPresent, quizAdded, sentAdded, settingsChanged, notesAdded };
}

/** Merges `backup` (and its `notes`, as for previewRestore) into the database in one transaction: all of it, or (on any error) none of it. */
export function restoreBackup(backup: ParsedBackup, onProgress: OnProgress = () => {}, notes: CarriedNote[] = []): Promise<RestorePlan> {
	return write(['notes', 'decks', ...CARD_TABLES, ...LOG_TABLES, 'progress', 'quizHistory', 'settings'], async (db) => {
		// Marks for the benchmarks (bench:stats reads them): where a restore's time goes.
		performance.mark('tabledeck:restore-start');
		const added = await absentDeviceNotes(db, notes);
		for (const carried of added) await putDeviceNote(db, carried.file, carried.markdown, carried.note);
		// Planned with the notes stored: their cards are where the backup's progress is placed.
		const p = await plan(db, backup, added);
		performance.mark('tabledeck:restore-planned');
		const total = p.progress.length + p.newLogRows.length;
		let done = 0;
		for (let i = 0; i < p.progress.length; i += PROGRESS_SLICE) {
			const slice = p.progress.slice(i, i + PROGRESS_SLICE);
			const row = ({ tuple, place }: Plan['progress'][number]) => toProgressRow(fromProgressTuple(tuple), place ?? p.placeOf(tuple[0]));
			// A card with no row here (the plan read them all) is added: no row to replace, so the
			// deck totals' middleware reads none (a put reads every key it writes first).
			await db.progress.bulkAdd(slice.filter(({ place }) => place === null).map(row));
			await db.progress.bulkPut(slice.filter(({ place }) => place !== null).map(row));
			onProgress((done += slice.length), total);
		}
		performance.mark('tabledeck:restore-progress');
		const logged = (count: number) => onProgress((done += count), total);
		if (backup.logPages && p.newLogRows.length > 0 && p.logEmpty) {
			// A version-2 file's pages into an empty log: stored as they come, with nothing to join.
			await fillLog(db, asStored(backup.reviewLog, backup.logPages, p.placeOf), logged);
		} else {
			// Shard by shard, in ascending id order within each: every shard's pages are read and written
			// once (batches in id order touched every shard each), the counts by time once at the end.
			await mergeRatingBatches(db, byShard(backup.reviewLog, p.newLogRows, p.placeOf), (rows) => logged(rows.length));
		}
		performance.mark('tabledeck:restore-log');
		const present = new Set((await db.quizHistory.bulkGet(backup.quizHistory.map((q) => q.id))).map((q) => q?.id));
		await db.quizHistory.bulkAdd(backup.quizHistory.filter((q) => !present.has(q.id)));
		const settings = Object.entries(backup.header.settings).map(([key, value]) => ({ key: SCHEDULER_PREFIX + key, value }));
		await db.settings.bulkPut(settings);
		if (p.sent) await db.settings.put({ key: SENT_KEY, value: p.sent });
		if (backup.header.exam) await db.settings.put({ key: EXAM_KEY, value: backup.header.exam });
		// Restored ratings and quizzes have no sync events yet: the next sync makes them (convertLegacy).
		if (p.newLogRows.length > 0 || backup.quizHistory.length > 0) await db.settings.put({ key: CONVERTED_KEY, value: false });
		return summary(p);
	});
}
