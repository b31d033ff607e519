/**
 * Starts one optimizer run: reads the review log, packs it, and hands it to a Web Worker
 * (optimizer.worker.ts), created per run and loaded only here, so neither the worker nor the
 * WebAssembly enters any page's first visit. Cancel ends the worker at once.
 */
import { reviewsForOptimizer } from '$lib/db/optimizer';
import { parametersOf } from '$lib/scheduler/fsrs';
import { packReviewLog } from '$lib/scheduler/optimizer-input';
import type { SchedulerSettings } from '$lib/scheduler/types';
import type { OptimizeReply, OptimizeRequest, OptimizeResult, Stage } from './optimizer-protocol';

export type { OptimizeResult, Stage };

export interface OptimizeRun {
	/** The comparison, or null when the run was cancelled. */
	result: Promise<OptimizeResult | null>;
	cancel(): void;
}

export function startOptimizing(settings: SchedulerSettings, onStage: (stage: Stage | 'reading') => void): OptimizeRun {
	let worker: Worker | null = null;
	let cancelled = false;
	let finish: (result: OptimizeResult | null) => void = () => {};
	const result = new Promise<OptimizeResult | null>((resolve, reject) => {
		finish = resolve;
		onStage('reading');
		reviewsForOptimizer()
			.then((rows) => {
				if (cancelled) return;
				const cards = packReviewLog(rows, settings.dayStartHour);
				worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
				worker.onmessage = ({ data }: MessageEvent<OptimizeReply>) => {
					if (data.kind === 'stage') return onStage(data.stage);
					worker?.terminate();
					if (data.kind === 'done') resolve(data.result);
					else reject(new Error(data.message));
				};
				worker.onerror = (event) => {
					worker?.terminate();
					reject(new Error(event.message || 'The optimizer could not start.'));
				};
				const request: OptimizeRequest = { cards, current: [...parametersOf(settings)] };
				const buffers = [cards.ratings.buffer, cards.deltaDays.buffer, cards.times.buffer, cards.cardLengths.buffer];
				worker.postMessage(request, buffers as ArrayBuffer[]);
			})
			.catch(reject);
	});
	return {
		result,
		cancel() {
			cancelled = true;
			worker?.terminate();
			finish(null);
		}
	};
}
