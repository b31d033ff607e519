import { untrack } from 'svelte';
import { observe } from '$lib/db/live';

export interface Live<T> {
	readonly current: T | undefined;
	readonly error: unknown;
}

/**
 * A Dexie live query as runes state, re-run whenever the tables it read change (in this tab
 * or another). Reads after an `await` inside `query` are not tracked by runes, so anything
 * reactive the query depends on must be read in `deps`: the query re-subscribes when it changes.
 * Call during component initialisation.
 */
export function live<T>(query: () => Promise<T>, deps: () => unknown = () => undefined): Live<T> {
	let current = $state<T | undefined>(undefined);
	let error = $state<unknown>(null);
	$effect(() => {
		deps();
		const subscription = untrack(() =>
			observe(query).subscribe({
				next: (value) => {
					current = value;
					error = null;
				},
				error: (e) => (error = e)
			})
		);
		return () => subscription.unsubscribe();
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
