/**
 * The shape of every part of a backup (versions 1 and 2; a page of version 2's log is in ./page-check), checked with valibot, and the plausible range
 * of every value: times within a window around `now`, FSRS memory state within ts-fsrs' own
 * bounds, counts whole and non-negative. Rows are checked in batches as they are read; a
 * problem is reported with its section, row number and column. Checks that join two columns
 * (a due date before the last review) are in ./meaning.
 */
import * as v from 'valibot';
import { QUESTION_TYPES } from '$lib/quiz/types';
import { BACKUP_FORMAT, DUE_HORIZON, EARLIEST, PREVIOUS_COLUMNS, PROGRESS_COLUMNS, REVIEW_LOG_COLUMNS, REVIEW_SLACK } from './format';
import { isExamSettings, type ExamSettings } from '$lib/scheduler/exam-settings';
import { isValidSetting, SCHEDULER_KEYS } from '$lib/scheduler/settings';
import { MAX_NOTE_MB } from '$lib/notes/size';

/** Card ids made by the deck build are 16 hex digits; older or hand-made ones may differ, within reason. */
export const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Review-log and quiz ids: random (UUIDs), any printable text without spaces. */
export const ROW_ID = /^[\x21-\x7e]{1,100}$/;
const DAY = 86_400_000;
/** The sent-to-review list ends with the study day it was made in (a day, plus a clock ahead). */
const SENT_HORIZON = 2 * DAY;
/**
 * ts-fsrs' bounds (5.4.2, S_MIN, S_MAX and its difficulty clamp): any rating leaves stability
 * in [0.001, 36500] and difficulty in [1, 10]; a card never rated has both at 0.
 */
export const STABILITY_MIN = 0.001;
export const STABILITY_MAX = 36_500;
export const DIFFICULTY_MIN = 1;
export const DIFFICULTY_MAX = 10;
/** The longest interval a setting can ask for (maximumInterval's maximum). */
export const MAX_DAYS = 36_500;
/** Sane sizes for text and lists inside a row: far above anything the app writes. */
const MAX_TEXT = 100_000;
const MAX_LIST = 1_000_000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const number = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const nonNegative = v.pipe(number, v.minValue(0, 'must not be negative'));
export const count = v.pipe(nonNegative, v.integer('must be a whole number'));
const days = v.pipe(nonNegative, v.maxValue(MAX_DAYS, `must be at most ${MAX_DAYS} days`));
const state = v.picklist([0, 1, 2, 3], 'must be a card state: 0 new, 1 learning, 2 review or 3 relearning');
const stability = v.pipe(nonNegative, v.maxValue(STABILITY_MAX, `must be at most ${STABILITY_MAX} (FSRS' largest stability)`));
const difficulty = v.pipe(nonNegative, v.maxValue(DIFFICULTY_MAX, `must be at most ${DIFFICULTY_MAX}`));
const flag = v.picklist([0, 1], 'must be 0 or 1');
export const cardId = v.pipe(v.string('must be a card id'), v.regex(CARD_ID, 'is not a well-formed card id'));
const rowId = v.pipe(v.string('must be an id'), v.regex(ROW_ID, 'is not a well-formed id'));
const text = v.pipe(v.string('must be text'), v.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`));
const list = <T extends v.GenericSchema>(item: T, max = MAX_LIST) =>
	v.pipe(v.array(item), v.maxLength(max, `must hold at most ${max} items`));

/** A time (ms) from 2000 to `latest`; `orZero` also lets 0 stand for "none" (not due, not buried). */
export function time(latest: number, latestName: string, orZero = false) {
	return v.pipe(
		count,
		v.check((t) => (orZero && t === 0) || t >= EARLIEST, `must be a time after ${iso(EARLIEST)}${orZero ? ', or 0' : ''}`),
		v.maxValue(latest, `must not be after ${latestName}`)
	);
}

export function rowSchemas(now: number) {
	const reviewTime = time(now + REVIEW_SLACK, 'tomorrow');
	const dueTime = time(now + DUE_HORIZON, '100 years from now');
	const dueOrZero = time(now + DUE_HORIZON, '100 years from now', true);
	const previousItems = [
		dueOrZero, // due: 0 for a new card
		stability,
		difficulty,
		days, // elapsedDays
		days, // scheduledDays
		count, // learningSteps
		count, // reps
		count, // lapses
		state,
		v.nullable(reviewTime), // lastReview
		flag, // suspended
		dueOrZero // buriedUntil
	] as const;
	const progressRow = v.strictTuple([cardId, ...previousItems], `must be a list of ${PROGRESS_COLUMNS.length} values`);
	const previousRow = v.strictTuple([...previousItems], `must be null or a list of ${PREVIOUS_COLUMNS.length} values`);
	const reviewLogRow = v.strictTuple(
		[
			rowId,
			cardId,
			v.picklist([1, 2, 3, 4], 'must be a rating: 1, 2, 3 or 4'),
			reviewTime, // review
			state, // stateBefore
			state, // stateAfter
			days, // elapsedDays
			days, // scheduledDays
			dueTime, // due
			stability,
			difficulty,
			count, // durationMs
			v.nullable(previousRow)
		],
		`must be a list of ${REVIEW_LOG_COLUMNS.length} values`
	);
	// Strict objects: a quiz result holds these fields and no others, so nothing unchecked is stored.
	const answer = v.strictObject(
		{
			questionId: v.pipe(text, v.maxLength(1000, 'must be at most 1000 characters')),
			type: v.picklist(QUESTION_TYPES, `must be a question type: ${QUESTION_TYPES.join(', ')}`),
			prompt: text,
			given: text,
			expected: text,
			outcome: v.picklist(['correct', 'partial', 'wrong', 'skipped'], 'must be correct, partial, wrong or skipped'),
			overruled: v.boolean('must be true or false'),
			cardIds: list(cardId, 1000)
		},
		'must be a quiz answer'
	);
	const quizRow = v.strictObject(
		{
			id: rowId,
			at: reviewTime,
			deckIds: list(cardId, 10_000),
			score: count,
			total: count,
			durationMs: count,
			answers: list(answer)
		},
		'must be a quiz result'
	);
	const sentToReview = v.strictObject(
		{ until: time(now + SENT_HORIZON, 'the day after tomorrow'), cardIds: list(cardId) },
		'must be a list of cards sent to review'
	);
	return { progressRow, reviewLogRow, quizRow, header: header(now, sentToReview) };
}

const sameList = (expected: readonly string[]) =>
	v.pipe(
		v.array(v.string()),
		v.check((list) => list.length === expected.length && list.every((c, i) => c === expected[i]), `must be ${expected.join(', ')}`)
	);

/** Everything but the row sections. */
function header(now: number, sentToReview: v.GenericSchema<unknown, SentToReview>) {
	return v.object({
		format: v.literal(BACKUP_FORMAT),
		version: v.number(),
		exportedAt: v.pipe(
			v.string(),
			v.isoTimestamp('must be an ISO 8601 time'),
			v.check((at) => Date.parse(at) >= EARLIEST && Date.parse(at) <= now + REVIEW_SLACK, 'must be a time between 2000 and tomorrow')
		),
		// logPages: version 2's pages (reviewLog then counts the ratings in them).
		counts: v.object({ progress: count, reviewLog: count, logPages: v.optional(count), quizHistory: count }),
		columns: v.object({
			progress: sameList(PROGRESS_COLUMNS),
			reviewLog: sameList(REVIEW_LOG_COLUMNS),
			previous: sameList(PREVIOUS_COLUMNS)
		}),
		settings: v.pipe(
			v.record(v.string(), v.unknown()),
			v.check(
				(settings) => Object.entries(settings).every(([key, value]) => isValidSetting(key, value)),
				`holds a scheduler setting that is unknown or out of range (known: ${SCHEDULER_KEYS.join(', ')})`
			)
		),
		preferences: v.object({
			theme: v.optional(v.picklist(['system', 'light', 'dark'])),
			locale: v.optional(v.picklist(['system', 'en', 'ko']))
		}),
		// Since 2026-12 (still version 1: older files have none, and older apps ignore it).
		sentToReview: v.optional(v.nullable(sentToReview)),
		// Since 2026-12 too: the interview date setting, as its settings row holds it.
		exam: v.optional(
			v.custom<ExamSettings>(
				isExamSettings,
				'must be an interview date setting: a yyyy-mm-dd date or null, a target of 0.7–0.99 and deck dates'
			)
		)
	});
}

/** A note added in the app, as a backup carries it. */
export interface BackupNote {
	file: string;
	markdown: string;
}

/** UTF-16 units never outnumber UTF-8 bytes, so a note within MAX_NOTE_MB bytes passes; the builder checks bytes again. */
export const noteRow = v.strictObject(
	{
		file: v.pipe(v.string('must be a file name'), v.minLength(1, 'must not be empty'), v.maxLength(255, 'must be at most 255 characters')),
		markdown: v.pipe(v.string('must be text'), v.maxLength(MAX_NOTE_MB * 1024 * 1024, `must be at most ${MAX_NOTE_MB} MB`))
	},
	'must be a note: its file name and markdown'
);

export interface SentToReview {
	until: number;
	cardIds: string[];
}

export type BackupHeader = v.InferOutput<ReturnType<typeof header>>;

/** "reviewLog row 12, rating: must be a rating: 1, 2, 3 or 4 (found 5)"; `path` starts inside the row. */
export function describeIssue(
	where: string,
	columns: readonly string[] | null,
	issue: { message: string; input: unknown },
	path: unknown[]
): string {
	const names: string[] = [];
	if (columns && typeof path[0] === 'number') {
		const column = columns[path[0]] ?? `item ${path[0] + 1}`;
		const inner = path[1];
		names.push(column === 'previous' && typeof inner === 'number' ? `previous.${PREVIOUS_COLUMNS[inner]}` : column);
	} else {
		names.push(...path.map((key) => (typeof key === 'number' ? `item ${key + 1}` : String(key))));
	}
	const field = names.length ? `, ${names.join('.')}` : '';
	return `${where}${field}: ${issue.message} (found ${shortJson(issue.input)})`;
}

/** At most 60 characters of a value, without walking all of a big or deep one. */
export function shortJson(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return value.length === 0 ? '[]' : `a list of ${value.length}`;
	if (typeof value === 'object' && value !== null) return 'an object';
	return String(JSON.stringify(value)).slice(0, 60);
}
