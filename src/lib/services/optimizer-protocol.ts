/** Messages between the Settings page and the optimizer's worker (optimizer.worker.ts). */
import type { Metrics } from '$lib/scheduler/optimizer-metrics';

export interface OptimizeRequest {
	/** The app's IndexedDB database, which the worker reads the log from. */
	databaseName: string;
	dayStartHour: number;
	/** The parameters in use, to compare against. */
	current: readonly number[];
}

export type Stage = 'reading' | 'evaluating' | 'training' | 'comparing';

export interface OptimizeResult {
	/** Training items: reviews on a later day than the one before (what the optimizer learns from). */
	reviews: number;
	current: { w: number[]; metrics: Metrics };
	/** Null when the log has too few reviews to optimize. */
	optimized: { w: number[]; metrics: Metrics } | null;
	/** Whether the optimized parameters predict the log better (Anki's rule). */
	better: boolean;
}

export type OptimizeReply =
	{ kind: 'stage'; stage: Stage } | { kind: 'done'; result: OptimizeResult } | { kind: 'failed'; message: string };
