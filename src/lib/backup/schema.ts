/**
 * The shape of every part of a version-1 backup, checked with valibot. Rows are checked in
 * batches as they are read; a problem is reported with its section, row number and column.
 */
import * as v from 'valibot';
import { BACKUP_FORMAT, PREVIOUS_COLUMNS, PROGRESS_COLUMNS, REVIEW_LOG_COLUMNS } from './format';
import { isValidSetting, SCHEDULER_KEYS } from './scheduler-settings';

/** Card ids made by the deck build are 16 hex digits; older or hand-made ones may differ, within reason. */
export const CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Review-log and quiz ids: random (UUIDs), any printable text without spaces. */
const ROW_ID = /^[\x21-\x7e]{1,100}$/;
/** The largest time a Date can hold (ms). */
const MAX_TIME = 8.64e15;

const number = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const nonNegative = v.pipe(number, v.minValue(0, 'must not be negative'));
const count = v.pipe(nonNegative, v.integer('must be a whole number'));
const time = v.pipe(count, v.maxValue(MAX_TIME, 'is not a time'));
const state = v.picklist([0, 1, 2, 3], 'must be a card state: 0 new, 1 learning, 2 review or 3 relearning');
const difficulty = v.pipe(nonNegative, v.maxValue(10, 'must be at most 10'));
const flag = v.picklist([0, 1], 'must be 0 or 1');
const cardId = v.pipe(v.string('must be a card id'), v.regex(CARD_ID, 'is not a well-formed card id'));
const rowId = v.pipe(v.string('must be an id'), v.regex(ROW_ID, 'is not a well-formed id'));

const previousItems = [
	time, // due
	nonNegative, // stability
	difficulty,
	nonNegative, // elapsedDays
	nonNegative, // scheduledDays
	count, // learningSteps
	count, // reps
	count, // lapses
	state,
	v.nullable(time), // lastReview
	flag, // suspended
	time // buriedUntil
] as const;

export const progressRow = v.strictTuple([cardId, ...previousItems], `must be a list of ${PROGRESS_COLUMNS.length} values`);
const previousRow = v.strictTuple([...previousItems], `must be null or a list of ${PREVIOUS_COLUMNS.length} values`);

export const reviewLogRow = v.strictTuple(
	[
		rowId,
		cardId,
		v.picklist([1, 2, 3, 4], 'must be a rating: 1, 2, 3 or 4'),
		time, // review
		state, // stateBefore
		state, // stateAfter
		nonNegative, // elapsedDays
		nonNegative, // scheduledDays
		time, // due
		nonNegative, // stability
		difficulty,
		count, // durationMs
		v.nullable(previousRow)
	],
	`must be a list of ${REVIEW_LOG_COLUMNS.length} values`
);

export const quizRow = v.object(
	{
		id: rowId,
		at: time,
		deckIds: v.array(v.string()),
		score: count,
		total: count,
		durationMs: count,
		answers: v.array(
			v.object({
				questionId: v.string(),
				type: v.string(),
				prompt: v.string(),
				given: v.string(),
				expected: v.string(),
				outcome: v.picklist(['correct', 'partial', 'wrong', 'skipped']),
				overruled: v.boolean(),
				cardIds: v.array(v.string())
			})
		)
	},
	'must be a quiz result'
);

const sameList = (expected: readonly string[]) =>
	v.pipe(
		v.array(v.string()),
		v.check((list) => list.length === expected.length && list.every((c, i) => c === expected[i]), `must be ${expected.join(', ')}`)
	);

/** Everything but the row sections. */
export const header = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.number(),
	exportedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time')),
	counts: v.object({ progress: count, reviewLog: count, quizHistory: count }),
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
	})
});

export type BackupHeader = v.InferOutput<typeof header>;

/** "reviewLog row 12, rating: must be a rating: 1, 2, 3 or 4 (found 5)"; `path` starts inside the row. */
export function describeIssue(where: string, columns: readonly string[] | null, issue: v.BaseIssue<unknown>, path: unknown[]): string {
	const names: string[] = [];
	if (columns && typeof path[0] === 'number') {
		const column = columns[path[0]] ?? `item ${path[0] + 1}`;
		const inner = path[1];
		names.push(column === 'previous' && typeof inner === 'number' ? `previous.${PREVIOUS_COLUMNS[inner]}` : column);
	} else {
		names.push(...path.map((key) => (typeof key === 'number' ? `item ${key + 1}` : String(key))));
	}
	const field = names.length ? `, ${names.join('.')}` : '';
	const found = issue.input === undefined ? 'nothing' : JSON.stringify(issue.input)?.slice(0, 60);
	return `${where}${field}: ${issue.message} (found ${found})`;
}
