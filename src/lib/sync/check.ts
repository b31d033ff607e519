/**
 * The one gate for events that come from elsewhere (a server, older history): a valibot schema
 * of every event type, plus the plausibility rules backups use. Loaded with sync, not with
 * the pages that only write events.
 */
import * as v from 'valibot';
import { DUE_HORIZON, REVIEW_SLACK } from '$lib/backup/format';
import { quizProblem } from '$lib/backup/meaning';
import { cardId as cardIdSchema, count, describeIssue, noteRow, rowSchemas, time } from '$lib/backup/schema';
import { DEVICE, isEventId, type SyncEvent } from './events';

/** The valibot schema of an event, with times plausible at `now` (the rules backups use). */
function eventSchema(now: number) {
	const at = time(now + REVIEW_SLACK, 'tomorrow');
	const ahead = time(now + DUE_HORIZON, '100 years from now');
	const base = {
		id: v.pipe(v.string('must be an event id'), v.maxLength(200, 'must be at most 200 characters')),
		device: v.pipe(
			v.string('must be a device id'),
			v.check((d) => DEVICE.test(d), 'is not a well-formed device id')
		),
		at
	};
	const card = { ...base, cardId: cardIdSchema };
	return v.pipe(
		v.variant(
			'type',
			[
				v.object({
					...card,
					type: v.literal('rating'),
					rating: v.picklist([1, 2, 3, 4], 'must be a rating: 1, 2, 3 or 4'),
					durationMs: count
				}),
				v.object({ ...card, type: v.literal('undo'), target: base.id }),
				v.object({ ...card, type: v.literal('bury'), until: ahead }),
				v.object({ ...card, type: v.literal('send'), dayEnd: ahead }),
				v.object({ ...card, type: v.picklist(['unbury', 'suspend', 'unsuspend', 'reset']) }),
				v.object({ ...base, type: v.literal('quiz'), result: rowSchemas(now).quizRow }),
				v.object({
					...base,
					type: v.literal('note'),
					noteId: cardIdSchema,
					file: noteRow.entries.file,
					markdown: v.nullable(noteRow.entries.markdown)
				})
			],
			'must be an event of a known type'
		),
		v.check((e) => isEventId(e.id, e.device), 'id must be the device id, a dot and a ULID')
	);
}

export type Checked = { event: SyncEvent; problem?: undefined } | { event?: undefined; problem: string };

/**
 * A function that checks one value of any shape as an event, at `now`: build it once per batch.
 * Unknown fields (CouchDB's `_id`, `_rev`) are left out of the event it returns.
 */
export function eventChecker(now: number): (value: unknown) => Checked {
	const schema = eventSchema(now);
	return (value) => {
		const name = `event ${idOf(value)}`;
		try {
			const result = v.safeParse(schema, value);
			if (!result.success) {
				const issue = result.issues[0];
				return {
					problem: describeIssue(
						name,
						null,
						issue,
						(issue.path ?? []).map((p) => p.key)
					)
				};
			}
			const event = result.output as SyncEvent;
			const odd = event.type === 'quiz' ? quizProblem(event.result) : null;
			return odd ? { problem: `${name}, result.${odd[0]}: ${odd[1]}` } : { event };
		} catch (error) {
			// A getter that throws, a revoked proxy: nothing a server should send, still no crash.
			return { problem: `${name}: could not be read (${error instanceof Error ? error.message : String(error)})` };
		}
	};
}

function idOf(value: unknown): string {
	try {
		const id = (value as { id?: unknown } | null)?.id;
		return typeof id === 'string' ? JSON.stringify(id.slice(0, 80)) : '(without an id)';
	} catch {
		return '(without an id)';
	}
}
