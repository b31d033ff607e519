/** Errors the app can tell apart and explain in plain words. */
import { messageOf } from '$lib/errors';

/**
 * - missing: no IndexedDB at all (old browser, some private modes)
 * - denied: the browser refuses access (private mode, blocked storage, security settings)
 * - blocked: another tab holds an older version open and will not let go
 * - version: the stored database is newer than this app (an older copy is running)
 * - quota: no room left to create the database
 * - closed: used before `openDatabase()` or after the browser closed it (e.g. an upgrade in another tab)
 */
export type UnavailableReason = 'missing' | 'denied' | 'blocked' | 'version' | 'quota' | 'closed' | 'unknown';

export class StorageUnavailableError extends Error {
	override name = 'StorageUnavailableError';
	constructor(
		readonly reason: UnavailableReason,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/** A write ran out of space; the transaction was rolled back, nothing of it was applied. */
export class StorageQuotaError extends Error {
	override name = 'StorageQuotaError';
}

/** Deck JSON with another schema number or a broken shape; the database was not changed. */
export class DeckDataError extends Error {
	override name = 'DeckDataError';
}

/**
 * An operation named a card that is neither in the notes nor in the stored progress; or a
 * rating named a card no longer in the notes (a deck update took it out while it was shown).
 */
export class UnknownCardError extends Error {
	override name = 'UnknownCardError';
	constructor(readonly cardId: string) {
		super(`No card ${cardId} in the decks or the stored progress`);
	}
}

/** The card changed after the rating being undone (another rating, a reset), so its previous state no longer applies. */
export class UndoConflictError extends Error {
	override name = 'UndoConflictError';
}

/**
 * A rating was computed from a card state that is no longer stored (another tab rated,
 * suspended, buried or reset the card meanwhile); nothing was written.
 */
export class RatingConflictError extends Error {
	override name = 'RatingConflictError';
}

/** Error names along Dexie's wrapping chain (`inner`) and standard `cause`s. */
function errorNames(error: unknown): string[] {
	const names: string[] = [];
	let current = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
		if (typeof name === 'string') names.push(name);
		current = inner ?? cause;
	}
	return names;
}

function isQuota(names: string[]): boolean {
	return names.some((n) => n === 'QuotaExceededError' || n === 'StorageQuotaError');
}

const REASONS: [names: string[], reason: UnavailableReason][] = [
	[['MissingAPIError'], 'missing'],
	[['VersionError'], 'version'],
	[['QuotaExceededError'], 'quota'],
	[['SecurityError', 'InvalidStateError', 'NotAllowedError'], 'denied'],
	[['DatabaseClosedError'], 'closed']
];

export function toUnavailableError(error: unknown): StorageUnavailableError {
	if (error instanceof StorageUnavailableError) return error;
	const names = errorNames(error);
	const reason = REASONS.find(([known]) => known.some((n) => names.includes(n)))?.[1] ?? 'unknown';
	const detail = messageOf(error);
	return new StorageUnavailableError(reason, `Cannot open the local database (${reason}): ${detail}`, {
		cause: error
	});
}

/** Quota errors become StorageQuotaError; anything else passes through unchanged. */
export function toWriteError(error: unknown): unknown {
	if (isQuota(errorNames(error))) {
		return new StorageQuotaError('The browser has no room left to save progress', { cause: error });
	}
	if (errorNames(error).includes('DatabaseClosedError')) return toUnavailableError(error);
	return error;
}
