import { untrack } from 'svelte';
import { observe } from '$lib/db/live';

export interface Live<T> {
	readonly current: T | undefined;
	readonly error: unknown;
}

/** A live query's latest result or failure, as runes state. */
export class LiveResult<T> implements Live<T> {
	current = $state<T | undefined>(undefined);
	error = $state<unknown>(null);

	/** Follows `query` until the returned stop is called: each result replaces the last and clears a failure. */
	follow(query: () => Promise<T>): () => void {
		const subscription = observe(query).subscribe({
			next: (value) => {
				this.current = value;
				this.error = null;
			},
			error: (e) => (this.error = e)
		});
		return () => subscription.unsubscribe();
	}
}

/**
 * A Dexie live query as runes state, re-run whenever the tables it read change (in this tab
 * or another). Reads after an `await` inside `query` are not tracked by runes, so anything
 * reactive the query depends on must be read in `deps`: the query re-subscribes when it changes.
 * Call during component initialisation.
 */
export function live<T>(query: () => Promise<T>, deps: () => unknown = () => undefined): Live<T> {
	const result = new LiveResult<T>();
	$effect(() => {
		deps();
		return untrack(() => result.follow(query));
	});
	return result;
}
