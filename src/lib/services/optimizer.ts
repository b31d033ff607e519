/**
 * Starts one optimizer run in a Web Worker (optimizer.worker.ts), created per run and loaded
 * only here, so neither the worker nor the WebAssembly enters any page's first visit. The
 * worker reads the log itself; the page only waits. Cancel ends the worker at once.
 */
import { DATABASE_NAME } from '$lib/db/name';
import { parametersOf } from '$lib/scheduler/fsrs';
import type { SchedulerSettings } from '$lib/scheduler/types';
import type { OptimizeReply, OptimizeRequest, OptimizeResult, Stage } from './optimizer-protocol';

export type { OptimizeResult, Stage };

export interface OptimizeRun {
	/** The comparison, or null when the run was cancelled. */
	result: Promise<OptimizeResult | null>;
	cancel(): void;
}

export function startOptimizing(settings: SchedulerSettings, onStage: (stage: Stage) => void): OptimizeRun {
	const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
	let settle: (result: OptimizeResult | null) => void = () => {};
	const result = new Promise<OptimizeResult | null>((resolve, reject) => {
		settle = resolve;
		worker.onmessage = ({ data }: MessageEvent<OptimizeReply>) => {
			if (data.kind === 'stage') return onStage(data.stage);
			worker.terminate();
			if (data.kind === 'done') resolve(data.result);
			else reject(new Error(data.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'the optimizer could not start'));
		};
	});
	const request: OptimizeRequest = {
		databaseName: DATABASE_NAME,
		dayStartHour: settings.dayStartHour,
		current: [...parametersOf(settings)]
	};
	worker.postMessage(request);
	return {
		result,
		cancel() {
			worker.terminate();
			settle(null);
		}
	};
}
