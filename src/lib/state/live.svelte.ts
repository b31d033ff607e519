import { untrack } from 'svelte';
import { observe } from '$lib/db/live';

export interface Live<T> {
	readonly current: T | undefined;
	readonly error: unknown;
}

/**
 * Runs `query` now and again whenever the tables it read change, until the returned stop is
 * called; a failed run is reported and the following goes on.
 */
export function follow<T>(query: () => Promise<T>, next: (value: T) => void, fail: (error: unknown) => void): () => void {
	const subscription = observe(query).subscribe({ next, error: fail });
	return () => subscription.unsubscribe();
}

/**
 * A Dexie live query as runes state, re-run whenever the tables it read change (in this tab
 * or another). Reads after an `await` inside `query` are not tracked by runes, so anything
 * reactive the query depends on must be read in `deps`: the query re-subscribes when it changes.
 * Each result clears an earlier failure. Call during component initialisation.
 */
export function live<T>(query: () => Promise<T>, deps: () => unknown = () => undefined): Live<T> {
	let current = $state<T | undefined>(undefined);
	let error = $state<unknown>(null);
	$effect(() => {
		deps();
		return untrack(() =>
			follow(
				query,
				(value) => {
					current = value;
					error = null;
				},
				(e) => (error = e)
			)
		);
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		}
	};
}
