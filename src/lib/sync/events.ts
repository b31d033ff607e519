/**
 * Sync events: one immutable document per thing a person did, the truth that devices share.
 * A card's progress is never sent; it is derived by replaying its events (scheduler/replay).
 *
 * {"id":"k3v9q2m8x4c7w1za.01KBS35CG0FHST4EWT73H5XA0K","device":"k3v9q2m8x4c7w1za",
 *  "at":1765000000000,"type":"rating","cardId":"9a1e04c2b7f3d815","rating":3,"durationMs":4200}
 *
 * The id is the device id, a dot, and a ULID: two devices can never make the same id, so a
 * push is idempotent and "already there" is the only conflict. Events arrive from a server,
 * so every reader goes through `eventChecker` (check.ts, kept apart so the pages that only
 * write events do not load its schema), which refuses anything malformed or implausible with a
 * message and never throws.
 */
import { monotonicFactory, type PRNG } from 'ulid';
import type { QuizResult } from '$lib/db/rows';
import type { Rating } from '$lib/scheduler/types';

interface Base {
	id: string;
	device: string;
	/** When it happened (ms), on the device's clock. */
	at: number;
}
interface OfCard extends Base {
	cardId: string;
}
export interface RatingEvent extends OfCard {
	type: 'rating';
	rating: Rating;
	durationMs: number;
}
/** Takes back the rating `target` (an event id), wherever it falls in the order. */
export interface UndoEvent extends OfCard {
	type: 'undo';
	target: string;
}
/** Hidden from queues until `until` (ms). */
export interface BuryEvent extends OfCard {
	type: 'bury';
	until: number;
}
/** Quiz's "review missed cards now": due now if studied, in today's new list (until `dayEnd`) if new. */
export interface SendEvent extends OfCard {
	type: 'send';
	dayEnd: number;
}
export interface PlainEvent extends OfCard {
	type: 'unbury' | 'suspend' | 'unsuspend' | 'reset';
}
/** One finished quiz, so quiz history syncs like ratings do. It names no single card. */
export interface QuizEvent extends Base {
	type: 'quiz';
	result: QuizResult;
}
/**
 * A note added in the app, as its markdown at `at`, or its removal (`markdown` null: a
 * tombstone, so an older copy arriving later does not bring it back). The note's latest event
 * by compareEvents wins everywhere; its cards are built again from the markdown on each device
 * with the same ids (notes/ids.ts), so no progress is lost whichever copy wins.
 */
export interface NoteEvent extends Base {
	type: 'note';
	/** The note's root deck id (NoteRow.id). */
	noteId: string;
	file: string;
	markdown: string | null;
}
export type CardEvent = RatingEvent | UndoEvent | BuryEvent | SendEvent | PlainEvent;
export type SyncEvent = CardEvent | QuizEvent | NoteEvent;

/** Device ids are what the id regex below allows before the dot; `legacy` marks converted log rows. */
export const DEVICE = /^[a-z0-9]{1,32}$/;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
export const LEGACY_DEVICE = 'legacy';
/** Review-log ids as backups accept them (printable, no spaces). */
const LEGACY_ROW_ID = /^[\x21-\x7e]{1,100}$/;
const DEVICE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random id for this device, made once and kept: 16 characters, 80 bits. */
export function newDeviceId(random: PRNG): string {
	let id = '';
	for (let i = 0; i < 16; i++) id += DEVICE_ALPHABET[Math.floor(random() * 32) % 32];
	return id;
}

/** Whether `id` is `<device>.<ULID>`, or `legacy.<review-log row id>` for a converted rating. */
export function isEventId(id: string, device: string): boolean {
	if (!id.startsWith(`${device}.`)) return false;
	const rest = id.slice(device.length + 1);
	return device === LEGACY_DEVICE ? LEGACY_ROW_ID.test(rest) : ULID.test(rest);
}

/**
 * The event id of a review-log row (or quiz result) id: a row written since sync exists shares
 * its event's id; any other (a UUID from before, a backup's) becomes `legacy.<id>`, the same on
 * every device, so the same old row merges once.
 */
export function eventIdOf(rowId: string): string {
	const dot = rowId.indexOf('.');
	const device = dot > 0 ? rowId.slice(0, dot) : '';
	return device !== LEGACY_DEVICE && DEVICE.test(device) && isEventId(rowId, device) ? rowId : `${LEGACY_DEVICE}.${rowId}`;
}

/** The review-log row id of a rating event: the inverse of eventIdOf. */
export function rowIdOf(eventId: string): string {
	return eventId.startsWith(`${LEGACY_DEVICE}.`) ? eventId.slice(LEGACY_DEVICE.length + 1) : eventId;
}

/** The device part of an event id. */
export function deviceOf(eventId: string): string {
	return eventId.slice(0, eventId.indexOf('.'));
}

/**
 * Makes this device's events. The ULID factory is monotonic: ids made in one millisecond, or
 * after the clock stepped back, still sort in the order they were made. `random` is injected
 * so tests are repeatable; the app passes a crypto-backed one.
 */
export function eventMaker(device: string, random: PRNG) {
	if (!DEVICE.test(device) || device === LEGACY_DEVICE) throw new RangeError(`"${device}" is not a device id`);
	const next = monotonicFactory(random);
	// ulid takes 0 or NaN as "now" and reads the real clock; a time that low is refused anyway.
	const stamp = (at: number) => ({ id: `${device}.${next(Math.max(1, at))}`, device, at });
	const plain =
		(type: PlainEvent['type']) =>
		(cardId: string, at: number): PlainEvent => ({ ...stamp(at), type, cardId });
	return {
		/** A fresh id at `at`, for an event made elsewhere from it (a rating's review-log row). */
		id: (at: number): string => stamp(at).id,
		rating: (cardId: string, at: number, rating: Rating, durationMs: number): RatingEvent => ({
			...stamp(at),
			type: 'rating',
			cardId,
			rating,
			durationMs: Math.max(0, Math.round(durationMs))
		}),
		undo: (rated: Pick<RatingEvent, 'id' | 'cardId'>, at: number): UndoEvent => ({
			...stamp(at),
			type: 'undo',
			cardId: rated.cardId,
			target: rated.id
		}),
		bury: (cardId: string, at: number, until: number): BuryEvent => ({ ...stamp(at), type: 'bury', cardId, until }),
		unbury: plain('unbury'),
		suspend: plain('suspend'),
		unsuspend: plain('unsuspend'),
		reset: plain('reset'),
		send: (cardId: string, at: number, dayEnd: number): SendEvent => ({ ...stamp(at), type: 'send', cardId, dayEnd }),
		quiz: (result: QuizResult, at = result.at): QuizEvent => ({ ...stamp(at), type: 'quiz', result }),
		note: (noteId: string, file: string, markdown: string | null, at: number): NoteEvent => ({
			...stamp(at),
			type: 'note',
			noteId,
			file,
			markdown
		})
	};
}

export type EventMaker = ReturnType<typeof eventMaker>;

/** The total order of events: by time, then by id, so every device sorts any set the same way. */
export function compareEvents(a: SyncEvent, b: SyncEvent): number {
	if (a.at !== b.at) return a.at - b.at;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
